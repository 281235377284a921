package dev.pce.engine.workflow;

import dev.pce.engine.ErrorCode;
import dev.pce.engine.dependency.ClassifiedEdge;
import dev.pce.engine.event.Event;
import dev.pce.engine.event.EventCodec;
import dev.pce.engine.event.LeaseExpired;
import dev.pce.engine.event.NewEvent;
import dev.pce.engine.event.TaskClaimed;
import dev.pce.engine.event.TasksAdded;
import dev.pce.engine.model.EdgeClass;
import dev.pce.engine.model.TaskPhase;
import dev.pce.engine.model.TaskStatus;
import dev.pce.engine.testing.Plans;
import dev.pce.engine.testing.StateFixture;
import dev.pce.engine.testing.Ticks;
import dev.pce.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.pce.engine.model.TaskStatus.BLOCKED;
import static dev.pce.engine.model.TaskStatus.CLAIMED;
import static dev.pce.engine.model.TaskStatus.DONE;
import static dev.pce.engine.model.TaskStatus.FAILED;
import static dev.pce.engine.model.TaskStatus.READY;
import static dev.pce.engine.model.TaskStatus.WAITING;
import static dev.pce.engine.testing.Errors.assertError;
import static dev.pce.engine.testing.Plans.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class WorkflowStateTest {
    private final MutableClock clock = MutableClock.standard();

    /** a -> b -> c (c needs b needs a); d -> e -> f; g stands alone. */
    private StateFixture sevenTasks() {
        return StateFixture.planned(clock, Plans.of(
                task("a"), task("b").dependsOn("a"), task("c").dependsOn("b"),
                task("d"), task("e").dependsOn("d"), task("f").dependsOn("e"),
                task("g").kind("review")));
    }

    /**
     * Found by fuzzing: replaying or merging a log whose tasks_added event names a task that does not exist failed
     * with the planning error ("Classify only the tasks of the plan"), which tells someone reading a log nothing.
     */
    @Test
    void anEventThatDoesNotFitTheEventsBeforeItIsACorruptLogNamingTheEvent() {
        StateFixture workflow = StateFixture.planned(clock, Plans.of(task("a")));
        NewEvent added = new NewEvent("planner", new TasksAdded(Plans.of(task("b")),
                List.of(new ClassifiedEdge("ghost", "b", EdgeClass.HARD, "", "", "")), "rework", ""));

        assertError(ErrorCode.LOG_CORRUPT, () -> workflow.record(List.of(added)),
                "Event 2 (workflow.tasks_added, id ", "of workflow wf-test does not fit the events before it",
                "'ghost'");
    }

    @Test
    void freshPlanHasReadyTasksWithoutDependenciesAndWaitingOthers() {
        StateFixture workflow = sevenTasks();

        assertThat(workflow.statuses()).containsExactly(
                entry("a", READY), entry("b", WAITING), entry("c", WAITING), entry("d", READY),
                entry("e", WAITING), entry("f", WAITING), entry("g", READY));
        assertThat(workflow.state().planned()).isTrue();
        assertThat(workflow.state().goal()).isEqualTo("test goal");
        assertThat(workflow.state().createdAt()).isEqualTo(clock.instant());
    }

    @Test
    void statusesFollowClaimsCompletionsAndFailures() {
        StateFixture workflow = sevenTasks();

        workflow.claim("builders", "alice", "cl-a");
        assertThat(workflow.status("a")).isEqualTo(CLAIMED);

        workflow.complete("a", "alice", "cl-a");
        assertThat(workflow.status("a")).isEqualTo(DONE);
        assertThat(workflow.status("b")).isEqualTo(READY);
        assertThat(workflow.status("c")).isEqualTo(WAITING);

        workflow.claimTask("d", "builders", "bob", "cl-d");
        workflow.fail("d", "bob", "cl-d", false);
        assertThat(workflow.statuses()).contains(
                entry("d", FAILED), entry("e", BLOCKED), entry("f", BLOCKED), entry("g", READY));
    }

    @Test
    void taskIsBlockedWhenAnyDependencyFailedEvenIfAnotherIsStillWaiting() {
        StateFixture workflow = StateFixture.planned(clock, Plans.of(
                task("slow"), task("broken"), task("join").dependsOn("slow", "broken"),
                task("after").dependsOn("join")));
        workflow.claimTask("broken", "builders", "bob", "cl-1");
        workflow.fail("broken", "bob", "cl-1", false);

        assertThat(workflow.statuses()).containsExactly(
                entry("slow", READY), entry("broken", FAILED), entry("join", BLOCKED), entry("after", BLOCKED));
        assertThat(workflow.state().unfinishedDependencies("join")).containsExactly("slow", "broken");
    }

    @Test
    void expiredLeaseShowsAsReadyAtALaterMomentWithoutAnyEvent() {
        StateFixture workflow = sevenTasks();
        workflow.claim("builders", "alice", "cl-a");
        Instant leaseUntil = clock.instant().plus(StateFixture.LEASE);
        long seqAfterClaim = workflow.state().lastSeq();

        assertThat(workflow.state().statuses(leaseUntil.minusMillis(1)).get("a")).isEqualTo(CLAIMED);
        assertThat(workflow.state().statuses(leaseUntil).get("a")).isEqualTo(READY);
        assertThat(workflow.state().task("a").orElseThrow().phase()).isEqualTo(TaskPhase.CLAIMED);
        assertThat(workflow.state().lastSeq()).isEqualTo(seqAfterClaim);
    }

    @Test
    void leaseExpiredEventReleasesOnlyTheClaimItNames() {
        StateFixture workflow = sevenTasks();
        workflow.claim("builders", "alice", "cl-old");
        workflow.record(List.of(new NewEvent("pce", new LeaseExpired("a", "cl-old", "alice"))));
        assertThat(workflow.state().task("a").orElseThrow().phase()).isEqualTo(TaskPhase.PENDING);

        workflow.claim("builders", "bob", "cl-new");
        workflow.record(List.of(new NewEvent("pce", new LeaseExpired("a", "cl-old", "alice"))));

        assertThat(workflow.status("a")).isEqualTo(CLAIMED);
        assertThat(workflow.state().task("a").orElseThrow().claim().orElseThrow().claimId()).isEqualTo("cl-new");
        assertThat(workflow.state().task("a").orElseThrow().attempts()).isEqualTo(2);
    }

    @Test
    void retryableFailureReturnsTheTaskToReadyAndRemembersTheFailure() {
        StateFixture workflow = sevenTasks();
        workflow.claim("builders", "alice", "cl-1");
        workflow.fail("a", "alice", "cl-1", true);

        assertThat(workflow.status("a")).isEqualTo(READY);
        assertThat(workflow.state().task("a").orElseThrow().lastFailure().orElseThrow().claimId()).isEqualTo("cl-1");
        assertThat(workflow.state().task("a").orElseThrow().claim()).isEmpty();
    }

    @Test
    void readyTasksAreHandedOutCriticalPathFirstThenInPlanOrder() {
        StateFixture workflow = sevenTasks();
        workflow.claim("builders", "alice", "cl-1");
        assertThat(workflow.status("a")).as("a and d head chains of equal length: plan order").isEqualTo(CLAIMED);
        workflow.complete("a", "alice", "cl-1");

        workflow.claim("builders", "bob", "cl-2");

        assertThat(workflow.status("d")).as("d -> e -> f is longer than what is left after a").isEqualTo(CLAIMED);
        assertThat(workflow.status("b")).isEqualTo(READY);
    }

    @Test
    void claimableIsExactlyReadyThroughAWorkflowsLife() {
        StateFixture workflow = sevenTasks();
        Runnable check = () -> workflow.state().tasks().forEach(task -> assertThat(
                workflow.state().isClaimable(task, clock.instant()))
                .as(task.id()).isEqualTo(workflow.status(task.id()) == READY));
        check.run();
        workflow.claim("builders", "alice", "cl-1");
        check.run();
        workflow.complete("a", "alice", "cl-1");
        check.run();
        workflow.claim("builders", "bob", "cl-2");
        clock.advance(Duration.ofHours(1));
        check.run();
        workflow.claimTask("b", "builders", "carol", "cl-3");
        workflow.fail("b", "carol", "cl-3", false);
        check.run();
    }

    @Test
    void sameEventsAlwaysFoldToTheSameState() {
        StateFixture workflow = sevenTasks();
        workflow.claim("builders", "alice", "cl-1");
        workflow.complete("a", "alice", "cl-1");
        workflow.claim("builders", "bob", "cl-2");
        clock.advance(Duration.ofHours(1));
        workflow.claim("builders", "carol", "cl-3");
        workflow.claimTask("b", "builders", "dave", "cl-4");
        workflow.fail("b", "dave", "cl-4", false);
        workflow.record(List.of(Ticks.tick("newer-pce", 1)));
        List<Event> history = workflow.history();

        WorkflowState replayed = fold(history);
        WorkflowState replayedFromDisk = fold(history.stream().map(WorkflowStateTest::throughCodec).toList());

        WorkflowSnapshot expected = workflow.state().snapshot(0);
        assertThat(replayed.snapshot(0)).isEqualTo(expected);
        assertThat(replayedFromDisk.snapshot(0)).isEqualTo(expected);
        assertThat(replayed.statuses(clock.instant())).isEqualTo(workflow.statuses());
    }

    @Test
    void stateRestoredFromASnapshotAnswersLikeTheOriginal() {
        StateFixture workflow = sevenTasks();
        workflow.claim("builders", "alice", "cl-1");
        workflow.complete("a", "alice", "cl-1");
        workflow.claimTask("d", "builders", "bob", "cl-2");
        workflow.fail("d", "bob", "cl-2", false);

        WorkflowState restored = WorkflowState.fromSnapshot(workflow.state().snapshot(1234));

        assertThat(restored.statuses(clock.instant())).isEqualTo(workflow.statuses());
        assertThat(restored.lastSeq()).isEqualTo(workflow.state().lastSeq());
        assertThat(restored.lastEventId()).isEqualTo(workflow.state().lastEventId());
        assertThat(restored.snapshot(1234)).isEqualTo(workflow.state().snapshot(1234));
    }

    @Test
    void unrecognizedEventsAdvanceTheSequenceButChangeNoTask() {
        StateFixture workflow = sevenTasks();
        Map<String, TaskStatus> before = workflow.statuses();

        Event tick = workflow.record(List.of(Ticks.tick("newer-pce", 1))).get(0);

        assertThat(workflow.statuses()).isEqualTo(before);
        assertThat(workflow.state().lastSeq()).isEqualTo(tick.seq());
        assertThat(workflow.state().lastEventId()).isEqualTo(tick.id());
    }

    @Test
    void eventsAboutUnknownTasksAreIgnored() {
        StateFixture workflow = sevenTasks();
        Map<String, TaskStatus> before = workflow.statuses();

        workflow.record(List.of(new NewEvent("alice",
                new TaskClaimed("ghost", "cl-1", "alice", "builders", clock.instant().plusSeconds(60)))));

        assertThat(workflow.statuses()).isEqualTo(before);
        assertThat(workflow.state().task("ghost")).isEmpty();
    }

    @Test
    void stateWithoutPlanEventIsNotPlanned() {
        WorkflowState empty = new WorkflowState("wf-x");

        assertThat(empty.planned()).isFalse();
        assertThat(empty.statuses(clock.instant())).isEmpty();
    }

    @Test
    void dependentsAreListedInPlanOrder() {
        StateFixture workflow = StateFixture.planned(clock, Plans.of(
                task("base"), task("z").dependsOn("base"), task("other"), task("y").dependsOn("other", "base")));

        assertThat(workflow.state().dependentsOf("base")).containsExactly("z", "y");
        assertThat(workflow.state().dependentsOf("z")).isEmpty();
    }

    private static WorkflowState fold(List<Event> events) {
        WorkflowState state = new WorkflowState(StateFixture.WORKFLOW_ID);
        state.applyAll(events);
        return state;
    }

    private static Event throughCodec(Event event) {
        byte[] line = EventCodec.encode(event);
        return EventCodec.decode(line, 0, line.length - 1, "test");
    }
}
