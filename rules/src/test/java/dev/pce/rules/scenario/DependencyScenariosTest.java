package dev.pce.rules.scenario;

import dev.pce.rules.dependency.DependencyRules;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs every scenario file under scenarios/dependencies/ as one dynamic test per scenario. */
class DependencyScenariosTest {
    private static final ScenarioRunner RUNNER = new ScenarioRunner();
    private static final Path ROOT = ScenarioTests.resource("/scenarios/dependencies");

    @Test
    void everyRuleIsNamedBySomeScenario() {
        ScenarioTests.assertEveryRuleNamed(DependencyRules.shared().kieBase(), "dev.pce.rules.dependency", ROOT, 11);
    }

    @Test
    void everyFileTestsTheDependencyRules() {
        for (Path file : ScenarioLoader.findFiles(ROOT)) {
            assertThat(ScenarioLoader.load(file)).as(file.toString()).allMatch(DependencyScenario.class::isInstance);
        }
    }

    @TestFactory
    List<DynamicNode> scenarios() {
        return ScenarioTests.dynamicTests(RUNNER, ROOT);
    }
}
