package dev.pce.engine.workflow;

import dev.pce.engine.event.Event;
import dev.pce.engine.event.LeaseExpired;
import dev.pce.engine.event.TaskClaimed;
import dev.pce.engine.model.TaskStatus;
import dev.pce.engine.testing.Plans;
import dev.pce.engine.testing.StateFixture;
import dev.pce.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dev.pce.engine.ErrorCode.CONFLICT;
import static dev.pce.engine.ErrorCode.UNKNOWN_TASK;
import static dev.pce.engine.testing.Plans.task;
import static dev.pce.engine.testing.Errors.assertError;
import static org.assertj.core.api.Assertions.assertThat;

class ClaimCommandTest {
    private final MutableClock clock = MutableClock.standard();

    /** Builders: waits (needs first), first, second. Reviewers: check. */
    private StateFixture workflow() {
        return StateFixture.planned(clock, Plans.of(
                task("waits").dependsOn("first"), task("check").kind("review"), task("first"), task("second")));
    }

    @Test
    void claimWithoutTaskIdTakesTheFirstReadyTaskOfThePoolInPlanOrder() {
        StateFixture workflow = workflow();

        List<Event> events = workflow.claim("builders", "alice", "cl-1");

        assertThat(events).hasSize(1);
        Event event = events.get(0);
        assertThat(event.source()).isEqualTo("alice");
        assertThat(event.payload()).isEqualTo(new TaskClaimed("first", "cl-1", "alice", "builders",
                clock.instant().plus(StateFixture.LEASE)));
        assertThat(claimedTask(workflow.claim("builders", "bob", "cl-2"))).isEqualTo("second");
        assertThat(claimedTask(workflow.claim("reviewers", "rita", "cl-3"))).isEqualTo("check");
    }

    @Test
    void claimWhenNothingOfThePoolIsReadyDecidesNothing() {
        StateFixture workflow = workflow();
        workflow.claim("builders", "alice", "cl-1");
        workflow.claim("builders", "bob", "cl-2");

        assertThat(workflow.claim("builders", "carol", "cl-3")).isEmpty();
        assertThat(workflow.claim("nobody-pool", "dave", "cl-4")).isEmpty();
        assertThat(workflow.status("waits")).isEqualTo(TaskStatus.WAITING);
    }

    @Test
    void namedReadyTaskIsClaimedEvenIfAnEarlierOneIsReady() {
        StateFixture workflow = workflow();

        assertThat(claimedTask(workflow.claimTask("second", "builders", "alice", "cl-1"))).isEqualTo("second");
        assertThat(workflow.status("first")).isEqualTo(TaskStatus.READY);
    }

    @Test
    void namedWaitingTaskIsRefusedNamingWhatItWaitsFor() {
        StateFixture workflow = workflow();

        assertError(CONFLICT, () -> workflow.claimTask("waits", "builders", "alice", "cl-1"),
                "Task 'waits' of workflow wf-test is waiting for [first]");
    }

    @Test
    void namedClaimedTaskIsRefusedNamingTheHolderAndLease() {
        StateFixture workflow = workflow();
        workflow.claimTask("first", "builders", "alice", "cl-1");
        Instant leaseUntil = clock.instant().plus(StateFixture.LEASE);

        assertError(CONFLICT, () -> workflow.claimTask("first", "builders", "bob", "cl-2"),
                "Task 'first' of workflow wf-test is claimed by alice until " + leaseUntil);
    }

    @Test
    void namedTaskOfAnotherPoolIsRefused() {
        StateFixture workflow = workflow();

        assertError(CONFLICT, () -> workflow.claimTask("check", "builders", "alice", "cl-1"),
                "belongs to pool reviewers, not builders");
    }

    @Test
    void namedFinishedTaskIsRefused() {
        StateFixture workflow = workflow();
        workflow.claimTask("first", "builders", "alice", "cl-1");
        workflow.complete("first", "alice", "cl-1");

        assertError(CONFLICT, () -> workflow.claimTask("first", "builders", "bob", "cl-2"),
                "is done and cannot be claimed");
    }

    @Test
    void namedUnknownTaskIsReportedAsUnknown() {
        StateFixture workflow = workflow();

        assertError(UNKNOWN_TASK, () -> workflow.claimTask("nope", "builders", "alice", "cl-1"), "'nope'");
    }

    @Test
    void expiredLeaseIsRecordedAsExpiredBeforeTheTaskIsClaimedAgain() {
        StateFixture workflow = StateFixture.planned(clock, Plans.of(task("only")));
        workflow.claim("builders", "alice", "cl-1");
        clock.advance(StateFixture.LEASE);

        List<Event> events = workflow.claim("builders", "bob", "cl-2");

        assertThat(events).extracting(Event::payload).containsExactly(
                new LeaseExpired("only", "cl-1", "alice"),
                new TaskClaimed("only", "cl-2", "bob", "builders", clock.instant().plus(StateFixture.LEASE)));
        assertThat(events.get(0).source()).isEqualTo(ClaimCommand.SYSTEM_SOURCE);
        assertThat(workflow.state().task("only").orElseThrow().attempts()).isEqualTo(2);
        assertThat(workflow.state().task("only").orElseThrow().claim().orElseThrow().agent()).isEqualTo("bob");
    }

    @Test
    void leaseStillRunningIsNotExpired() {
        StateFixture workflow = StateFixture.planned(clock, Plans.of(task("only")));
        workflow.claim("builders", "alice", "cl-1");
        clock.advance(StateFixture.LEASE.minus(Duration.ofSeconds(1)));

        assertThat(workflow.claim("builders", "bob", "cl-2")).isEmpty();
    }

    @Test
    void expiredTaskCanBeClaimedByName() {
        StateFixture workflow = StateFixture.planned(clock, Plans.of(task("a"), task("b")));
        workflow.claimTask("b", "builders", "alice", "cl-1");
        clock.advance(Duration.ofHours(1));

        List<Event> events = workflow.claimTask("b", "builders", "bob", "cl-2");

        assertThat(events).extracting(Event::type).containsExactly(LeaseExpired.TYPE, TaskClaimed.TYPE);
        assertThat(claimedTask(events)).isEqualTo("b");
    }

    private static String claimedTask(List<Event> events) {
        return events.stream().map(Event::payload).filter(TaskClaimed.class::isInstance).map(TaskClaimed.class::cast)
                .map(TaskClaimed::taskId).findFirst().orElseThrow();
    }

}
