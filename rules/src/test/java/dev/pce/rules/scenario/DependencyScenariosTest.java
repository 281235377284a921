package dev.pce.rules.scenario;

import dev.pce.rules.dependency.DependencyRules;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.kie.api.definition.rule.Rule;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs every scenario file under scenarios/dependencies/ as one dynamic test per scenario. */
class DependencyScenariosTest {
    private static final ScenarioRunner RUNNER = new ScenarioRunner();

    /** A rule no scenario names is untested: name it in an expectation's rule, or in the description of an error scenario. */
    @Test
    void everyRuleIsNamedBySomeScenario() throws Exception {
        StringBuilder all = new StringBuilder();
        for (Path file : ScenarioLoader.findFiles(root())) {
            all.append(Files.readString(file));
        }
        List<String> rules = DependencyRules.shared().kieBase().getKiePackage("dev.pce.rules.dependency").getRules()
                .stream().map(Rule::getName).sorted().toList();
        assertThat(rules).hasSizeGreaterThan(10);
        assertThat(rules).allSatisfy(rule -> assertThat(all.toString()).as("rule %s", rule).contains(rule));
    }

    @TestFactory
    List<DynamicNode> scenarios() throws URISyntaxException {
        Path root = root();
        List<Path> files = ScenarioLoader.findFiles(root);
        assertThat(files).isNotEmpty();
        return files.stream().<DynamicNode>map(file -> DynamicContainer.dynamicContainer(
                root.relativize(file).toString(), file.toUri(),
                ScenarioLoader.load(file).stream().map(scenario -> DynamicTest.dynamicTest(scenario.name(), () -> {
                    ScenarioResult result = RUNNER.run(scenario);
                    if (!result.passed()) {
                        throw new AssertionError(result.report());
                    }
                })))).toList();
    }

    private Path root() throws URISyntaxException {
        return Path.of(Objects.requireNonNull(getClass().getResource("/scenarios/dependencies")).toURI());
    }
}
