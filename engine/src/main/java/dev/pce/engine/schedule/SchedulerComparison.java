package dev.pce.engine.schedule;

import dev.pce.engine.dependency.ClassifiedEdge;
import dev.pce.engine.model.TaskSpec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One fresh plan scheduled by PCE's scheduler and by baseline schedulers, all by estimates, for the benchmark:
 * plain list scheduling by bottom level (critical path first, what PCE did alone before it also searched serial
 * schedules; HEFT on identical agents), by plan order (first in, first out), longest task first, and the best of
 * {@link #RANDOM_ORDERS} random orders.
 */
public final class SchedulerComparison {
    public static final String PCE = "pce";
    public static final String CRITICAL_PATH = "critical path list";
    public static final String PLAN_ORDER = "plan order";
    public static final String LONGEST_FIRST = "longest first";
    public static final String RANDOM = "random best of 20";
    static final int RANDOM_ORDERS = 20;

    /**
     * @param makespans by scheduler name, {@link #PCE} first
     * @param schedule  PCE's schedule, with its lower bounds
     */
    public record Result(Map<String, Double> makespans, Schedule schedule) {
        /** The shortest makespan of the baselines (everything but {@link #PCE}). */
        public double bestBaseline() {
            return makespans.entrySet().stream().filter(entry -> !entry.getKey().equals(PCE))
                    .mapToDouble(Map.Entry::getValue).min().orElseThrow();
        }
    }

    private SchedulerComparison() {
    }

    public static Result of(List<TaskSpec> tasks, List<ClassifiedEdge> edges, PoolSlots slots) {
        Scheduler scheduler = new Scheduler(tasks, edges, slots);
        TaskGraph graph = scheduler.graph();
        Priorities priorities = Priorities.of(graph);
        int n = graph.size();
        double[] estimates = new double[n];
        double[] byLevel = new double[n];
        double[] byPlan = new double[n];
        double[] byLength = new double[n];
        for (int i = 0; i < n; i++) {
            estimates[i] = graph.estimate(i);
            byLevel[i] = -priorities.level(i);
            byPlan[i] = i;
            byLength[i] = -estimates[i];
        }
        Schedule pce = scheduler.schedule(0);
        Map<String, Double> makespans = new LinkedHashMap<>();
        makespans.put(PCE, pce.makespan());
        makespans.put(CRITICAL_PATH, ListScheduler.byRank(graph, priorities, byLevel, slots, estimates).makespan());
        makespans.put(PLAN_ORDER, ListScheduler.byRank(graph, priorities, byPlan, slots, estimates).makespan());
        makespans.put(LONGEST_FIRST, ListScheduler.byRank(graph, priorities, byLength, slots, estimates).makespan());
        double best = Double.POSITIVE_INFINITY;
        for (int seed = 0; seed < RANDOM_ORDERS; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            double[] byChance = new double[n];
            for (int i = 0; i < n; i++) {
                byChance[i] = random.nextDouble();
            }
            best = Math.min(best, ListScheduler.byRank(graph, priorities, byChance, slots, estimates).makespan());
        }
        makespans.put(RANDOM, best);
        return new Result(makespans, pce);
    }
}
