package dev.pce.engine.schedule;

import dev.pce.engine.dependency.ClassifiedEdge;
import dev.pce.engine.model.EdgeClass;
import dev.pce.engine.model.TaskSpec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs a plan many times with failures and review rework drawn from {@link OutcomeRates}, and reports the spread
 * of the makespans. In each run a failed attempt holds its agent for the attempt's duration, then the task is
 * attempted again (its retry is the highest-priority ready task of its pool, as it was before it failed); a
 * review that asks for changes adds, as the server does, one rework task per reviewed task (half its estimate, at
 * least 1 minute, in its pool) and a re-review after them, which the review's dependents then wait for; a
 * re-review may ask for changes again, up to {@link #MAX_REWORK_ROUNDS} rounds.
 *
 * <p>The scheduler knows a run's rework tasks from the start, where the server learns of them when the review is
 * reported; its priorities differ only in that the reviewed work's chain is longer from the start.
 */
public final class OutcomeSimulation {
    /** Rework rounds per review at most: a plan whose reviews send work back more often needs another plan. */
    public static final int MAX_REWORK_ROUNDS = 3;
    static final String REWORK_RULE = "simulated-rework";

    private OutcomeSimulation() {
    }

    /**
     * One seeded run.
     *
     * @param makespan     from the first claim to the last completion, minutes
     * @param retries      failed attempts that were attempted again
     * @param reworkRounds reviews that asked for changes
     * @param tasks        the tasks run, rework included, in plan order then as added
     */
    public record Run(long seed, double makespan, int retries, int reworkRounds, List<TaskSpec> tasks) {
        public Run {
            tasks = List.copyOf(tasks);
        }
    }

    /**
     * The runs of consecutive seeds and their spread (nearest-rank percentiles: always one of the runs).
     *
     * @param baseline the same seeds without failures or rework: only the durations vary
     */
    public record Spread(List<Run> runs, Percentiles makespan, Percentiles baseline) {
        public Spread {
            runs = List.copyOf(runs);
        }

        public double meanRetries() {
            return runs.stream().mapToInt(Run::retries).average().orElse(0);
        }

        public double meanReworkRounds() {
            return runs.stream().mapToInt(Run::reworkRounds).average().orElse(0);
        }

        /** The run whose makespan is the median's (the first such seed). */
        public Run medianRun() {
            return runs.stream().filter(run -> run.makespan() == makespan.p50()).findFirst().orElseThrow();
        }
    }

    public record Percentiles(double p10, double p50, double p90) {
        static Percentiles of(double[] samples) {
            double[] sorted = samples.clone();
            Arrays.sort(sorted);
            return new Percentiles(rank(sorted, 0.1), rank(sorted, 0.5), rank(sorted, 0.9));
        }

        /** The nearest rank, as the metrics' percentiles: the ceil(q*n)-th smallest. */
        private static double rank(double[] sorted, double q) {
            return sorted[Math.max((int) Math.ceil(q * sorted.length), 1) - 1];
        }
    }

    /** {@code runs} runs with the seeds {@code firstSeed}, {@code firstSeed + 1}, ... */
    public static Spread spread(List<TaskSpec> tasks, List<ClassifiedEdge> edges, PoolSlots slots, double sigma,
                                OutcomeRates rates, int maxAttempts, long firstSeed, int runs) {
        if (runs < 1) {
            throw new IllegalArgumentException("at least one run, not " + runs);
        }
        List<Run> all = new ArrayList<>(runs);
        double[] makespans = new double[runs];
        double[] baselines = new double[runs];
        for (int i = 0; i < runs; i++) {
            DurationNoise noise = new DurationNoise(firstSeed + i, sigma);
            Run run = run(tasks, edges, slots, new OutcomeDraws(noise, rates, maxAttempts));
            all.add(run);
            makespans[i] = run.makespan();
            baselines[i] = run(tasks, edges, slots, new OutcomeDraws(noise, OutcomeRates.NONE, maxAttempts))
                    .makespan();
        }
        return new Spread(all, Percentiles.of(makespans), Percentiles.of(baselines));
    }

    /** One run with the draws of one seed. */
    public static Run run(List<TaskSpec> tasks, List<ClassifiedEdge> edges, PoolSlots slots, OutcomeDraws draws) {
        Map<String, TaskSpec> byId = new LinkedHashMap<>();
        tasks.forEach(task -> byId.put(task.id(), task));
        List<ClassifiedEdge> allEdges = new ArrayList<>(edges);
        int rounds = 0;
        for (TaskSpec task : tasks) {
            if (OutcomeDraws.isReview(task)) {
                rounds += rework(task, byId, allEdges, draws);
            }
        }
        Map<String, Double> durations = new HashMap<>();
        int retries = 0;
        for (TaskSpec task : byId.values()) {
            double total = 0;
            for (int attempt = 1; ; attempt++) {
                total += draws.duration(task, attempt);
                if (!draws.fails(task, attempt)) {
                    break;
                }
                retries++;
            }
            durations.put(task.id(), total);
        }
        List<TaskSpec> all = List.copyOf(byId.values());
        Scheduler scheduler = new Scheduler(all, allEdges, slots);
        TaskGraph graph = scheduler.graph();
        double[] indexed = new double[graph.size()];
        for (int i = 0; i < indexed.length; i++) {
            indexed[i] = durations.get(graph.id(i));
        }
        return new Run(draws.seed(), scheduler.schedule(0, indexed).span(), retries, rounds, all);
    }

    /**
     * Adds the rework rounds of one review while it (then its re-review) asks for changes; returns how many. Names
     * and estimates follow the server's: {@code T-rework-1} for each reviewed task T, {@code R-again-1} after them.
     */
    private static int rework(TaskSpec review, Map<String, TaskSpec> byId, List<ClassifiedEdge> edges,
                              OutcomeDraws draws) {
        TaskSpec current = review;
        List<String> reviewed = reviewed(review.id(), edges);
        int round = 0;
        while (round < MAX_REWORK_ROUNDS && !reviewed.isEmpty() && draws.asksForChanges(current)) {
            List<String> reworks = new ArrayList<>();
            for (String reviewedId : reviewed) {
                TaskSpec original = byId.get(reviewedId);
                TaskSpec rework = TaskSpec.builder(free(byId, reviewedId + "-rework"), original.kind())
                        .pool(original.pool()).title("Rework " + original.title())
                        .estimate(Math.max(1, original.estimateMinutes() / 2))
                        .reads(original.reads().toArray(String[]::new))
                        .writes(original.writes().toArray(String[]::new)).build();
                byId.put(rework.id(), rework);
                edges.add(hard(current.id(), rework.id()));
                reworks.add(rework.id());
            }
            TaskSpec again = TaskSpec.builder(free(byId, current.id() + "-again"), current.kind())
                    .pool(current.pool()).title("Review again: " + current.title())
                    .estimate(current.estimateMinutes()).build();
            byId.put(again.id(), again);
            reworks.forEach(rework -> edges.add(hard(rework, again.id())));
            for (String dependent : dependents(current.id(), edges)) {
                if (!reworks.contains(dependent)) {
                    edges.add(hard(again.id(), dependent));
                }
            }
            current = again;
            reviewed = reworks;
            round++;
        }
        return round;
    }

    /** The tasks a review reviews, as the server finds them: those it gives feedback to, else its prerequisites. */
    private static List<String> reviewed(String reviewId, List<ClassifiedEdge> edges) {
        List<String> feedback = edges.stream().filter(edge -> edge.edgeClass() == EdgeClass.FEEDBACK
                && edge.to().equals(reviewId)).map(ClassifiedEdge::from).distinct().toList();
        return !feedback.isEmpty() ? feedback : edges.stream().filter(edge -> edge.to().equals(reviewId)
                && (edge.edgeClass() == EdgeClass.HARD || edge.edgeClass() == EdgeClass.SOFT))
                .map(ClassifiedEdge::from).distinct().toList();
    }

    private static List<String> dependents(String taskId, List<ClassifiedEdge> edges) {
        Set<String> dependents = new HashSet<>();
        List<String> ordered = new ArrayList<>();
        for (ClassifiedEdge edge : edges) {
            if (edge.from().equals(taskId) && (edge.edgeClass() == EdgeClass.HARD
                    || edge.edgeClass() == EdgeClass.SOFT) && dependents.add(edge.to())) {
                ordered.add(edge.to());
            }
        }
        return ordered;
    }

    private static ClassifiedEdge hard(String from, String to) {
        return new ClassifiedEdge(from, to, EdgeClass.HARD, to + " follows " + from + " (simulated rework)",
                REWORK_RULE, "");
    }

    /** {@code base-1}, or the next number not taken yet, as the server names added tasks. */
    private static String free(Map<String, TaskSpec> byId, String base) {
        int n = 1;
        while (byId.containsKey(base + "-" + n)) {
            n++;
        }
        return base + "-" + n;
    }
}
