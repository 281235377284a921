package dev.pce.rules.scenario;

import dev.pce.engine.conflict.ConflictKind;
import dev.pce.rules.conflict.ConflictRules;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs every scenario file under scenarios/conflicts/ as one dynamic test per scenario. */
class ConflictScenariosTest {
    private static final ScenarioRunner RUNNER = new ScenarioRunner();
    private static final Path ROOT = ScenarioTests.resource("/scenarios/conflicts");

    @Test
    void everyRuleIsNamedBySomeScenario() {
        ScenarioTests.assertEveryRuleNamed(ConflictRules.shared().kieBase(), ConflictRules.PACKAGE, ROOT, 20);
    }

    /** A conflict file without "rules: conflicts" would fail on its 'given'; this names the file instead. */
    @Test
    void everyFileTestsTheConflictRulesAndEveryKindIsCovered() {
        List<ConflictScenario> all = new ArrayList<>();
        for (Path file : ScenarioLoader.findFiles(ROOT)) {
            List<Scenario> loaded = ScenarioLoader.load(file);
            assertThat(loaded).as(file.toString()).allMatch(ConflictScenario.class::isInstance);
            loaded.forEach(scenario -> all.add((ConflictScenario) scenario));
        }
        assertThat(all).hasSizeGreaterThanOrEqualTo(15);
        for (ConflictKind kind : ConflictKind.values()) {
            assertThat(all).as(kind.wireName()).filteredOn(scenario -> scenario.given().kind() == kind)
                    .hasSizeGreaterThanOrEqualTo(5);
        }
    }

    @TestFactory
    List<DynamicNode> scenarios() {
        return ScenarioTests.dynamicTests(RUNNER, ROOT);
    }
}
