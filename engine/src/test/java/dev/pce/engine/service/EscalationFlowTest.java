package dev.pce.engine.service;

import com.fasterxml.jackson.databind.node.NullNode;
import dev.pce.engine.conflict.ConflictArbiter;
import dev.pce.engine.conflict.DimensionReview;
import dev.pce.engine.conflict.QualityDecision;
import dev.pce.engine.conflict.QualityResolution;
import dev.pce.engine.conflict.ResourceContention;
import dev.pce.engine.conflict.ResourceResolution;
import dev.pce.engine.conflict.ReviewPanel;
import dev.pce.engine.conflict.ReviewVerdict;
import dev.pce.engine.conflict.RunningTask;
import dev.pce.engine.conflict.TimelineResolution;
import dev.pce.engine.dependency.DeclaredEdges;
import dev.pce.engine.gate.Dimension;
import dev.pce.engine.model.TaskStatus;
import dev.pce.engine.schedule.PoolSlots;
import dev.pce.engine.testing.Plans;
import dev.pce.engine.testing.ServiceTestBase;
import dev.pce.engine.workflow.CompleteCommand;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static dev.pce.engine.ErrorCode.CONFLICT;
import static dev.pce.engine.ErrorCode.INVALID_ARGUMENT;
import static dev.pce.engine.testing.Errors.assertError;
import static dev.pce.engine.testing.Plans.task;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reviewers who disagree: the conflict rules weigh the panel; when they escalate, what waits for the review waits
 * for a person's decision (ce_resolve), which either lets the work go on or sends it back. The arbiter here
 * escalates any split panel (the Drools conflict rules are tested in the rules module and over stdio).
 */
class EscalationFlowTest extends ServiceTestBase {
    private static final ConflictArbiter SPLIT_ESCALATES = new ConflictArbiter() {
        @Override
        public ResourceResolution resolveResource(ResourceContention contention) {
            throw new UnsupportedOperationException("not in this test");
        }

        @Override
        public QualityResolution resolveQuality(ReviewPanel panel) {
            long objecting = panel.reviews().stream().filter(review -> review.verdict().objects()).count();
            QualityDecision decision = objecting == 0 ? QualityDecision.APPROVED
                    : objecting == panel.reviews().size() ? QualityDecision.CHANGES_REQUIRED : QualityDecision.ESCALATE;
            return new QualityResolution(panel.taskId(), decision, 0, 0, List.of(), List.of(), "split-escalates",
                    "the reviewers split");
        }

        @Override
        public TimelineResolution resolveTimeline(RunningTask task) {
            throw new UnsupportedOperationException("not in this test");
        }
    };

    private String id;

    @Override
    protected WorkflowService newService() {
        return new WorkflowService(workspace, clock, new DeclaredEdges(), PoolSlots.defaults(), Optional.empty(),
                Optional.of(SPLIT_ESCALATES));
    }

    @BeforeEach
    void plan() {
        id = service.plan("ship", Plans.of(task("api").writes("src/Api.java"),
                task("review-a").kind("review").pool("").dependsOn("api"),
                task("review-b").kind("review").pool("").dependsOn("api"),
                task("release").dependsOn("review-a", "review-b")), "planner").workflowId();
        finish("api", "builders");
    }

    @Test
    void aSplitPanelWaitsForAPersonWhoseApprovalLetsTheWorkGoOn() {
        ReviewOutcome first = review("review-a", "alice", ReviewVerdict.APPROVE);
        assertThat(first.decision()).isEqualTo(QualityDecision.APPROVED);
        assertThat(first.conflictId()).isEmpty(); // one reviewer is no conflict

        ReviewOutcome second = review("review-b", "bob", ReviewVerdict.REJECT);
        assertThat(second.decision()).isEqualTo(QualityDecision.ESCALATE);
        assertThat(second.conflictId()).contains("conflict-1");
        assertThat(second.added()).isEmpty();
        TaskView release = release();
        assertThat(release.status()).isEqualTo(TaskStatus.WAITING);
        assertThat(release.waitingFor()).containsExactly("decision:conflict-1");

        assertError(INVALID_ARGUMENT, () -> service.resolve(id, "conflict-1", "overrule", "no", "lead"),
                "'overrule' is no decision");
        ResolveOutcome decided = service.resolve(id, "conflict-1", "approve", "the finding is a false positive",
                "lead");
        assertThat(decided.recorded()).isTrue();
        assertThat(release().status()).isEqualTo(TaskStatus.READY);
        assertThat(service.resolve(id, "conflict-1", "approve", "again", "lead").recorded()).isFalse();
        assertError(CONFLICT, () -> service.resolve(id, "conflict-1", "request_changes", "changed my mind", "lead"),
                "decided already");
        assertError(INVALID_ARGUMENT, () -> service.resolve(id, "conflict-9", "approve", "", "lead"),
                "no conflict 'conflict-9'");
    }

    @Test
    void aPersonAskingForChangesSendsTheWorkBack() {
        review("review-a", "alice", ReviewVerdict.APPROVE);
        review("review-b", "bob", ReviewVerdict.REQUEST_CHANGES);

        ResolveOutcome decided = service.resolve(id, "conflict-1", "request_changes", "bob is right", "lead");

        assertThat(decided.added()).containsExactly("api-rework-1", "review-b-again-1");
        TaskView release = release();
        assertThat(release.waitingFor()).containsExactly("review-b-again-1");
    }

    private TaskView release() {
        return service.status(id).tasks().stream().filter(task -> task.id().equals("release")).findFirst()
                .orElseThrow();
    }

    private ReviewOutcome review(String taskId, String reviewer, ReviewVerdict verdict) {
        ClaimResult claim = service.claim(id, "reviewers", reviewer, Optional.of(taskId), Duration.ofMinutes(5));
        return service.review(id, taskId, claim.task().orElseThrow().claimId(), reviewer,
                List.of(new DimensionReview(Dimension.TESTS, verdict, List.of())), "reviewed");
    }

    private void finish(String taskId, String pool) {
        ClaimResult claim = service.claim(id, pool, "b", Optional.of(taskId), Duration.ofMinutes(5));
        service.complete(id, new CompleteCommand(taskId, claim.task().orElseThrow().claimId(), "b", "done",
                List.of(), NullNode.getInstance()));
    }
}
