package dev.pce.rules.authoring;

import dev.pce.rules.scenario.ScenarioResult;
import dev.pce.testing.LocalRuleFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.pce.testing.LocalRuleFiles.docsRule;
import static dev.pce.testing.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

class RuleTestsTest {
    /** The shared passing scenario, and one that wrongly expects no edge. */
    private static final String DOCS_SCENARIOS = LocalRuleFiles.DOCS_SCENARIOS + """
              - name: wrongly expects no edge
                given:
                  - {id: build, kind: implement}
                  - {id: guide, kind: docs}
                expect: []
            """;

    @TempDir
    Path dir;

    @Test
    void scenariosRunAgainstTheLayeredRulesOfTheirDirectory() {
        Path rule = write(dir.resolve("docs.drl"), docsRule("docs-wait-for-builds"));
        write(dir.resolve("gates/coverage.drl"), LocalRuleFiles.STRICTER_LIBRARY_COVERAGE);
        Path docs = write(dir.resolve("scenarios/docs.yaml"), DOCS_SCENARIOS);
        Path gates = write(dir.resolve("scenarios/gates.yaml"), LocalRuleFiles.GATE_SCENARIOS);
        Path unreadable = write(dir.resolve("scenarios/typo.yaml"), "scenario: []\n");

        TestRun run = RuleTests.run(new LocalRules(dir), RuleSets.builtIn());

        assertThat(run).isInstanceOfSatisfying(TestRun.Ran.class, ran -> {
            assertThat(ran.ruleFiles()).contains(rule).hasSize(2);
            assertThat(ran.scenarioFiles()).containsExactly(docs, gates, unreadable);
            assertThat(ran.results()).extracting(ScenarioResult::passed).containsExactly(true, false, true);
            assertThat(ran.results().get(1).report())
                    .startsWith("FAIL " + docs + ", scenario 'wrongly expects no edge'")
                    .contains("docs-wait-for-builds");
            assertThat(ran.unreadableFiles()).singleElement().asString().contains(unreadable.toString(), "Fix:");
            assertThat(ran.passed()).isFalse();
        });
    }

    @Test
    void rulesThatDoNotCompileRunNoScenario() {
        write(dir.resolve("docs.drl"), "package dev.pce.rules.dependency;\nrule \"x\" when then");
        write(dir.resolve("docs.yaml"), DOCS_SCENARIOS);

        assertThat(RuleTests.run(new LocalRules(dir), RuleSets.builtIn())).isInstanceOfSatisfying(
                TestRun.NotCompiled.class, failed -> {
                    assertThat(failed.problems()).isNotEmpty();
                    assertThat(failed.passed()).isFalse();
                });
    }

    @Test
    void passingScenariosPass() {
        write(dir.resolve("docs.drl"), docsRule("docs-wait-for-builds"));
        write(dir.resolve("docs.yaml"), DOCS_SCENARIOS.substring(0, DOCS_SCENARIOS.indexOf("  - name: wrongly")));

        TestRun run = RuleTests.run(new LocalRules(dir), RuleSets.builtIn());

        assertThat(run.passed()).isTrue();
    }
}
