package dev.pce.rules.authoring;

import dev.pce.rules.scenario.ScenarioResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.pce.rules.authoring.RuleTexts.docsRule;
import static dev.pce.rules.authoring.RuleTexts.write;
import static org.assertj.core.api.Assertions.assertThat;

class RuleTestsTest {
    private static final String DOCS_SCENARIOS = """
            scenarios:
              - name: a guide waits for the build
                given:
                  - {id: build, kind: implement}
                  - {id: guide, kind: docs}
                expect:
                  - {from: build, to: guide, class: hard, rule: docs-wait-for-builds}
              - name: wrongly expects no edge
                given:
                  - {id: build, kind: implement}
                  - {id: guide, kind: docs}
                expect: []
            """;

    private static final String GATE_SCENARIOS = """
            rules: gates
            scenarios:
              - name: a library needs 90% line coverage
                project_type: library
                evidence:
                  measurements: {coverage.line: 85}
                expect:
                  criteria:
                    - {criterion: coverage-line, verdict: fail, threshold: 90, rule: coverage-library}
            """;

    @TempDir
    Path dir;

    @Test
    void scenariosRunAgainstTheLayeredRulesOfTheirDirectory() {
        Path rule = write(dir.resolve("docs.drl"), docsRule("docs-wait-for-builds"));
        write(dir.resolve("gates/coverage.drl"), RuleTexts.STRICTER_LIBRARY_COVERAGE);
        Path docs = write(dir.resolve("scenarios/docs.yaml"), DOCS_SCENARIOS);
        Path gates = write(dir.resolve("scenarios/gates.yaml"), GATE_SCENARIOS);
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
