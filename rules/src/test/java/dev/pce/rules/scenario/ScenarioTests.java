package dev.pce.rules.scenario;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/** What the scenario tests of each rule set share: one dynamic test per scenario, and the rule-coverage check. */
final class ScenarioTests {

    private ScenarioTests() {
    }

    /** A directory of test resources, e.g. "/scenarios/gates". */
    static Path resource(String path) {
        try {
            return Path.of(Objects.requireNonNull(ScenarioTests.class.getResource(path), path).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every scenario file under {@code root} as a container of one test per scenario, named by file and scenario. */
    static List<DynamicNode> dynamicTests(ScenarioRunner runner, Path root) {
        List<Path> files = ScenarioLoader.findFiles(root);
        assertThat(files).isNotEmpty();
        return files.stream().<DynamicNode>map(file -> DynamicContainer.dynamicContainer(
                root.relativize(file).toString(), file.toUri(),
                ScenarioLoader.load(file).stream().map(scenario -> DynamicTest.dynamicTest(scenario.name(), () -> {
                    ScenarioResult result = runner.run(scenario);
                    if (!result.passed()) {
                        throw new AssertionError(result.report());
                    }
                })))).toList();
    }

    /**
     * A rule no scenario names is untested: every rule of {@code rulePackage} must appear somewhere in the scenario
     * files under {@code root} (in an expectation's rule, or in the description of an error scenario).
     */
    static void assertEveryRuleNamed(KieBase rules, String rulePackage, Path root, int atLeast) {
        StringBuilder all = new StringBuilder();
        for (Path file : ScenarioLoader.findFiles(root)) {
            try {
                all.append(Files.readString(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        List<String> names = rules.getKiePackage(rulePackage).getRules().stream().map(Rule::getName).sorted().toList();
        assertThat(names).hasSizeGreaterThanOrEqualTo(atLeast);
        assertThat(names).allSatisfy(rule -> assertThat(all.toString()).as("rule %s", rule).contains(rule));
    }
}
