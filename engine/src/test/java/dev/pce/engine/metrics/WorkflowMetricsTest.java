package dev.pce.engine.metrics;

import com.fasterxml.jackson.databind.node.NullNode;
import dev.pce.engine.dependency.DeclaredEdges;
import dev.pce.engine.event.Event;
import dev.pce.engine.event.TaskClaimed;
import dev.pce.engine.event.TaskCompleted;
import dev.pce.engine.model.TaskSpec;
import dev.pce.engine.model.TaskStatus;
import dev.pce.engine.service.WorkflowPhase;
import dev.pce.engine.testing.Plans;
import dev.pce.engine.testing.StateFixture;
import dev.pce.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static dev.pce.engine.metrics.Log.at;
import static dev.pce.engine.metrics.Log.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

class WorkflowMetricsTest {
    private static final String ID = StateFixture.WORKFLOW_ID;

    @Test
    void aLogWithoutEventsHasNoFiguresButDoesNotFail() {
        WorkflowMetrics metrics = WorkflowMetrics.of("wf-empty", List.of(), at(0));

        assertThat(metrics.plannedAt()).isEmpty();
        assertThat(metrics.phase()).isEmpty();
        assertThat(metrics.makespanSeconds()).isZero();
        assertThat(metrics.speedup()).isEmpty();
        assertThat(metrics.utilization()).isEmpty();
        assertThat(metrics.attempts().total()).isZero();
        assertThat(metrics.attempts().failureRate()).isEmpty();
        assertThat(metrics.gatePassRate()).isEmpty();
        assertThat(metrics.tasks()).isEmpty();
        assertThat(metrics.pools()).isEmpty();
        assertThat(metrics.failed()).isFalse();
    }

    /**
     * design (planners) -> build-a, build-b (builders) -> review (reviewers); build-a fails once. Every figure
     * below is worked out by hand from the times in the comments.
     */
    @Test
    void aFinishedWorkflowWithARetriedFailure() {
        MutableClock clock = new MutableClock(at(0));
        StateFixture run = StateFixture.planned(clock, Plans.of(
                Plans.task("design").kind("design"),
                Plans.task("build-a").dependsOn("design"),
                Plans.task("build-b").dependsOn("design"),
                Plans.task("review").kind("review").dependsOn("build-a", "build-b")));
        atSecond(run, clock, 10).claimTask("design", "planners", "p1", "c1");        // ready since 0: waited 10
        atSecond(run, clock, 70).complete("design", "p1", "c1");                     // 60
        atSecond(run, clock, 75).claimTask("build-a", "builders", "b1", "c2");       // ready since 70: waited 5
        atSecond(run, clock, 80).claimTask("build-b", "builders", "b2", "c3");       // waited 10
        atSecond(run, clock, 100).fail("build-a", "b1", "c2", true);                 // 25, failed
        atSecond(run, clock, 110).claimTask("build-a", "builders", "b1", "c4");      // ready again since 100: waited 10
        atSecond(run, clock, 140).complete("build-b", "b2", "c3");                   // 60
        atSecond(run, clock, 170).complete("build-a", "b1", "c4");                   // 60
        atSecond(run, clock, 200).claimTask("review", "reviewers", "r1", "c5");      // ready since 170: waited 30
        atSecond(run, clock, 260).complete("review", "r1", "c5");                    // 60

        WorkflowMetrics metrics = WorkflowMetrics.of(ID, run.history(), at(1000));

        assertThat(metrics.phase()).contains(WorkflowPhase.COMPLETED);
        assertThat(metrics.plannedAt()).contains(at(0));
        assertThat(metrics.start()).contains(at(10));
        assertThat(metrics.end()).contains(at(260));
        assertThat(metrics.makespanSeconds()).isCloseTo(250, within(1e-9));
        assertThat(metrics.sequentialSeconds()).isCloseTo(240, within(1e-9));
        assertThat(metrics.speedup().getAsDouble()).isCloseTo(240.0 / 250, within(1e-9));
        // two builders at once from 80 to 100 and from 110 to 140; the planner and the reviewer alone
        assertThat(metrics.peakConcurrentAttempts()).isEqualTo(2);
        assertThat(metrics.timeSaved().getAsDouble()).isCloseTo(1 - 250.0 / 240, within(1e-9));
        assertThat(metrics.attempts()).isEqualTo(new AttemptCounts(5, 4, 1, 0, 0, 0));
        assertThat(metrics.attempts().failureRate().getAsDouble()).isCloseTo(0.2, within(1e-9));
        assertThat(metrics.failed()).isFalse();
        assertThat(metrics.rework()).isEqualTo(new Rework(0, 0, 1));

        TaskMetrics buildA = metrics.task("build-a").orElseThrow();
        assertThat(buildA.status()).isEqualTo(TaskStatus.DONE);
        assertThat(buildA.attempts()).extracting(Attempt::number, Attempt::agent, Attempt::outcome)
                .containsExactly(tuple(1, "b1", AttemptOutcome.FAILED),
                        tuple(2, "b1", AttemptOutcome.COMPLETED));
        assertThat(buildA.attempts()).extracting(a -> a.waitSeconds().getAsDouble()).containsExactly(5.0, 10.0);
        assertThat(buildA.completedSeconds().getAsDouble()).isCloseTo(60, within(1e-9));

        PoolMetrics builders = metrics.pool("builders").orElseThrow();
        assertThat(builders.tasks()).isEqualTo(2);
        assertThat(builders.agents()).isEqualTo(2);
        // b1: 75-100 and 110-170 (85 s); b2: 80-140 (60 s); over 250 s x 2 agents
        assertThat(builders.busySeconds()).isCloseTo(145, within(1e-9));
        assertThat(builders.utilization().getAsDouble()).isCloseTo(145.0 / 500, within(1e-9));
        assertThat(builders.waits()).isEqualTo(3);
        assertThat(builders.waitP50Seconds().getAsDouble()).isEqualTo(10.0);
        assertThat(builders.waitP95Seconds().getAsDouble()).isEqualTo(10.0);
        assertThat(metrics.pool("reviewers").orElseThrow().waitP95Seconds().getAsDouble()).isEqualTo(30.0);
        assertThat(metrics.pool("planners").orElseThrow().utilization().getAsDouble())
                .isCloseTo(60.0 / 250, within(1e-9));
        // 60 + 145 + 60 busy over 250 s x 4 agents
        assertThat(metrics.utilization().getAsDouble()).isCloseTo(265.0 / 1000, within(1e-9));
    }

    @Test
    void aLeaseThatRanOutEndsItsAttemptWhenTheLeaseDidAndTheTaskWaitsFromThen() {
        MutableClock clock = new MutableClock(at(0));
        StateFixture run = StateFixture.planned(clock, Plans.of(Plans.task("a")));
        atSecond(run, clock, 0).claimTask("a", "builders", "b1", "c1");
        clock.set(at(0).plus(StateFixture.LEASE).plus(Duration.ofMinutes(5)));
        run.claimTask("a", "builders", "b2", "c2");                 // records the expiry, then the claim
        clock.advance(Duration.ofMinutes(1));
        run.complete("a", "b2", "c2");

        WorkflowMetrics metrics = WorkflowMetrics.of(ID, run.history(), clock.instant());

        List<Attempt> attempts = metrics.task("a").orElseThrow().attempts();
        assertThat(attempts).extracting(Attempt::outcome)
                .containsExactly(AttemptOutcome.EXPIRED, AttemptOutcome.COMPLETED);
        assertThat(attempts.get(0).end()).isEqualTo(at(0).plus(StateFixture.LEASE));
        assertThat(attempts.get(1).waitSeconds().getAsDouble()).isCloseTo(300, within(1e-9));
        assertThat(metrics.attempts().failureRate().getAsDouble()).isCloseTo(0.5, within(1e-9));
        assertThat(metrics.sequentialSeconds()).isCloseTo(60, within(1e-9));
        assertThat(metrics.makespanSeconds()).isCloseTo(Duration.ofMinutes(16).toSeconds(), within(1e-9));
        assertThat(metrics.peakConcurrentAttempts()).as("the retry starts after the lease ended").isEqualTo(1);
        assertThat(metrics.rework().retries()).isEqualTo(1);
    }

    @Test
    void anUnfinishedWorkflowRunsUntilTheReportsTimeAndALeaseRunOutWithoutAnEventIsExpired() {
        Log log = new Log().plan(task("a", "build"), task("b", "build"), task("c", "build", "a"));
        log.claim("a", "builders", "b1", 10, 100);       // lease until 110
        log.claim("b", "builders", "b2", 20, 3600);

        WorkflowMetrics early = WorkflowMetrics.of(ID, log.events(), at(50));
        assertThat(early.phase()).contains(WorkflowPhase.ACTIVE);
        assertThat(early.attempts()).isEqualTo(new AttemptCounts(2, 0, 0, 0, 0, 2));
        assertThat(early.attempts().failureRate()).isEmpty();
        assertThat(early.end()).contains(at(50));
        assertThat(early.makespanSeconds()).isCloseTo(40, within(1e-9));
        assertThat(early.sequentialSeconds()).isZero();
        assertThat(early.speedup().getAsDouble()).isZero();
        assertThat(early.task("c").orElseThrow().status()).isEqualTo(TaskStatus.WAITING);

        WorkflowMetrics late = WorkflowMetrics.of(ID, log.events(), at(500));
        Attempt expired = late.task("a").orElseThrow().attempts().getFirst();
        assertThat(expired.outcome()).isEqualTo(AttemptOutcome.EXPIRED);
        assertThat(expired.end()).isEqualTo(at(110));
        assertThat(late.task("a").orElseThrow().status()).isEqualTo(TaskStatus.READY);
        assertThat(late.task("b").orElseThrow().attempts().getFirst().outcome()).isEqualTo(AttemptOutcome.RUNNING);
        assertThat(late.makespanSeconds()).isCloseTo(490, within(1e-9));
    }

    @Test
    void aReportTimeBeforeTheLastEventIsMovedToIt() {
        Log log = new Log().plan(task("a", "build")).ran("a", "builders", "b1", 10, 70);

        WorkflowMetrics metrics = WorkflowMetrics.of(ID, log.events(), at(5));

        assertThat(metrics.asOf()).isEqualTo(at(70));
        assertThat(metrics.makespanSeconds()).isCloseTo(60, within(1e-9));
    }

    @Test
    void aFailureForGoodFailsTheWorkflowAndBlocksItsDependents() {
        Log log = new Log().plan(task("a", "build"), task("b", "review", "a"))
                .failed("a", "builders", "b1", 0, 30, false);

        WorkflowMetrics metrics = WorkflowMetrics.of(ID, log.events(), at(60));

        assertThat(metrics.phase()).contains(WorkflowPhase.FAILED);
        assertThat(metrics.failed()).isTrue();
        assertThat(metrics.task("b").orElseThrow().status()).isEqualTo(TaskStatus.BLOCKED);
        assertThat(metrics.attempts().failureRate().getAsDouble()).isEqualTo(1.0);
        assertThat(metrics.sequentialSeconds()).isZero();
        assertThat(metrics.speedup().getAsDouble()).isZero();
    }

    @Test
    void aTaskHeldByAGateWaitsFromThePassingEvaluationAndTheHoldIsMeasured() {
        Log log = new Log().plan(task("a", "build"), task("b", "build", "a"));
        log.claim("a", "builders", "b1", 0, 3600);
        log.gate("wave-0", 0, 50, true);
        log.event(60, new TaskCompleted("a", "c1", "done", List.of(), NullNode.getInstance(), false));
        log.gate("wave-0", 0, 100, false);
        log.ran("b", "builders", "b1", 130, 150);

        WorkflowMetrics metrics = WorkflowMetrics.of(ID, log.events(), at(200));

        assertThat(metrics.task("b").orElseThrow().attempts().getFirst().waitSeconds().getAsDouble())
                .isCloseTo(30, within(1e-9));
        assertThat(metrics.gates()).extracting(GateEvaluation::passed).containsExactly(false, true);
        assertThat(metrics.gatePassRate().getAsDouble()).isEqualTo(0.5);
        assertThat(metrics.gateHolds()).singleElement().satisfies(hold -> {
            assertThat(hold.gate()).isEqualTo("wave-0");
            assertThat(hold.until()).contains(at(100));
            assertThat(hold.seconds()).isCloseTo(50, within(1e-9));
        });
    }

    @Test
    void aGateStillBlockingHoldsUntilTheReportsTime() {
        Log log = new Log().plan(task("a", "build")).gate("pr", 1, 40, true);

        WorkflowMetrics metrics = WorkflowMetrics.of(ID, log.events(), at(100));

        assertThat(metrics.gatePassRate().getAsDouble()).isZero();
        assertThat(metrics.gateHolds()).singleElement().satisfies(hold -> {
            assertThat(hold.open()).isTrue();
            assertThat(hold.seconds()).isCloseTo(60, within(1e-9));
        });
    }

    @Test
    void aTaskWaitingForAResourceWaitsFromItsRelease() {
        List<TaskSpec> tasks = Plans.of(Plans.task("x").writes("src/A.java"),
                Plans.task("y").writes("src/A.java"));
        MutableClock clock = new MutableClock(at(0));
        StateFixture run = StateFixture.planned(clock, tasks, new DeclaredEdges().classify(tasks));
        atSecond(run, clock, 10).claimTask("x", "builders", "b1", "c1");
        atSecond(run, clock, 40).complete("x", "b1", "c1");
        atSecond(run, clock, 45).claimTask("y", "builders", "b2", "c2");

        WorkflowMetrics metrics = WorkflowMetrics.of(ID, run.history(), at(50));

        // y was ready from 0 to 10, then waited for x to let go of src/A.java at 40
        assertThat(metrics.task("y").orElseThrow().attempts().getFirst().waitSeconds().getAsDouble())
                .isCloseTo(5, within(1e-9));
    }

    @Test
    void aRevokedClaimIsNeitherSuccessNorFailure() {
        Log log = new Log().plan(task("a", "build")).revoked("a", "builders", "b1", 0, 10)
                .ran("a", "builders", "b1", 20, 50);

        WorkflowMetrics metrics = WorkflowMetrics.of(ID, log.events(), at(60));

        assertThat(metrics.attempts()).isEqualTo(new AttemptCounts(2, 1, 0, 0, 1, 0));
        assertThat(metrics.attempts().failureRate().getAsDouble()).isZero();
        assertThat(metrics.task("a").orElseThrow().attempts().get(1).waitSeconds().getAsDouble())
                .isCloseTo(10, within(1e-9));
    }

    @Test
    void eventsTheFoldSkipsMakeNoAttempts() {
        // a merged log: two jobs claimed the same task; the fold keeps the first claim, and the second job's
        // completion under its refused claim is skipped too
        Log log = new Log().plan(task("a", "build"));
        log.claim("a", "builders", "b1", 0, 3600);
        log.event(1, new TaskClaimed("a", "other", "b9", "builders", at(3600)));
        log.event(5, new TaskCompleted("a", "other", "done", List.of(), NullNode.getInstance(), false));
        log.event(30, new TaskCompleted("a", "c1", "done", List.of(), NullNode.getInstance(), false));
        log.event(31, new TaskClaimed("ghost", "c9", "b1", "builders", at(3600)));

        WorkflowMetrics metrics = WorkflowMetrics.of(ID, log.events(), at(60));

        assertThat(metrics.attempts().total()).isEqualTo(1);
        assertThat(metrics.task("a").orElseThrow().attempts().getFirst().agent()).isEqualTo("b1");
        assertThat(metrics.sequentialSeconds()).isCloseTo(30, within(1e-9));
    }

    @Test
    void anAgentHoldingTwoClaimsAtOnceIsBusyOnce() {
        Log log = new Log().plan(task("a", "build"), task("b", "build"))
                .ran("a", "builders", "b1", 0, 60).ran("b", "builders", "b1", 30, 90);

        PoolMetrics builders = WorkflowMetrics.of(ID, log.events(), at(100)).pool("builders").orElseThrow();

        assertThat(builders.busySeconds()).isCloseTo(90, within(1e-9));
        assertThat(builders.utilization().getAsDouble()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void eventsAreTheOnlyInput() {
        Log log = new Log().plan(task("a", "build")).ran("a", "builders", "b1", 0, 60);
        List<Event> events = log.events();

        assertThat(WorkflowMetrics.of(ID, events, at(100))).isEqualTo(WorkflowMetrics.of(ID, events, at(100)));
        assertThat(WorkflowMetrics.of(ID, events, at(100)).task("a").orElseThrow().attempts().getFirst().readyAt())
                .isEqualTo(Optional.of(at(0)));
    }

    /** The run with its clock set to {@code second}. */
    private static StateFixture atSecond(StateFixture run, MutableClock clock, double second) {
        clock.set(at(second));
        return run;
    }
}
