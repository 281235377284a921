package dev.pce.engine.schedule;

import dev.pce.engine.dependency.ClassifiedEdge;
import dev.pce.engine.model.EdgeClass;
import dev.pce.engine.model.TaskSpec;
import dev.pce.engine.schedule.bench.RandomDags;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Schedules where dependency classes bind (issue 19): held slots, file exclusion and the bound that counts it. */
class ScheduleQualityTest {

    /**
     * Two chains on two slots: t3 -> t4 ~> t5 (critical, 96.5) and t0 ~> t1 -> t2 (~> soft). List scheduling starts
     * t2 when t1 finishes at 31, so t5, ready on t4's partial output at 36.5, waits until 58: 118. The optimum keeps
     * the slot free for t5.
     */
    @Test
    void theSlotACriticalSoftDependentNeedsIsKeptFree() {
        List<TaskSpec> tasks = List.of(task("t0", 18), task("t1", 13), task("t2", 27), task("t3", 15),
                task("t4", 43), task("t5", 60));
        List<ClassifiedEdge> edges = List.of(edge("t0", "t1", EdgeClass.SOFT), edge("t1", "t2", EdgeClass.HARD),
                edge("t3", "t4", EdgeClass.HARD), edge("t4", "t5", EdgeClass.SOFT));
        PoolSlots slots = PoolSlots.single("a2", 2);

        Schedule plan = Scheduler.plan(tasks, edges, slots);

        ScheduleChecks.assertValid(plan, tasks, edges, slots);
        assertThat(plan.span()).isEqualTo(96.5);
        assertThat(plan.task("t5").orElseThrow().start()).isEqualTo(36.5);
        Simulation.Result simulated = Simulation.run(tasks, edges, slots, new DurationNoise(1, 0));
        assertThat(simulated.simulated().span()).as("agents following the plan").isEqualTo(96.5);
    }

    /** Four writers of one file that no edge orders run one after another: the bound says 40, not 10. */
    @Test
    void theLowerBoundCountsFileExclusion() {
        List<TaskSpec> tasks = new ArrayList<>();
        List<ClassifiedEdge> edges = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            tasks.add(TaskSpec.builder("w" + i, "build").pool("a4").estimate(10).writes("src/Shared.java").build());
            for (int j = 0; j < i; j++) {
                edges.add(edge("w" + j, "w" + i, EdgeClass.RESOURCE));
            }
        }
        tasks.add(TaskSpec.builder("after", "build").pool("a4").estimate(5).build());
        edges.add(edge("w3", "after", EdgeClass.HARD));

        Schedule plan = Scheduler.plan(tasks, edges, PoolSlots.single("a4", 4));

        assertThat(plan.criticalPathLength()).isEqualTo(15);
        assertThat(plan.exclusionBound()).isEqualTo(40);
        assertThat(plan.lowerBound()).isEqualTo(40);
        assertThat(plan.span()).isEqualTo(40);
        assertThat(plan.boundRatio()).isCloseTo(1.0, within(1e-9));
    }

    /**
     * Tasks planned at the same time (zero estimates), a dependent listed before its prerequisite: agents following
     * the plan must not hold the prerequisite back for its own dependent.
     */
    @Test
    void followingThePlanNeverWaitsForATaskPlannedAtTheSameTime() {
        List<TaskSpec> tasks = List.of(task("after", 0), task("first", 0), task("other", 0), task("long", 5));
        List<ClassifiedEdge> edges = List.of(edge("first", "after", EdgeClass.HARD),
                edge("other", "after", EdgeClass.RESOURCE), edge("first", "long", EdgeClass.SOFT));
        PoolSlots slots = PoolSlots.single("a2", 1);

        Simulation.Result result = Simulation.run(tasks, edges, slots, new DurationNoise(1, 0.5));

        assertThat(result.simulated().tasks()).hasSize(4);
        ScheduleChecks.assertValid(result.planned(), tasks, edges, slots);
    }

    static Stream<Arguments> generated() {
        return LongStream.rangeClosed(1, 40).boxed().flatMap(seed -> Stream.of(
                Arguments.of(RandomDags.sharedFiles(40, "p", seed), 1 + (int) (seed % 5)),
                Arguments.of(RandomDags.softChains(30, "p", seed), 1 + (int) (seed % 4))));
    }

    /**
     * On generated plans with shared files and soft chains: every schedule keeps its edges, slots and the bound
     * (which now counts file exclusion), is never longer than list scheduling by bottom level, and agents following
 * it with the estimated durations finish no later than it says.
     */
    @ParameterizedTest(name = "{0}, {1} slots")
    @MethodSource("generated")
    void neverWorseThanListSchedulingAndAboveTheBound(RandomDags.Dag dag, int processors) {
        PoolSlots slots = PoolSlots.single("p", processors);
        Scheduler scheduler = new Scheduler(dag.tasks(), dag.edges(), slots);
        TaskGraph graph = scheduler.graph();
        double[] estimates = new double[graph.size()];
        for (int i = 0; i < estimates.length; i++) {
            estimates[i] = graph.estimate(i);
        }
        Progress fresh = new Progress();
        fresh.ensureSize(graph.size());

        Schedule plan = scheduler.schedule(0);

        ScheduleChecks.assertValid(plan, dag.tasks(), dag.edges(), slots);
        assertThat(plan.makespan()).isLessThanOrEqualTo(
                ListScheduler.run(graph, Priorities.of(graph), slots, fresh, 0, estimates).makespan());
        Schedule followed = Simulation.run(dag.tasks(), dag.edges(), slots, new DurationNoise(3, 0)).simulated();
        ScheduleChecks.assertValid(followed, dag.tasks(), dag.edges(), slots);
        assertThat(followed.makespan()).as("agents following the plan, durations as estimated")
                .isLessThanOrEqualTo(plan.makespan() + 1e-9);
    }

    private static TaskSpec task(String id, double estimate) {
        return TaskSpec.builder(id, "implement").pool("a2").estimate(estimate).build();
    }

    private static ClassifiedEdge edge(String from, String to, EdgeClass edgeClass) {
        return new ClassifiedEdge(from, to, edgeClass, "", "", "");
    }
}
