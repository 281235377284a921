package dev.pce.rules.scenario;

import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScenarioRunnerTest {
    private static final ScenarioRunner RUNNER = new ScenarioRunner();

    @TempDir
    Path dir;

    @Test
    void reportsMissingAndUnexpectedEdgesWithFileAndScenario() throws IOException {
        Path file = write("wrong.yaml", """
                scenarios:
                  - name: wrong class
                    given:
                      - {id: a, kind: build}
                      - {id: b, kind: build, depends_on: [a]}
                    expect:
                      - {from: a, to: b, class: soft}
                """);
        List<ScenarioResult> results = RUNNER.runAll(dir);
        assertThat(results).singleElement().satisfies(result -> {
            assertThat(result.passed()).isFalse();
            assertThat(result.report())
                    .contains("FAIL " + file, "scenario 'wrong class'")
                    .contains("missing:    a -> b soft")
                    .contains("unexpected: a -> b hard [declared-untyped-is-hard]")
                    .contains("actual:");
        });
        assertThat(ScenarioRunner.summary(results)).isEqualTo("0 passed, 1 failed");
    }

    @Test
    void reportsAWrongRuleNextToTheEdgeThatCame() throws IOException {
        write("rule.json", """
                {"scenarios": [{"name": "wrong rule",
                  "given": [{"id": "a", "kind": "build"}, {"id": "b", "kind": "build", "depends_on": ["a"]}],
                  "expect": [{"from": "a", "to": "b", "class": "hard", "rule": "declared-hard"}]}]}
                """);
        ScenarioResult result = RUNNER.runAll(dir).get(0);
        assertThat(result.mismatches()).containsExactly("missing:    a -> b hard [declared-hard], but it came as "
                + "a -> b hard [declared-untyped-is-hard]: 'b' depends on 'a' (no type declared, so it needs 'a'"
                + " finished)");
    }

    @Test
    void anExpectedErrorThatDoesNotComeFails() throws IOException {
        write("error.yaml", """
                scenarios:
                  - name: no error
                    given: [{id: a, kind: build}]
                    expect_error: boom
                  - name: other error
                    given: [{id: a, kind: build, produces: [x]}, {id: b, kind: build, produces: [x]}]
                    expect_error: something else
                """);
        List<ScenarioResult> results = RUNNER.runAll(dir);
        assertThat(results.get(0).mismatches()).containsExactly(
                "expected an error containing ['boom'], but the plan was classified");
        assertThat(results.get(1).mismatches()).containsExactly("the error does not contain 'something else'");
        assertThat(results.get(1).report()).contains("error INVALID_PLAN: Plan rejected: tasks 'a' and 'b'");
    }

    @Test
    void aMisspeltFieldIsAnErrorNamingWhere() throws IOException {
        Path file = write("typo.yaml", """
                scenarios:
                  - name: typo
                    given: [{id: a, kind: build, depend_on: [b]}]
                    expect: []
                """);
        assertThatThrownBy(() -> ScenarioLoader.load(file)).isInstanceOfSatisfying(CeException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
            assertThat(e.getMessage()).contains(file.toString(), "scenarios[0] ('typo').given[0]",
                    "unknown field 'depend_on'");
        });
    }

    @Test
    void anUnknownEdgeClassIsAnError() throws IOException {
        Path file = write("class.yaml", """
                scenarios:
                  - name: bad class
                    given: [{id: a, kind: build}, {id: b, kind: build, depends_on: [{id: a, type: strong}]}]
                    expect: []
                """);
        assertThatThrownBy(() -> ScenarioLoader.load(file)).hasMessageContaining(
                "given[1].depends_on[0].type is 'strong', not one of hard, soft, resource, feedback");
    }

    @Test
    void aScenarioNeedsAnExpectation() throws IOException {
        Path file = write("none.yaml", """
                scenarios:
                  - name: nothing expected
                    given: [{id: a, kind: build}]
                """);
        assertThatThrownBy(() -> ScenarioLoader.load(file)).hasMessageContaining("needs 'expect'");
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void aGateScenarioReportsEachWrongFieldOfEachCriterion() throws IOException {
        Path file = write("gate.yaml", """
                rules: gates
                scenarios:
                  - name: wrong expectations
                    project_type: library
                    evidence:
                      measurements: {coverage.line: 79}
                      findings:
                        - {dimension: lint, severity: high, file: src/A.java}
                    expect:
                      blocking: false
                      criteria:
                        - {criterion: coverage-line, verdict: pass, threshold: 70, required: false,
                           rule: coverage-service}
                        - {criterion: lint-high, remediation: {pool: reviewers, files: [src/B.java]}}
                        - {criterion: docs-high, remediation: {title: Fix the docs}}
                        - {criterion: coverage-lines}
                """);
        ScenarioResult result = RUNNER.runAll(dir).get(0);
        assertThat(result.mismatches()).containsExactly(
                "blocking: expected false, got true",
                "coverage-line verdict: expected pass, got fail",
                "coverage-line threshold: expected 70.0, got 80.0",
                "coverage-line required: expected false, got true",
                "coverage-line rule: expected coverage-service, got coverage-library",
                "lint-high remediation pool: expected reviewers, got builders",
                "lint-high remediation files: expected [src/B.java], got [src/A.java]",
                "docs-high remediation: expected a task, got none",
                "missing criterion: coverage-lines");
        assertThat(result.report()).contains("FAIL " + file, "actual:", "coverage-line fail, blocking, required, at least 80.0,"
                + " measured 79.0 [coverage-library] -> builders 'Add tests for the uncovered lines' []");
    }

    @Test
    void oneRunnerRunsBothKindsOfFile() throws IOException {
        write("dependencies.yaml", """
                scenarios:
                  - name: untyped is hard
                    given: [{id: a, kind: build}, {id: b, kind: build, depends_on: [a]}]
                    expect: [{from: a, to: b, class: hard}]
                """);
        write("gates.yaml", """
                rules: gates
                scenarios:
                  - name: nothing measured blocks
                    project_type: web
                    expect: {blocking: true}
                """);
        List<ScenarioResult> results = RUNNER.runAll(dir);
        assertThat(results).extracting(result -> result.scenario().getClass().getSimpleName())
                .containsExactly("DependencyScenario", "GateScenario");
        assertThat(ScenarioRunner.summary(results)).isEqualTo("2 passed, 0 failed");
    }

    @Test
    void aGateScenarioExpectingAnErrorFailsWhenTheGateJudges() throws IOException {
        write("gate-error.yaml", """
                rules: gates
                scenarios:
                  - name: no error comes
                    project_type: cli
                    expect_error: boom
                """);
        assertThat(RUNNER.runAll(dir).get(0).mismatches()).containsExactly(
                "expected an error containing ['boom'], but the gate judged the evidence");
    }

    @Test
    void gateFieldsInAFileOfDependencyScenariosNameTheMissingRulesLine() throws IOException {
        Path file = write("no-rules.yaml", """
                scenarios:
                  - name: forgot rules
                    project_type: library
                    expect: {blocking: true}
                """);
        assertThatThrownBy(() -> ScenarioLoader.load(file)).hasMessageContaining(
                "scenarios[0] has fields of a gate scenario, but the file tests the dependency rules; a file of gate"
                        + " scenarios starts with 'rules: gates'");
    }

    @Test
    void aMisspeltGateFieldIsAnErrorNamingWhere() throws IOException {
        Path file = write("typo.yaml", """
                rules: gates
                scenarios:
                  - name: typo
                    project_type: library
                    evidence:
                      findings: [{dimension: lint, severity: high, fil: src/A.java}]
                    expect: {blocking: true}
                """);
        assertThatThrownBy(() -> ScenarioLoader.load(file)).hasMessageContaining(
                "scenarios[0] ('typo').evidence.findings[0] has the unknown field 'fil'");
    }

    @Test
    void invalidNamesListTheValidOnes() throws IOException {
        Path rules = write("rules.yaml", """
                rules: gate
                scenarios: [{name: x}]
                """);
        assertThatThrownBy(() -> ScenarioLoader.load(rules)).hasMessageContaining(
                "the file's 'rules' is invalid: unknown rules 'gate'; use one of [dependencies, gates, conflicts]");
        Path type = write("type.yaml", """
                rules: gates
                scenarios: [{name: x, project_type: daemon, expect: {blocking: true}}]
                """);
        assertThatThrownBy(() -> ScenarioLoader.load(type)).hasMessageContaining(
                "scenarios[0] ('x').project_type is invalid: unknown project type 'daemon'; use one of library,"
                        + " service, cli, web");
        Path metric = write("metric.yaml", """
                rules: gates
                scenarios: [{name: x, project_type: cli, evidence: {measurements: {coverge.line: 3}},
                             expect: {blocking: true}}]
                """);
        assertThatThrownBy(() -> ScenarioLoader.load(metric)).hasMessageContaining(
                "evidence.measurements.coverge.line (metric 'coverge.line') is invalid: unknown dimension 'coverge'");
    }
}
