package dev.pce.engine.schedule;

import dev.pce.engine.dependency.ClassifiedEdge;
import dev.pce.engine.model.EdgeClass;
import dev.pce.engine.model.TaskSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of the scheduler, checked on many seeded random plans. Every case is named by its seed and sizes,
 * so a failing one can be replayed exactly; the cases themselves come from a fixed master seed, so every run
 * checks the same ones.
 */
class SchedulerPropertiesTest {
    private static final long MASTER_SEED = 20_261_125L;

    /** {@code count} cases of (seed, size in 1..maxSize, extra in 1..maxExtra). */
    private static Stream<Arguments> cases(int count, int maxSize, int maxExtra) {
        Random master = new Random(MASTER_SEED + 31L * count + maxSize);
        return IntStream.range(0, count).mapToObj(i -> Arguments.of(master.nextLong(), 1 + master.nextInt(maxSize),
                1 + master.nextInt(maxExtra)));
    }

    static Stream<Arguments> plansAndBuilders() {
        return cases(300, 60, 4);
    }

    static Stream<Arguments> plansAndSteps() {
        return cases(200, 30, 40);
    }

    static Stream<Arguments> plans() {
        return cases(100, 30, 1);
    }

    @ParameterizedTest(name = "seed {0}, {1} tasks, {2} builders")
    @MethodSource("plansAndBuilders")
    void everyScheduleKeepsEdgesSlotsAndTheLowerBound(long seed, int size, int builders) {
        RandomPlans plan = RandomPlans.generate(seed, size);
        PoolSlots slots = PoolSlots.defaults().with("builders", builders);
        Schedule schedule = Scheduler.plan(plan.tasks(), plan.edges(), slots);

        assertThat(schedule.tasks()).hasSize(size);
        ScheduleChecks.assertValid(schedule, plan.tasks(), plan.edges(), slots);
        double work = plan.tasks().stream().mapToDouble(TaskSpec::estimateMinutes).sum();
        assertThat(schedule.sequentialTime()).isCloseTo(work, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(schedule.span()).isLessThanOrEqualTo(work + 1e-6);
    }

    @ParameterizedTest(name = "seed {0}, {1} tasks, {2} steps")
    @MethodSource("plansAndSteps")
    void incrementalReschedulingEqualsAFreshComputation(long seed, int size, int steps) {
        RandomPlans plan = RandomPlans.generate(seed, size);
        PoolSlots slots = PoolSlots.parse("builders=2,ops=2");
        Random random = new Random(seed ^ 0x5DEECE66DL);
        Scheduler incremental = new Scheduler(plan.tasks(), plan.edges(), slots);
        List<TaskSpec> allTasks = new ArrayList<>(plan.tasks());
        List<ClassifiedEdge> allEdges = new ArrayList<>(plan.edges());
        List<Runnable> progressLog = new ArrayList<>();
        List<Scheduler> fresh = new ArrayList<>(1);
        double now = 0;
        Schedule current = incremental.schedule(now);
        for (int step = 0; step < steps && !current.tasks().isEmpty(); step++) {
            int roll = random.nextInt(10);
            if (roll < 2) {
                TaskSpec added = RandomPlans.task("n" + step, random);
                List<ClassifiedEdge> edges = newEdges(added, current, allTasks, random);
                current = incremental.added(added, edges, now);
                allTasks.add(added);
                allEdges.addAll(edges);
            } else {
                ScheduledTask next = current.tasks().stream().filter(task -> !task.running())
                        .min((a, b) -> Double.compare(a.start(), b.start())).orElse(null);
                ScheduledTask running = current.tasks().stream().filter(ScheduledTask::running)
                        .min((a, b) -> Double.compare(a.finish(), b.finish())).orElse(null);
                if (running != null && (next == null || roll >= 7)) {
                    String id = running.id();
                    double at = Math.max(now, running.start() + (running.finish() - running.start())
                            * (0.3 + random.nextDouble() * 1.5));
                    now = at;
                    if (roll == 9) {
                        boolean retry = random.nextBoolean();
                        progressLog.add(() -> fresh.get(0).failed(id, at, retry));
                        current = incremental.failed(id, at, retry);
                    } else {
                        progressLog.add(() -> fresh.get(0).finished(id, at));
                        current = incremental.finished(id, at);
                    }
                } else if (next != null) {
                    String id = next.id();
                    double at = Math.max(now, next.start());
                    now = at;
                    progressLog.add(() -> fresh.get(0).started(id, at));
                    current = incremental.started(id, at);
                }
            }
            fresh.clear();
            fresh.add(new Scheduler(allTasks, allEdges, slots));
            progressLog.forEach(Runnable::run);
            Schedule fromScratch = fresh.get(0).schedule(now);
            assertThat(current).isEqualTo(fromScratch);
            for (TaskSpec task : allTasks) {
                assertThat(incremental.priority(task.id())).isEqualTo(fresh.get(0).priority(task.id()));
            }
        }
    }

    /** Edges of a new task: prerequisites among all tasks, dependents only among tasks not started yet. */
    private static List<ClassifiedEdge> newEdges(TaskSpec added, Schedule current, List<TaskSpec> all,
                                                 Random random) {
        List<ClassifiedEdge> edges = new ArrayList<>();
        List<String> notStarted = current.tasks().stream().filter(task -> !task.running())
                .map(ScheduledTask::id).toList();
        for (TaskSpec task : all) {
            int roll = random.nextInt(12);
            if (roll == 0) {
                edges.add(RandomPlans.edge(task.id(), added.id(), EdgeClass.HARD));
            } else if (roll == 1) {
                edges.add(RandomPlans.edge(task.id(), added.id(), EdgeClass.SOFT));
            } else if (roll == 2) {
                edges.add(RandomPlans.edge(added.id(), task.id(), EdgeClass.RESOURCE));
            }
        }
        // a dependent that is not an ancestor of the new task's prerequisites keeps the graph acyclic
        if (!notStarted.isEmpty() && edges.stream().noneMatch(edge -> edge.to().equals(added.id()))) {
            edges.add(RandomPlans.edge(added.id(), notStarted.get(random.nextInt(notStarted.size())),
                    random.nextBoolean() ? EdgeClass.HARD : EdgeClass.SOFT));
        }
        return edges;
    }

    @ParameterizedTest(name = "seed {0}, {1} tasks")
    @MethodSource("plans")
    void sameSeedSameSimulation(long seed, int size, int unused) {
        RandomPlans plan = RandomPlans.generate(seed, size);
        DurationNoise noise = new DurationNoise(seed, 0.4);
        Simulation.Result first = Simulation.run(plan.tasks(), plan.edges(), PoolSlots.defaults(), noise);
        Simulation.Result second = Simulation.run(plan.tasks(), plan.edges(), PoolSlots.defaults(), noise);
        assertThat(first).isEqualTo(second);
        assertThat(first.simulated().span()).isGreaterThanOrEqualTo(first.simulated().lowerBound() * (1 - 1e-9));
        assertThat(Map.copyOf(first.simulated().utilization()).values()).allMatch(u -> u >= 0 && u <= 1 + 1e-9);
    }
}
