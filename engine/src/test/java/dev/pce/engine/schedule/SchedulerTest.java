package dev.pce.engine.schedule;

import dev.pce.engine.ErrorCode;
import dev.pce.engine.dependency.ClassifiedEdge;
import dev.pce.engine.model.EdgeClass;
import dev.pce.engine.model.TaskSpec;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.pce.engine.testing.Errors.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SchedulerTest {
    private static final PoolSlots SLOTS = PoolSlots.defaults();

    private static TaskSpec task(String id, String kind, double estimate) {
        return TaskSpec.builder(id, kind).estimate(estimate).build();
    }

    private static ClassifiedEdge edge(String from, String to, EdgeClass edgeClass) {
        return new ClassifiedEdge(from, to, edgeClass, "", "test", "");
    }

    @Test
    void schedulesADiamondOnThePoolsWithCriticalPathFirst() {
        List<TaskSpec> tasks = List.of(task("design", "design", 20), task("short", "build", 10),
                task("long", "build", 40), task("review", "review", 15));
        List<ClassifiedEdge> edges = List.of(edge("design", "short", EdgeClass.HARD),
                edge("design", "long", EdgeClass.HARD), edge("short", "review", EdgeClass.HARD),
                edge("long", "review", EdgeClass.HARD));

        Schedule schedule = Scheduler.plan(tasks, edges, SLOTS);

        assertThat(schedule.makespan()).isEqualTo(75);
        assertThat(schedule.sequentialTime()).isEqualTo(85);
        assertThat(schedule.criticalPath()).containsExactly("design", "long", "review");
        assertThat(schedule.criticalPathLength()).isEqualTo(75);
        assertThat(schedule.lowerBound()).isEqualTo(75);
        assertThat(schedule.waves()).containsExactly(List.of("design"), List.of("short", "long"), List.of("review"));
        assertThat(schedule.task("long").orElseThrow().slot()).isZero(); // highest bottom level goes first
        assertThat(schedule.task("short").orElseThrow().slot()).isEqualTo(1);
        assertThat(schedule.speedup()).isCloseTo(85.0 / 75, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void poolSlotsLimitParallelism() {
        List<TaskSpec> tasks = List.of(task("a", "build", 10), task("b", "build", 10), task("c", "build", 10),
                task("d", "build", 10));

        assertThat(Scheduler.plan(tasks, List.of(), SLOTS).makespan()).isEqualTo(20);
        assertThat(Scheduler.plan(tasks, List.of(), PoolSlots.parse("builders=4")).makespan()).isEqualTo(10);
        assertThat(Scheduler.plan(tasks, List.of(), PoolSlots.parse("builders=4")).lowerBound()).isEqualTo(10);
        assertThat(Scheduler.plan(tasks, List.of(), SLOTS).lowerBound()).isEqualTo(40.0 / 3);
    }

    @Test
    void softDependentStartsAtHalfAndFinishesNoEarlierThanItsPrerequisite() {
        List<TaskSpec> tasks = List.of(task("api", "build", 40), task("client", "build", 10));
        Schedule schedule = Scheduler.plan(tasks, List.of(edge("api", "client", EdgeClass.SOFT)), SLOTS);

        ScheduledTask client = schedule.task("client").orElseThrow();
        assertThat(client.start()).isEqualTo(20);
        assertThat(client.finish()).isEqualTo(40); // waits for the final API
        assertThat(schedule.makespan()).isEqualTo(40);
        assertThat(schedule.criticalPathLength()).isEqualTo(40);
    }

    @Test
    void resourcePartnersNeverRunTogether() {
        List<TaskSpec> tasks = List.of(task("a", "build", 30), task("b", "build", 20), task("c", "build", 5));
        Schedule schedule = Scheduler.plan(tasks, List.of(edge("a", "b", EdgeClass.RESOURCE)), SLOTS);

        assertThat(schedule.task("a").orElseThrow().start()).isZero();
        assertThat(schedule.task("c").orElseThrow().start()).isZero();
        assertThat(schedule.task("b").orElseThrow().start()).isEqualTo(30);
    }

    @Test
    void feedbackEdgesDoNotOrderTasks() {
        List<TaskSpec> tasks = List.of(task("a", "build", 30), task("r", "review", 20));
        Schedule schedule = Scheduler.plan(tasks, List.of(edge("a", "r", EdgeClass.FEEDBACK)), SLOTS);
        assertThat(schedule.task("r").orElseThrow().start()).isZero();
    }

    @Test
    void aCycleIsNamedInOrder() {
        List<TaskSpec> tasks = List.of(task("a", "build", 1), task("b", "build", 1), task("c", "build", 1),
                task("d", "build", 1));
        List<ClassifiedEdge> edges = List.of(edge("d", "a", EdgeClass.HARD), edge("a", "b", EdgeClass.HARD),
                edge("b", "c", EdgeClass.SOFT), edge("c", "a", EdgeClass.HARD));

        assertError(ErrorCode.INVALID_PLAN, () -> Scheduler.plan(tasks, edges, SLOTS),
                "dependency cycle over hard and soft edges: a -> c -> b -> a (each task depends on the next)");
    }

    @Test
    void edgesNamingUnknownTasksAreRejected() {
        assertError(ErrorCode.INVALID_PLAN, () -> Scheduler.plan(List.of(task("a", "build", 1)),
                List.of(edge("a", "ghost", EdgeClass.HARD)), SLOTS), "unknown task 'ghost'", "rule test");
    }

    @Test
    void reschedulesFromNowWhenATaskFinishesEarlyOrLate() {
        List<TaskSpec> tasks = List.of(task("a", "build", 30), task("b", "build", 10));
        Scheduler scheduler = new Scheduler(tasks, List.of(edge("a", "b", EdgeClass.HARD)), SLOTS);

        scheduler.started("a", 0);
        assertThat(scheduler.schedule(5).makespan()).isEqualTo(40);
        assertThat(scheduler.schedule(5).task("a").orElseThrow().running()).isTrue();
        // overdue: expected to finish at the next tenth of its estimate after now, never now, so the ETA follows
        assertThat(scheduler.schedule(35).makespan()).isCloseTo(46.0, within(1e-9));
        assertThat(scheduler.schedule(36).makespan()).isCloseTo(49.0, within(1e-9));
        assertThat(scheduler.schedule(35).nextChange()).hasValueCloseTo(36.0, within(1e-9));
        Schedule early = scheduler.finished("a", 12);
        assertThat(early.now()).isEqualTo(12);
        assertThat(early.makespan()).isEqualTo(22);
        assertThat(early.tasks()).extracting(ScheduledTask::id).containsExactly("b");
    }

    @Test
    void aFailureWithoutRetryBlocksEverythingThatWaitsForIt() {
        List<TaskSpec> tasks = List.of(task("a", "build", 30), task("b", "build", 10), task("c", "build", 10),
                task("x", "build", 5));
        Scheduler scheduler = new Scheduler(tasks, List.of(edge("a", "b", EdgeClass.HARD),
                edge("b", "c", EdgeClass.SOFT)), SLOTS);
        scheduler.started("a", 0);

        Schedule retried = scheduler.failed("a", 10, true);
        assertThat(retried.task("a").orElseThrow().start()).isEqualTo(10);
        assertThat(retried.blocked()).isEmpty();

        scheduler.started("a", 10);
        Schedule failed = scheduler.failed("a", 20, false);
        assertThat(failed.blocked()).containsExactly("a", "b", "c");
        assertThat(failed.tasks()).extracting(ScheduledTask::id).containsExactly("x");
    }

    @Test
    void addingATaskUpdatesAncestorPrioritiesAndRejectsCyclesWithoutChangingAnything() {
        List<TaskSpec> tasks = List.of(task("a", "build", 10), task("b", "build", 10));
        Scheduler scheduler = new Scheduler(tasks, List.of(edge("a", "b", EdgeClass.HARD)), SLOTS);
        assertThat(scheduler.priority("a")).isEqualTo(20);

        scheduler.added(task("c", "build", 50), List.of(edge("b", "c", EdgeClass.HARD)), 0);
        assertThat(scheduler.priority("a")).isEqualTo(70);

        assertError(ErrorCode.INVALID_PLAN, () -> scheduler.added(task("d", "build", 1),
                        List.of(edge("c", "d", EdgeClass.HARD), edge("d", "a", EdgeClass.SOFT)), 0),
                "d -> c -> b -> a -> d");
        assertThat(scheduler.schedule(0).tasks()).hasSize(3);

        scheduler.started("a", 0);
        assertError(ErrorCode.CONFLICT, () -> scheduler.added(task("e", "build", 1),
                List.of(edge("e", "a", EdgeClass.HARD)), 1), "'a' has already started");
    }

    @Test
    void reportsOutOfOrderAreConflicts() {
        Scheduler scheduler = new Scheduler(List.of(task("a", "build", 1)), List.of(), SLOTS);
        assertError(ErrorCode.CONFLICT, () -> scheduler.finished("a", 1), "it is pending, not running");
        assertError(ErrorCode.UNKNOWN_TASK, () -> scheduler.started("nope", 1), "no task 'nope'");
    }

    @Test
    void customPoolsDefaultToOneSlot() {
        List<TaskSpec> tasks = List.of(TaskSpec.builder("m1", "migrate").pool("db").estimate(10).build(),
                TaskSpec.builder("m2", "migrate").pool("db").estimate(10).build());
        Schedule schedule = Scheduler.plan(tasks, List.of(), SLOTS);
        assertThat(schedule.makespan()).isEqualTo(20);
        assertThat(schedule.utilization()).containsEntry("db", 1.0);
    }

    @Test
    void simulationWithoutNoiseMatchesThePlan() {
        List<TaskSpec> tasks = List.of(task("a", "build", 30), task("b", "build", 10));
        Simulation.Result result = Simulation.run(tasks, List.of(edge("a", "b", EdgeClass.HARD)), SLOTS,
                new DurationNoise(7, 0));
        assertThat(result.simulated()).isEqualTo(result.planned());
        Simulation.Result noisy = Simulation.run(tasks, List.of(edge("a", "b", EdgeClass.HARD)), SLOTS,
                new DurationNoise(7, 0.5));
        assertThat(noisy.simulated().makespan()).isNotEqualTo(40);
        assertThat(noisy.simulated().speedup()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    }
}
