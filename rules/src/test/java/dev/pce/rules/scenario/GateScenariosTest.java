package dev.pce.rules.scenario;

import dev.pce.rules.gate.GateRules;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs every scenario file under scenarios/gates/ as one dynamic test per scenario. */
class GateScenariosTest {
    private static final ScenarioRunner RUNNER = new ScenarioRunner();
    private static final Path ROOT = ScenarioTests.resource("/scenarios/gates");

    @Test
    void everyRuleIsNamedBySomeScenario() {
        ScenarioTests.assertEveryRuleNamed(GateRules.shared().kieBase(), GateRules.PACKAGE, ROOT, 15);
    }

    /** A gate file without "rules: gates" would fail on its first gate field; this names the file instead. */
    @Test
    void everyFileTestsTheGateRules() {
        int scenarios = 0;
        for (Path file : ScenarioLoader.findFiles(ROOT)) {
            List<Scenario> loaded = ScenarioLoader.load(file);
            assertThat(loaded).as(file.toString()).allMatch(GateScenario.class::isInstance);
            scenarios += loaded.size();
        }
        assertThat(scenarios).isGreaterThanOrEqualTo(15);
    }

    @TestFactory
    List<DynamicNode> scenarios() {
        return ScenarioTests.dynamicTests(RUNNER, ROOT);
    }
}
