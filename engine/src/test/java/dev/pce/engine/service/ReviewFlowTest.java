package dev.pce.engine.service;

import com.fasterxml.jackson.databind.node.NullNode;
import dev.pce.engine.conflict.DimensionReview;
import dev.pce.engine.conflict.ReviewVerdict;
import dev.pce.engine.dependency.DeclaredEdges;
import dev.pce.engine.event.EvidenceReported;
import dev.pce.engine.gate.Dimension;
import dev.pce.engine.gate.Finding;
import dev.pce.engine.gate.FindingSeverity;
import dev.pce.engine.gate.Measurement;
import dev.pce.engine.model.TaskStatus;
import dev.pce.engine.testing.Plans;
import dev.pce.engine.testing.ServiceTestBase;
import dev.pce.engine.workflow.CompleteCommand;
import dev.pce.engine.workflow.ReviewCommand;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static dev.pce.engine.testing.Plans.task;
import static org.assertj.core.api.Assertions.assertThat;

/** A failed review sends the work back to its pool and makes what waited for the review wait for a re-review. */
class ReviewFlowTest extends ServiceTestBase {
    private String id;

    @BeforeEach
    void plan() {
        id = service.plan("ship", Plans.of(task("api").writes("src/Api.java"), task("ui").writes("web/ui.ts"),
                task("review").kind("review").pool("").dependsOn("api", "ui"),
                task("deploy").dependsOn("review")), "planner").workflowId();
        finish("api", "builders");
        finish("ui", "builders");
    }

    @Test
    void changesRequestedAddReworkPerReviewedTaskAndAReReviewThatTheDependentsWaitFor() {
        ReviewOutcome outcome = review("review", ReviewVerdict.REQUEST_CHANGES,
                Finding.at(Dimension.SECURITY, "sql", FindingSeverity.HIGH, "src/Api.java", 12, "SQL built from input",
                        "review"));

        assertThat(outcome.approved()).isFalse();
        assertThat(outcome.added()).containsExactly("api-rework-1", "ui-rework-1", "review-again-1");
        Map<String, TaskView> tasks = tasks();
        assertThat(tasks.get("review").status()).isEqualTo(TaskStatus.DONE);
        assertThat(tasks.get("api-rework-1").pool()).isEqualTo("builders");
        assertThat(tasks.get("api-rework-1").status()).isEqualTo(TaskStatus.READY);
        assertThat(tasks.get("deploy").status()).isEqualTo(TaskStatus.WAITING);
        assertThat(tasks.get("deploy").waitingFor()).containsExactly("review-again-1");

        ClaimResult rework = service.claim(id, "builders", "b", Optional.of("api-rework-1"), Duration.ofMinutes(5));
        assertThat(rework.task().orElseThrow().spec().writes()).containsExactly("src/Api.java");
        assertThat(rework.task().orElseThrow().spec().description()).contains("src/Api.java:12 SQL built from input");
        complete("api-rework-1", rework.task().orElseThrow().claimId());
        finish("ui-rework-1", "builders");
        ReviewOutcome second = review("review-again-1", ReviewVerdict.APPROVE);

        assertThat(second.approved()).isTrue();
        assertThat(second.added()).isEmpty();
        assertThat(second.review().nowReady()).containsExactly("deploy");
        assertThat(currentEvidence()).extracting(Measurement::metric, Measurement::value).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("review.approvals", 1.0),
                org.assertj.core.groups.Tuple.tuple("review.rejections", 0.0));
    }

    @Test
    void repeatingAReviewReportChangesNothing() {
        ClaimResult claim = service.claim(id, "reviewers", "r", Optional.of("review"), Duration.ofMinutes(5));
        ReviewCommand command = command("review", claim.task().orElseThrow().claimId(), ReviewVerdict.REJECT);
        assertThat(service.review(id, command).added()).hasSize(3);
        ReviewOutcome again = service.review(id, command);
        assertThat(again.review().duplicate()).isTrue();
        assertThat(again.added()).isEmpty();
        assertThat(service.status(id).taskCount()).isEqualTo(7);
    }

    /** The measurements of the latest evidence report per key, read back from the log. */
    private List<Measurement> currentEvidence() {
        return service.events(new EventQuery(id, 0, java.util.Set.of(EvidenceReported.TYPE), Optional.empty(),
                Optional.empty(), 100)).events().stream()
                .map(event -> (EvidenceReported) event.payload())
                .collect(Collectors.toMap(EvidenceReported::key, report -> report, (first, later) -> later))
                .values().stream().flatMap(report -> report.measurements().stream()).toList();
    }

    private ReviewOutcome review(String taskId, ReviewVerdict verdict, Finding... findings) {
        ClaimResult claim = service.claim(id, "reviewers", "r", Optional.of(taskId), Duration.ofMinutes(5));
        return service.review(id, command(taskId, claim.task().orElseThrow().claimId(), verdict, findings));
    }

    private static ReviewCommand command(String taskId, String claimId, ReviewVerdict verdict, Finding... findings) {
        return new ReviewCommand(taskId, claimId, "r", List.of(new DimensionReview(Dimension.SECURITY, verdict,
                List.of(findings))), "reviewed", new DeclaredEdges(), Optional.empty());
    }

    private Map<String, TaskView> tasks() {
        return service.status(id).tasks().stream().collect(Collectors.toMap(TaskView::id, view -> view));
    }

    private void finish(String taskId, String pool) {
        ClaimResult claim = service.claim(id, pool, "b", Optional.of(taskId), Duration.ofMinutes(5));
        complete(taskId, claim.task().orElseThrow().claimId());
    }

    private void complete(String taskId, String claimId) {
        service.complete(id, new CompleteCommand(taskId, claimId, "b", "done", List.of(), NullNode.getInstance()));
    }
}
