package dev.pce.engine.pools.experiment;

import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.engine.event.Event;
import dev.pce.engine.pools.PoolHistory;
import dev.pce.engine.pools.PoolHistoryReader;
import dev.pce.engine.pools.PoolOptimizer;
import dev.pce.engine.pools.PoolRecommendation;
import dev.pce.engine.pools.SizingPolicy;
import dev.pce.engine.schedule.PoolSlots;
import dev.pce.engine.schedule.bench.RandomDags;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Recommended pool sizes against the defaults, measured on held-out workflows. N generated feature plans are run with
 * the default pools in a hidden {@link PoolWorld}; their logs are the history. Then N other plans (seeds the training
 * never saw) run three times on the same hidden durations: with the default pools, with sizes recommended from the
 * plan alone (no history: the estimates as they are), and with sizes recommended from the history. Every arm has the
 * same total of agents (moves only, {@link SizingPolicy#DEFAULT}), so a gain is from where the agents are, not from
 * more of them. Seeded and deterministic.
 */
public final class PoolsExperiment {
    public static final int MAX_WORKFLOWS = 500;
    public static final int FEATURES_PER_WORKFLOW = 4;
    /** Held-out seeds start this far from the training seeds, so no plan of one is a plan of the other. */
    private static final long HELD_OUT_OFFSET = 500_000;

    private PoolsExperiment() {
    }

    /**
     * One held-out workflow in the three arms.
     *
     * @param planOnly    the sizes recommended without history, and the makespan with them
     * @param fromHistory the sizes recommended from the training history, and the makespan with them
     */
    public record Row(int workflow, double defaults, Arm planOnly, Arm fromHistory) {
    }

    /** One arm of a row: the agents per pool it ran with and the makespan in minutes. */
    public record Arm(Map<String, Integer> pools, double makespan) {
    }

    /**
     * @param defaults the default agents per pool
     * @param history  what the training workflows measured
     */
    public record Result(long seed, int trainingWorkflows, PoolSlots defaults, PoolHistory history, List<Row> rows) {
        public Result {
            rows = List.copyOf(rows);
        }

        public double meanDefaults() {
            return mean(Row::defaults);
        }

        public double meanPlanOnly() {
            return mean(row -> row.planOnly().makespan());
        }

        public double meanFromHistory() {
            return mean(row -> row.fromHistory().makespan());
        }

        /** How often each set of recommended sizes from history was used, most used first. */
        public Map<Map<String, Integer>, Long> historySizes() {
            Map<Map<String, Integer>, Long> counts = new LinkedHashMap<>();
            rows.forEach(row -> counts.merge(row.fromHistory().pools(), 1L, Long::sum));
            return counts;
        }

        private double mean(ToDoubleFunction<Row> metric) {
            return rows.stream().mapToDouble(metric).average().orElse(0);
        }
    }

    public static Result run(int workflows, long seed, PoolWorld world) {
        if (workflows < 1 || workflows > MAX_WORKFLOWS) {
            throw new CeException(ErrorCode.INVALID_ARGUMENT, "The experiment cannot run " + workflows
                    + " workflows.", "Give --workflows from 1 to " + MAX_WORKFLOWS + ".");
        }
        PoolSlots defaults = PoolSlots.defaults();
        Map<String, List<Event>> logs = new LinkedHashMap<>();
        for (int i = 1; i <= workflows; i++) {
            long runSeed = seed * 1_000_003L + i;
            RandomDags.Dag dag = RandomDags.features(FEATURES_PER_WORKFLOW, runSeed);
            String id = "train-" + i;
            logs.put(id, SimulatedRun.run(id, dag.tasks(), dag.edges(), defaults, world, runSeed).events());
        }
        PoolHistory history = PoolHistoryReader.of(logs, SimulatedRun.START.plus(Duration.ofDays(60)));
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i <= workflows; i++) {
            long runSeed = seed * 1_000_003L + HELD_OUT_OFFSET + i;
            RandomDags.Dag dag = RandomDags.features(FEATURES_PER_WORKFLOW, runSeed);
            String id = "held-out-" + i;
            double base = SimulatedRun.run(id, dag.tasks(), dag.edges(), defaults, world, runSeed).makespan();
            Arm planOnly = arm(id, dag, defaults, PoolHistory.NONE, world, runSeed);
            Arm fromHistory = arm(id, dag, defaults, history, world, runSeed);
            rows.add(new Row(i, base, planOnly, fromHistory));
        }
        return new Result(seed, workflows, defaults, history, rows);
    }

    private static Arm arm(String id, RandomDags.Dag dag, PoolSlots defaults, PoolHistory history, PoolWorld world,
                           long seed) {
        PoolRecommendation recommendation = PoolOptimizer.recommend(dag.tasks(), dag.edges(), defaults, history,
                SizingPolicy.DEFAULT);
        PoolSlots slots = recommendation.applyTo(defaults);
        return new Arm(recommendation.recommended(),
                SimulatedRun.run(id, dag.tasks(), dag.edges(), slots, world, seed).makespan());
    }
}
