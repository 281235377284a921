package dev.pce.engine.service;

import com.fasterxml.jackson.databind.node.NullNode;
import dev.pce.engine.dependency.DeclaredEdges;
import dev.pce.engine.event.EvidenceReported;
import dev.pce.engine.gate.Comparison;
import dev.pce.engine.gate.CriterionResult;
import dev.pce.engine.gate.CriterionSeverity;
import dev.pce.engine.gate.Dimension;
import dev.pce.engine.gate.Finding;
import dev.pce.engine.gate.FindingSeverity;
import dev.pce.engine.gate.GatePolicy;
import dev.pce.engine.gate.GateRequest;
import dev.pce.engine.gate.GateResult;
import dev.pce.engine.gate.Measurement;
import dev.pce.engine.gate.ProjectType;
import dev.pce.engine.gate.Remediation;
import dev.pce.engine.gate.Verdict;
import dev.pce.engine.model.TaskStatus;
import dev.pce.engine.schedule.PoolSlots;
import dev.pce.engine.testing.Plans;
import dev.pce.engine.testing.ServiceTestBase;
import dev.pce.engine.workflow.CompleteCommand;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import static dev.pce.engine.ErrorCode.INTERNAL;
import static dev.pce.engine.testing.Errors.assertError;
import static dev.pce.engine.testing.Plans.task;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Gates between waves: evidence reported with a workflow, the gate judged when a wave finishes, later waves held
 * while it blocks, remediation tasks claimable meanwhile, the hold lifted when the gate passes again. The policy
 * here is one plain criterion (the Drools gate rules are tested in the rules module and over stdio).
 */
class GateFlowTest extends ServiceTestBase {
    /** No failed tests, blocking; the fix goes to the builders with the failing tests' files. */
    private static final GatePolicy NO_FAILED_TESTS = request -> {
        OptionalDouble failed = request.evidence().measurements().stream()
                .filter(m -> m.metric().equals("tests.failed")).mapToDouble(Measurement::value).max();
        boolean pass = failed.isPresent() && failed.getAsDouble() <= 0;
        List<String> files = request.evidence().findings().stream().map(Finding::file).toList();
        return new GateResult(List.of(new CriterionResult("tests-pass", Dimension.TESTS, "tests.failed",
                Comparison.AT_MOST, 0, failed, CriterionSeverity.BLOCKING, true,
                failed.isEmpty() ? Verdict.NOT_MEASURED : pass ? Verdict.PASS : Verdict.FAIL, "tests-pass", "",
                pass ? Optional.empty() : Optional.of(new Remediation("Make the failing tests pass", "builders",
                        files, "tests failed")))));
    };

    private String id;

    @Override
    protected WorkflowService newService() {
        return gated();
    }

    @BeforeEach
    void plan() {
        id = service.plan("ship", Plans.of(task("build-a"), task("build-b"),
                task("integrate").dependsOn("build-a", "build-b"),
                task("review").kind("review").pool("").dependsOn("integrate")), "planner").workflowId();
    }

    private WorkflowService gated() {
        return new WorkflowService(workspace, clock, new DeclaredEdges(), PoolSlots.defaults(),
                Optional.of(new GateJudge(NO_FAILED_TESTS, () -> ProjectType.LIBRARY, List::of)));
    }

    @Test
    void aFailingGateHoldsTheNextWaveUntilItsRemediationMakesItPass() {
        report(2, "src/test/FooTest.java");
        finish("build-a");
        assertThat(service.status(id).tasks().get(2).status()).isEqualTo(TaskStatus.WAITING);
        finish("build-b"); // wave 0 done: the gate after it judges

        WorkflowStatus held = service.status(id);
        assertThat(held.tasks()).extracting(TaskView::id).contains("wave-0-fix-tests-pass");
        TaskView integrate = held.tasks().get(2);
        assertThat(integrate.status()).isEqualTo(TaskStatus.WAITING);
        assertThat(integrate.waitingFor()).containsExactly("gate:wave-0");
        ClaimResult claim = service.claim(id, "builders", "b", Optional.empty(), Duration.ofMinutes(5));
        assertThat(claim.task().orElseThrow().spec().id()).isEqualTo("wave-0-fix-tests-pass");
        assertThat(claim.task().orElseThrow().spec().writes()).containsExactly("src/test/FooTest.java");

        report(0);
        complete("wave-0-fix-tests-pass", claim.task().orElseThrow().claimId());

        assertThat(service.status(id).tasks().get(2).status()).isEqualTo(TaskStatus.READY);
        try (WorkflowService restarted = gated()) {
            assertThat(restarted.status(id).tasks().get(2).status()).isEqualTo(TaskStatus.READY);
        }
    }

    @Test
    void evaluatingOnRequestJudgesTheCurrentWaveAndARepeatRecordsNothing() {
        report(1, "src/A.java");
        GateOutcome first = service.evaluateGate(id, "ci", Optional.empty());
        assertThat(first.gate()).isEqualTo("wave-0");
        assertThat(first.blocking()).isTrue();
        assertThat(first.added()).containsExactly("wave-0-fix-tests-pass");
        assertThat(first.recorded()).isTrue();

        GateOutcome again = service.evaluateGate(id, "ci", Optional.of(ProjectType.LIBRARY));
        assertThat(again.recorded()).isFalse();
        assertThat(again.added()).isEmpty();
        assertThat(service.status(id).taskCount()).isEqualTo(5);
    }

    @Test
    void withoutEvidenceNoGateJudgesOnItsOwn() {
        finish("build-a");
        finish("build-b");
        assertThat(service.status(id).tasks().get(2).status()).isEqualTo(TaskStatus.READY);
    }

    @Test
    void aServiceWithoutGateRulesSaysSo() {
        try (WorkflowService plain = new WorkflowService(workspace, clock)) {
            assertError(INTERNAL, () -> plain.evaluateGate(id, "ci", Optional.empty()), "No gate rules");
        }
    }

    @Test
    void aWaveGateDefersTheReviewUntilTheWaveOfAReviewersTask() {
        List<GateRequest> requests = new ArrayList<>();
        GatePolicy recording = request -> {
            requests.add(request);
            return NO_FAILED_TESTS.evaluate(request);
        };
        try (WorkflowService recorded = new WorkflowService(workspace, clock, new DeclaredEdges(),
                PoolSlots.defaults(), Optional.of(new GateJudge(recording, () -> ProjectType.LIBRARY, List::of)))) {
            report(0);
            assertThat(recorded.evaluateGate(id, "ci", Optional.empty()).gate()).isEqualTo("wave-0");
            assertThat(requests.getLast().deferred()).singleElement().satisfies(deferred -> {
                assertThat(deferred.dimension()).isEqualTo(Dimension.REVIEW);
                assertThat(deferred.reason()).isEqualTo("no task up to wave 0 produces review evidence (reviews "
                        + "come from tasks of the reviewers pool)");
            });

            finish("build-a");
            finish("build-b");
            finish("integrate");
            assertThat(recorded.evaluateGate(id, "ci", Optional.empty()).gate()).isEqualTo("wave-2");
            assertThat(requests.getLast().deferred()).as("the review is in wave 2").isEmpty();
        }
    }

    private void report(int failed, String... files) {
        List<Finding> findings = java.util.Arrays.stream(files).map(file -> Finding.at(Dimension.TESTS, "t",
                FindingSeverity.HIGH, file, 1, "failed", "junit.xml")).toList();
        service.reportEvidence(id, new EvidenceReported("junit.xml", List.of(new Measurement(Dimension.TESTS,
                "tests.failed", failed, "junit.xml")), findings, List.of(), List.of()), "ci");
    }

    private void finish(String taskId) {
        ClaimResult claim = service.claim(id, "builders", "b", Optional.of(taskId), Duration.ofMinutes(5));
        complete(taskId, claim.task().orElseThrow().claimId());
    }

    private void complete(String taskId, String claimId) {
        service.complete(id, new CompleteCommand(taskId, claimId, "b", "done", List.of(), NullNode.getInstance()));
    }
}
