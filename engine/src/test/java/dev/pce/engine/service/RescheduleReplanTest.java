package dev.pce.engine.service;

import dev.pce.engine.conflict.ConflictArbiter;
import dev.pce.engine.conflict.QualityResolution;
import dev.pce.engine.conflict.ResourceContention;
import dev.pce.engine.conflict.ResourceResolution;
import dev.pce.engine.conflict.ReviewPanel;
import dev.pce.engine.conflict.RunningTask;
import dev.pce.engine.conflict.TimelineDecision;
import dev.pce.engine.conflict.TimelineResolution;
import dev.pce.engine.dependency.DeclaredEdges;
import dev.pce.engine.event.Event;
import dev.pce.engine.schedule.PoolSlots;
import dev.pce.engine.testing.Plans;
import dev.pce.engine.testing.ServiceTestBase;
import dev.pce.engine.workflow.FailCommand;
import dev.pce.engine.workflow.WorkflowState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static dev.pce.engine.testing.Plans.task;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A timeline conflict re-plans: the rules' reschedule of a task far past its estimate revises its running estimate,
 * and the critical path, the priorities (which ready task a claim gets), the ETA and later overrun checks follow.
 */
class RescheduleReplanTest extends ServiceTestBase {
    /** Reschedules a task past twice its estimate with twice its elapsed time as the new estimate. */
    private static final ConflictArbiter RESCHEDULES = new ConflictArbiter() {
        @Override
        public ResourceResolution resolveResource(ResourceContention contention) {
            throw new UnsupportedOperationException("not in this test");
        }

        @Override
        public QualityResolution resolveQuality(ReviewPanel panel) {
            throw new UnsupportedOperationException("not in this test");
        }

        @Override
        public TimelineResolution resolveTimeline(RunningTask task) {
            boolean far = task.overrun() > 2;
            return new TimelineResolution(task.taskId(), far ? TimelineDecision.RESCHEDULE : TimelineDecision.WARN,
                    task.estimateMinutes(), task.elapsedMinutes(), 2, far ? 2 * task.elapsedMinutes()
                    : task.estimateMinutes(), far ? "split it" : "", "overrun-reschedule", "far past its estimate");
        }
    };

    private String id;

    @Override
    protected WorkflowService newService() {
        return new WorkflowService(workspace, clock, new DeclaredEdges(), PoolSlots.defaults(), Optional.empty(),
                Optional.of(RESCHEDULES));
    }

    /** api (10 min) then docs (5 min); cache (20 min) alone: cache leads the priorities, 20 against 15. */
    @BeforeEach
    void plan() {
        id = service.plan("ship", Plans.of(task("api").estimate(10), task("docs").estimate(5).dependsOn("api"),
                task("cache").estimate(20), task("check").kind("review").pool("").estimate(5)), "planner")
                .workflowId();
    }

    /** api claimed, 30 minutes on it (3x its estimate), then another claim lets the rules look at it. */
    private String overrunApi() {
        String claim = service.claim(id, "builders", "b1", Optional.of("api"), Duration.ofHours(2)).task()
                .orElseThrow().claimId();
        clock.advance(Duration.ofMinutes(30));
        service.claim(id, "reviewers", "r1", Optional.of("check"), Duration.ofHours(2));
        return claim;
    }

    @Test
    void beforeAnyOverrunThePlannedEstimatesRank() {
        assertThat(service.priorityOrder(id)).startsWith("cache", "api");
    }

    @Test
    void aRescheduleRevisesTheRunningEstimateAndTheCriticalPathAndPrioritiesFollow() {
        double etaBefore = service.status(id).schedule().orElseThrow().etaMinutes();

        overrunApi();

        WorkflowStatus status = service.status(id);
        TaskView api = status.tasks().stream().filter(task -> task.id().equals("api")).findFirst().orElseThrow();
        assertThat(api.estimateMinutes()).isEqualTo(60);
        assertThat(api.estimateRevised()).hasValueSatisfying(revision -> {
            assertThat(revision.fromMinutes()).isEqualTo(10);
            assertThat(revision.toMinutes()).isEqualTo(60);
            assertThat(revision.rule()).isEqualTo("overrun-reschedule");
            assertThat(revision.conflictId()).isEqualTo("conflict-1");
        });
        assertThat(service.priorityOrder(id)).startsWith("api", "cache");
        assertThat(status.schedule().orElseThrow().etaMinutes()).isGreaterThan(etaBefore + 30);
        assertThat(status.schedule().orElseThrow().criticalPath()).startsWith("api", "docs");
    }

    @Test
    void aRetriedRescheduledTaskIsHandedOutByItsRevisedEstimate() {
        String claim = overrunApi();
        service.fail(id, new FailCommand("api", claim, "b1", "ran out of time", true));

        ClaimResult next = service.claim(id, "builders", "b2", Optional.empty(), Duration.ofHours(2));

        assertThat(next.task().orElseThrow().spec().id()).as("60 + 5 minutes of chain beat cache's 20")
                .isEqualTo("api");
        assertThat(next.task().orElseThrow().spec().estimateMinutes()).isEqualTo(60);
    }

    @Test
    void laterOverrunChecksMeasureAgainstTheRevisedEstimate() {
        overrunApi();
        clock.advance(Duration.ofMinutes(40)); // 70 minutes: 7x the planned estimate, not past 2x the revised 60

        service.claim(id, "builders", "b2", Optional.of("cache"), Duration.ofHours(2));

        TaskView api = service.status(id).tasks().stream().filter(task -> task.id().equals("api")).findFirst()
                .orElseThrow();
        assertThat(api.estimateMinutes()).as("not rescheduled again").isEqualTo(60);
        assertThat(api.estimateRevised()).map(revision -> revision.conflictId()).hasValue("conflict-1");
    }

    @Test
    void aReplayedLogRevisesTheSameWay() {
        overrunApi();
        List<Event> events = service.events(new EventQuery(id, 0, java.util.Set.of(), Optional.empty(),
                Optional.empty(), 1000)).events();

        WorkflowState replayed = new WorkflowState(id);
        replayed.applyAll(events);

        assertThat(replayed.task("api").orElseThrow().spec().estimateMinutes()).isEqualTo(60);
        assertThat(replayed.criticalPathMinutes("api")).isEqualTo(65);
        assertThat(replayed.estimateRevision("api")).isPresent();
    }

    @Test
    void aPersonOverrulingTheRescheduleTakesTheRevisionBack() {
        overrunApi();

        service.resolve(id, "conflict-1", "overrule", "it is nearly done", "lead");

        TaskView api = service.status(id).tasks().stream().filter(task -> task.id().equals("api")).findFirst()
                .orElseThrow();
        assertThat(api.estimateMinutes()).isEqualTo(10);
        assertThat(api.estimateRevised()).isEmpty();
        assertThat(service.priorityOrder(id)).startsWith("cache", "api");
    }
}
