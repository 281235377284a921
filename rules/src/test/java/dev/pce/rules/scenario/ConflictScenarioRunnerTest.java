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

/** How conflict scenario files are read, and how a failing one reports what differed. */
class ConflictScenarioRunnerTest {
    private static final ScenarioRunner RUNNER = new ScenarioRunner();

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void aFailingConflictScenarioNamesEveryFieldThatDiffered() throws IOException {
        Path file = write("wrong.yaml", """
                rules: conflicts
                scenarios:
                  - name: wrong expectations
                    given:
                      contenders:
                        - {task_id: a, critical_path_minutes: 10, holds_claim: true, writes: [x]}
                        - {task_id: b, critical_path_minutes: 90, writes: [x, y]}
                    expect:
                      rule: resource-critical-path-first
                      reason: b goes first
                      winners: [b]
                      shared_files: [x, y]
                      outcomes:
                        - {task_id: b, action: proceed}
                        - {task_id: c, action: wait}
                """);
        ScenarioResult result = RUNNER.runAll(dir).get(0);
        assertThat(result.mismatches()).containsExactly(
                "rule: expected resource-critical-path-first, got resource-requester-waits-for-holder",
                "reason does not contain 'b goes first': b waits: a holds a live claim on x, and a live claim is never"
                        + " pre-empted",
                "winners: expected [b], got [a]",
                "shared_files: expected [x, y], got [x]",
                "outcome of b action: expected proceed, got wait",
                "missing outcome of c");
        assertThat(result.report()).contains("FAIL " + file, "actual:",
                "resource [resource-requester-waits-for-holder]: b waits: a holds a live claim on x",
                "winners [a], losers [b], shared files [x]",
                "b wait for [a] on [x] [resource-requester-waits-for-holder]");
    }

    @Test
    void numbersCompareByValueAndDecisionsByWireName() throws IOException {
        write("quality.yaml", """
                rules: conflicts
                scenarios:
                  - name: numbers
                    given:
                      reviews: [{reviewer: r1, verdict: approve}]
                    expect: {decision: approved, approval: 4.0, objection: 1}
                """);
        assertThat(RUNNER.runAll(dir).get(0).mismatches()).containsExactly("objection: expected 1, got 0");
    }

    @Test
    void oneRunnerRunsEveryKindOfFile() throws IOException {
        write("a-dependencies.yaml", """
                scenarios:
                  - name: untyped is hard
                    given: [{id: a, kind: build}, {id: b, kind: build, depends_on: [a]}]
                    expect: [{from: a, to: b, class: hard}]
                """);
        write("b-gates.yaml", """
                rules: gates
                scenarios:
                  - name: nothing measured blocks
                    project_type: web
                    expect: {blocking: true}
                """);
        write("c-conflicts.json", """
                {"rules": "conflicts", "scenarios": [{"name": "on track",
                  "given": {"running": {"task_kind": "build", "estimate_minutes": 30, "elapsed_minutes": 5}},
                  "expect": {"decision": "on_track"}}]}
                """);
        List<ScenarioResult> results = RUNNER.runAll(dir);
        assertThat(results).extracting(result -> result.scenario().getClass().getSimpleName())
                .containsExactly("DependencyScenario", "GateScenario", "ConflictScenario");
        assertThat(ScenarioRunner.summary(results)).isEqualTo("3 passed, 0 failed");
    }

    @Test
    void aMisspeltExpectationListsTheResolutionsFields() throws IOException {
        Path file = write("typo.yaml", """
                rules: conflicts
                scenarios:
                  - name: typo
                    given: {running: {task_kind: build, estimate_minutes: 30, elapsed_minutes: 5}}
                    expect: {decison: on_track}
                """);
        assertThatThrownBy(() -> ScenarioLoader.load(file)).isInstanceOfSatisfying(CeException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
            assertThat(e.getMessage()).contains("scenarios[0] ('typo').expect has the unknown field 'decison'",
                    "decision", "proposed_estimate_minutes", "suggestion");
        });
    }

    @Test
    void aMisspeltOutcomeFieldIsAnError() throws IOException {
        Path file = write("outcome.yaml", """
                rules: conflicts
                scenarios:
                  - name: typo
                    given: {contenders: [{task_id: a, critical_path_minutes: 1, writes: [x]},
                                         {task_id: b, critical_path_minutes: 2, writes: [x]}]}
                    expect: {outcomes: [{task_id: a, wait_for: [b]}]}
                """);
        assertThatThrownBy(() -> ScenarioLoader.load(file))
                .hasMessageContaining("expect.outcomes[0] has the unknown field 'wait_for'");
    }

    @Test
    void givenHoldsExactlyOneKindOfConflict() throws IOException {
        Path file = write("two.yaml", """
                rules: conflicts
                scenarios:
                  - name: two kinds
                    given: {reviews: [{reviewer: r, verdict: approve}], running: {task_kind: build}}
                    expect: {rule: x}
                """);
        assertThatThrownBy(() -> ScenarioLoader.load(file)).hasMessageContaining(
                "scenarios[0] ('two kinds').given must hold exactly one of contenders (resource), reviews (quality) or"
                        + " running (timeline), but holds [reviews, running]");
    }

    @Test
    void anInputTheEngineRejectsIsAnErrorAtItsPosition() throws IOException {
        Path one = write("one.yaml", """
                rules: conflicts
                scenarios:
                  - name: alone
                    given: {contenders: [{task_id: a, critical_path_minutes: 1, writes: [x]}]}
                    expect: {rule: x}
                """);
        assertThatThrownBy(() -> ScenarioLoader.load(one)).hasMessageContaining(
                "scenarios[0] ('alone').given is invalid: a resource contention needs at least two contenders, got 1");
        Path estimate = write("estimate.yaml", """
                rules: conflicts
                scenarios:
                  - name: no estimate
                    given: {running: {task_kind: build, estimate_minutes: 0, elapsed_minutes: 5}}
                    expect: {rule: x}
                """);
        assertThatThrownBy(() -> ScenarioLoader.load(estimate)).hasMessageContaining(
                "given.running is invalid: task task: the estimate is 0.0 minutes");
        Path verdict = write("verdict.yaml", """
                rules: conflicts
                scenarios:
                  - name: lgtm
                    given: {reviews: [{reviewer: r, verdict: approve, dimensions: {tests: lgtm}}]}
                    expect: {rule: x}
                """);
        assertThatThrownBy(() -> ScenarioLoader.load(verdict)).hasMessageContaining(
                "reviews[0].dimensions.tests is invalid: unknown review verdict 'lgtm'; use one of approve,"
                        + " request_changes, reject");
    }

    @Test
    void aConflictScenarioWithoutTheRulesLineSaysSo() throws IOException {
        Path file = write("forgot.yaml", """
                scenarios:
                  - name: forgot rules
                    given: {running: {task_kind: build, estimate_minutes: 30, elapsed_minutes: 5}}
                    expect: {decision: on_track}
                """);
        assertThatThrownBy(() -> ScenarioLoader.load(file)).hasMessageContaining(
                "scenarios[0] has the 'given' of a conflict scenario (an object), but the file tests the dependency"
                        + " rules; a file of conflict scenarios starts with 'rules: conflicts'");
    }
}
