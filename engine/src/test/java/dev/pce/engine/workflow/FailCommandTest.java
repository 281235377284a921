package dev.pce.engine.workflow;

import dev.pce.engine.event.Event;
import dev.pce.engine.event.TaskFailed;
import dev.pce.engine.testing.Plans;
import dev.pce.engine.testing.StateFixture;
import dev.pce.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.pce.engine.ErrorCode.CONFLICT;
import static dev.pce.engine.model.TaskStatus.BLOCKED;
import static dev.pce.engine.model.TaskStatus.DONE;
import static dev.pce.engine.model.TaskStatus.FAILED;
import static dev.pce.engine.model.TaskStatus.READY;
import static dev.pce.engine.model.TaskStatus.WAITING;
import static dev.pce.engine.testing.Plans.task;
import static dev.pce.engine.testing.Errors.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class FailCommandTest {
    private final MutableClock clock = MutableClock.standard();
    private final StateFixture workflow = StateFixture.planned(clock, Plans.of(
            task("a"), task("b").dependsOn("a"), task("c").dependsOn("b"), task("side")));

    @Test
    void retryableFailureGoesBackToReadyUntilTheLastAttemptThenFailsForGood() {
        for (int attempt = 1; attempt <= FailCommand.MAX_ATTEMPTS; attempt++) {
            String claimId = "cl-" + attempt;
            workflow.claimTask("a", "builders", "alice", claimId);

            TaskFailed failed = (TaskFailed) workflow.fail("a", "alice", claimId, true).get(0).payload();

            boolean last = attempt == FailCommand.MAX_ATTEMPTS;
            assertThat(failed.retryable()).isTrue();
            assertThat(failed.willRetry()).as("attempt %d will retry", attempt).isEqualTo(!last);
            assertThat(workflow.status("a")).as("after attempt %d", attempt).isEqualTo(last ? FAILED : READY);
        }
        assertThat(workflow.state().task("a").orElseThrow().attempts()).isEqualTo(FailCommand.MAX_ATTEMPTS);
        assertThat(workflow.statuses()).containsExactly(
                entry("a", FAILED), entry("b", BLOCKED), entry("c", BLOCKED), entry("side", READY));
    }

    @Test
    void nonRetryableFailureFailsAtOnceAndBlocksDependents() {
        workflow.claimTask("a", "builders", "alice", "cl-1");

        List<Event> events = workflow.fail("a", "alice", "cl-1", false);

        assertThat(events).extracting(Event::payload)
                .containsExactly(new TaskFailed("a", "cl-1", "broke a", false, false));
        assertThat(workflow.statuses()).containsExactly(
                entry("a", FAILED), entry("b", BLOCKED), entry("c", BLOCKED), entry("side", READY));
    }

    @Test
    void retriedTaskThatThenSucceedsUnblocksItsDependents() {
        workflow.claimTask("a", "builders", "alice", "cl-1");
        workflow.fail("a", "alice", "cl-1", true);
        workflow.claimTask("a", "builders", "bob", "cl-2");
        workflow.complete("a", "bob", "cl-2");

        assertThat(workflow.statuses()).contains(entry("a", DONE), entry("b", READY), entry("c", WAITING));
        assertThat(workflow.state().task("a").orElseThrow().lastFailure().orElseThrow().reason()).isEqualTo("broke a");
    }

    @Test
    void anEarlierFailureReportRepeatedAfterTheTaskFailedAgainDecidesNothing() {
        // a lost answer: alice repeats her report after bob's attempt failed too (found by ce bench load)
        workflow.claimTask("a", "builders", "alice", "cl-1");
        workflow.fail("a", "alice", "cl-1", true);
        workflow.claimTask("a", "builders", "bob", "cl-2");
        workflow.fail("a", "bob", "cl-2", true);

        assertThat(workflow.fail("a", "alice", "cl-1", true)).isEmpty();
        workflow.claimTask("a", "builders", "carol", "cl-3");
        workflow.fail("a", "carol", "cl-3", true);
        assertThat(workflow.status("a")).isEqualTo(FAILED);
        assertThat(workflow.fail("a", "alice", "cl-1", true)).isEmpty();
        assertThat(workflow.fail("a", "bob", "cl-2", true)).isEmpty();
    }

    @Test
    void repeatingTheSameFailureReportDecidesNothing() {
        workflow.claimTask("a", "builders", "alice", "cl-1");
        workflow.fail("a", "alice", "cl-1", true);
        workflow.claimTask("a", "builders", "bob", "cl-2");

        assertThat(workflow.fail("a", "alice", "cl-1", true)).isEmpty();
        workflow.fail("a", "bob", "cl-2", false);
        assertThat(workflow.fail("a", "bob", "cl-2", false)).isEmpty();
    }

    @Test
    void failureOfAnUnclaimedTaskIsRefused() {
        assertError(CONFLICT, () -> workflow.fail("a", "alice", "cl-1", true), "is not claimed");
    }

    @Test
    void failureUnderAnotherClaimIsRefused() {
        workflow.claimTask("a", "builders", "alice", "cl-1");

        assertError(CONFLICT, () -> workflow.fail("a", "bob", "cl-2", true), "is held by alice under claim cl-1");
    }

    @Test
    void failureOfADoneTaskIsRefused() {
        workflow.claimTask("a", "builders", "alice", "cl-1");
        workflow.complete("a", "alice", "cl-1");

        assertError(CONFLICT, () -> workflow.fail("a", "alice", "cl-1", false), "is already done");
    }

}
