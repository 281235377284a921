package dev.pce.engine.service;

import dev.pce.engine.model.TaskStatus;
import dev.pce.engine.testing.Plans;
import dev.pce.engine.testing.StateFixture;
import dev.pce.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static dev.pce.engine.testing.Plans.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class StatusReportTest {
    private final MutableClock clock = MutableClock.standard();
    /** a -> b -> c (builders), r (reviewers) needs a. */
    private final StateFixture workflow = StateFixture.planned(clock, Plans.of(
            task("a"), task("b").dependsOn("a"), task("c").dependsOn("b"), task("r").kind("review").dependsOn("a")));

    private StatusReport report() {
        return StatusReport.of(workflow.state(), clock.instant());
    }

    @Test
    void countsProgressAndPoolsReflectTheStatuses() {
        workflow.claim("builders", "alice", "cl-1");
        workflow.complete("a", "alice", "cl-1");
        workflow.claim("builders", "alice", "cl-2");

        StatusReport report = report();

        assertThat(report.counts()).isEqualTo(new StatusCounts(1, 1, 1, 1, 0, 0));
        assertThat(report.progressPercent()).isEqualTo(25.0);
        assertThat(report.pools()).containsExactly(
                new PoolCounts("builders", 3, 1, 0, 1, 1, 0, 0),
                new PoolCounts("reviewers", 1, 0, 1, 0, 0, 0, 0));
        assertThat(report.phase()).isEqualTo(WorkflowPhase.ACTIVE);
        assertThat(report.dependentStatuses("a")).containsExactly(entry("b", TaskStatus.CLAIMED),
                entry("r", TaskStatus.READY));
    }

    @Test
    void workflowIsCompletedWhenEveryTaskIsDone() {
        for (String[] step : new String[][] {{"builders", "a"}, {"builders", "b"}, {"builders", "c"},
                {"reviewers", "r"}}) {
            workflow.claimTask(step[1], step[0], "agent", "cl-" + step[1]);
            workflow.complete(step[1], "agent", "cl-" + step[1]);
        }

        assertThat(report().phase()).isEqualTo(WorkflowPhase.COMPLETED);
        assertThat(report().progressPercent()).isEqualTo(100.0);
    }

    @Test
    void workflowHasFailedWhenNothingCanRunAnyMore() {
        workflow.claim("builders", "alice", "cl-1");
        workflow.fail("a", "alice", "cl-1", false);

        WorkflowStatus status = report().full();

        assertThat(status.phase()).isEqualTo(WorkflowPhase.FAILED);
        assertThat(status.blocked()).extracting(BlockedTask::id).containsExactly("b", "c", "r");
        assertThat(status.blocked()).allSatisfy(blocked -> assertThat(blocked.failedCause()).containsExactly("a"));
        assertThat(status.blocked().get(1).waitingFor()).containsExactly("b");
    }

    @Test
    void expiredLeaseIsShownAsReadyWithTheOldHolder() {
        workflow.claim("builders", "alice", "cl-1");
        clock.advance(StateFixture.LEASE);

        TaskView view = report().view(workflow.state().task("a").orElseThrow());

        assertThat(view.status()).isEqualTo(TaskStatus.READY);
        assertThat(view.leaseExpired()).isTrue();
        assertThat(view.claimedBy()).isEqualTo(Optional.of("alice"));
        assertThat(view.attempts()).isEqualTo(1);
    }

    @Test
    void waitingTaskViewNamesWhatItWaitsFor() {
        TaskView view = report().view(workflow.state().task("c").orElseThrow());

        assertThat(view.status()).isEqualTo(TaskStatus.WAITING);
        assertThat(view.waitingFor()).containsExactly("b");
        assertThat(view.claimedBy()).isEmpty();
    }
}
