package dev.pce.engine.learning.experiment;

import dev.pce.engine.conflict.DimensionReview;
import dev.pce.engine.conflict.ReviewVerdict;
import dev.pce.engine.dependency.ClassifiedEdge;
import dev.pce.engine.event.Event;
import dev.pce.engine.event.EventPayload;
import dev.pce.engine.event.ReviewReported;
import dev.pce.engine.event.TaskClaimed;
import dev.pce.engine.event.TaskCompleted;
import dev.pce.engine.event.TaskFailed;
import dev.pce.engine.event.TasksAdded;
import dev.pce.engine.event.WorkflowPlanned;
import dev.pce.engine.gate.Dimension;
import dev.pce.engine.gate.Finding;
import dev.pce.engine.gate.FindingSeverity;
import dev.pce.engine.learning.EstimateCorrections;
import dev.pce.engine.learning.Pattern.ReviewRequirement;
import dev.pce.engine.learning.PatternSet;
import dev.pce.engine.model.EdgeClass;
import dev.pce.engine.model.Pools;
import dev.pce.engine.model.TaskSpec;
import dev.pce.engine.schedule.DurationNoise;
import dev.pce.engine.schedule.PoolSlots;
import dev.pce.engine.schedule.Scheduler;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Runs one generated workflow in the simulated world and records its history as events. The schedule is list
 * scheduling: whenever an agent of a pool is free it takes the ready task the {@link Scheduler} ranks first
 * (critical path by the estimates it was given); the work then takes the hidden true time. With learned patterns
 * the estimates given are corrected ({@link EstimateCorrections}) and builds a {@link ReviewRequirement} matches get
 * an early review on its dimension, which finds a hidden problem on that dimension while it is cheap to fix. The
 * feature's final review finds every problem not caught before and sends those builds back (rework plus a second
 * review).
 *
 * <p>The scheduler's own simulation draws durations from the estimates it plans with; here reality must not depend
 * on the estimates, so this class runs the event loop itself and takes only the priorities from the scheduler.
 */
final class WorkflowSimulation {
    static final Instant START = Instant.parse("2026-11-25T09:00:00Z");
    private static final String AGENT = "sim";
    private static final double EARLY_REVIEW_MINUTES = 10;
    /** A kind of its own: its time includes the fix, which would distort what is learned about reviews. */
    static final String EARLY_REVIEW_KIND = "early-review";
    /** An early review that finds the problem fixes it with the author: a quarter of the build's work. */
    private static final double EARLY_FIX_SHARE = 0.25;

    private final String workflowId;
    private final long seed;
    private final HiddenTruth truth;
    private final PoolSlots slots = PoolSlots.defaults();
    private final DurationNoise noise;
    private final List<Event> events = new ArrayList<>();
    private final Map<String, TaskSpec> specs = new HashMap<>();
    private final Map<String, Integer> rank = new HashMap<>();
    private final Map<String, Integer> waitingFor = new HashMap<>();
    private final Map<String, List<String>> dependents = new HashMap<>();
    private final Map<String, TreeSet<String>> ready = new TreeMap<>();
    private final Map<String, Integer> busy = new HashMap<>();
    private final Map<String, Integer> attempts = new HashMap<>();
    private final Map<String, Double> actual = new HashMap<>();
    private final Set<String> caughtEarly = new HashSet<>();
    private final Map<String, EarlyReview> earlyReviews = new HashMap<>();
    private final Map<String, Dimension> problems = new HashMap<>();
    private int addedRank = Integer.MIN_VALUE;
    private int rework;

    /** An early review added for {@code reviewed}, on {@code dimension}. */
    private record EarlyReview(String reviewed, Dimension dimension) {
    }

    private record Running(double finish, double start, String taskId, String claimId, boolean fails) {
    }

    private WorkflowSimulation(String workflowId, long seed, HiddenTruth truth) {
        this.workflowId = workflowId;
        this.seed = seed;
        this.truth = truth;
        this.noise = new DurationNoise(seed, truth.noise());
    }

    /**
     * Runs {@code plan} (the planner's tasks and edges) with the patterns an arm applies (empty: learning off).
     */
    static ArmResult run(String workflowId, long seed, HiddenTruth truth, List<TaskSpec> plan,
                         List<ClassifiedEdge> edges, PatternSet applied) {
        return new WorkflowSimulation(workflowId, seed, truth).simulate(plan, edges, applied);
    }

    private ArmResult simulate(List<TaskSpec> plan, List<ClassifiedEdge> planEdges, PatternSet learned) {
        List<TaskSpec> tasks = new ArrayList<>(plan);
        List<ClassifiedEdge> edges = new ArrayList<>(planEdges);
        plan.forEach(task -> truth.problem(seed, task).ifPresent(problem -> problems.put(task.id(), problem)));
        int added = addEarlyReviews(tasks, edges, learned.reviewRequirements());
        // the log records the planner's estimates; the corrected ones only steer the schedule (see EstimateCorrections)
        record(0, new WorkflowPlanned("simulated feature work " + workflowId, tasks, edges));
        List<TaskSpec> corrected = EstimateCorrections.apply(tasks, learned.estimateBiases());
        List<String> order = new Scheduler(corrected, edges, slots).priorityOrder();
        for (int i = 0; i < order.size(); i++) {
            rank.put(order.get(i), i);
        }
        tasks.forEach(task -> specs.put(task.id(), task));
        tasks.forEach(task -> waitingFor.put(task.id(), 0));
        for (ClassifiedEdge edge : edges) {
            waitingFor.merge(edge.to(), 1, Integer::sum);
            dependents.computeIfAbsent(edge.from(), id -> new ArrayList<>()).add(edge.to());
        }
        tasks.stream().filter(task -> waitingFor.get(task.id()) == 0).forEach(task -> makeReady(task.id()));
        double makespan = loop();
        Map<String, Double> usedEstimates = new HashMap<>();
        corrected.forEach(task -> usedEstimates.put(task.id(), task.estimateMinutes()));
        double error = plan.stream().mapToDouble(task -> Math.abs(usedEstimates.get(task.id())
                - actual.get(task.id())) / actual.get(task.id())).average().orElse(0);
        Map<String, Double> planActual = new HashMap<>();
        plan.forEach(task -> planActual.put(task.id(), actual.get(task.id())));
        return new ArmResult(error, makespan, rework, added, planActual, problems, events);
    }

    /** An early review after every build a learned review requirement matches, before the build's dependents. */
    private int addEarlyReviews(List<TaskSpec> tasks, List<ClassifiedEdge> edges,
                                List<ReviewRequirement> requirements) {
        int added = 0;
        for (TaskSpec task : List.copyOf(tasks)) {
            for (ReviewRequirement requirement : requirements) {
                boolean matches = requirement.kind().equals(task.kind())
                        && task.writes().stream().anyMatch(path -> path.startsWith(requirement.pathPrefix()));
                if (!matches) {
                    continue;
                }
                String id = task.id() + "-early-" + requirement.dimension().wireName();
                tasks.add(TaskSpec.builder(id, EARLY_REVIEW_KIND).pool(Pools.REVIEWERS).estimate(EARLY_REVIEW_MINUTES)
                        .title("Early " + requirement.dimension().wireName() + " review of " + task.id())
                        .reads(task.writes().toArray(String[]::new)).build());
                for (ClassifiedEdge edge : List.copyOf(edges)) {
                    if (edge.from().equals(task.id())) {
                        edges.add(hard(id, edge.to()));
                    }
                }
                edges.add(hard(task.id(), id));
                earlyReviews.put(id, new EarlyReview(task.id(), requirement.dimension()));
                added++;
                break;
            }
        }
        return added;
    }

    private double loop() {
        PriorityQueue<Running> running = new PriorityQueue<>(Comparator.comparingDouble(Running::finish)
                .thenComparing(Running::taskId));
        double now = 0;
        while (true) {
            startReadyWork(now, running);
            Running next = running.poll();
            if (next == null) {
                return now;
            }
            now = next.finish();
            String pool = specs.get(next.taskId()).pool();
            busy.merge(pool, -1, Integer::sum);
            if (next.fails()) {
                record(now, new TaskFailed(next.taskId(), next.claimId(), "Tests failed: " + (1 + (int) (now % 7))
                        + " failing", true, true));
                makeReady(next.taskId());
                continue;
            }
            actual.put(next.taskId(), now - next.start());
            record(now, new TaskCompleted(next.taskId(), next.claimId(), "done", List.of(), null, false));
            for (String dependent : dependents.getOrDefault(next.taskId(), List.of())) {
                if (waitingFor.merge(dependent, -1, Integer::sum) == 0) {
                    makeReady(dependent);
                }
            }
            if (next.taskId().endsWith("-review")) {
                finalReview(next.taskId(), now);
            }
        }
    }

    private void startReadyWork(double now, PriorityQueue<Running> running) {
        for (Map.Entry<String, TreeSet<String>> pool : ready.entrySet()) {
            while (!pool.getValue().isEmpty() && busy.getOrDefault(pool.getKey(), 0) < slots.slotsOf(pool.getKey())) {
                String taskId = pool.getValue().pollFirst();
                busy.merge(pool.getKey(), 1, Integer::sum);
                int attempt = attempts.merge(taskId, 1, Integer::sum);
                String claimId = taskId + "#" + attempt;
                record(now, new TaskClaimed(taskId, claimId, AGENT, pool.getKey(), START.plus(Duration.ofDays(1))));
                TaskSpec task = specs.get(taskId);
                double minutes = trueMinutes(task, attempt);
                boolean fails = attempt == 1
                        && HiddenTruth.draw(seed, "fail:" + taskId) < truth.failureChance(task.kind());
                running.add(new Running(now + (fails ? minutes / 2 : minutes), now, taskId, claimId, fails));
            }
        }
    }

    /**
     * The hidden time of an attempt: estimate x the kind's true factor x noise, the noise's median 1 (its mean is
     * exp(sigma^2 / 2)), so the kind's factor is the median ratio the learner looks for. An early review that finds
     * a problem on its dimension includes the fix.
     */
    private double trueMinutes(TaskSpec task, int attempt) {
        double medianOne = Math.exp(truth.noise() * truth.noise() / 2);
        TaskSpec draw = TaskSpec.builder(task.id() + "#" + attempt, task.kind())
                .estimate(task.estimateMinutes() * truth.factor(task.kind()) * medianOne).build();
        double minutes = noise.duration(draw);
        EarlyReview early = earlyReviews.get(task.id());
        if (early != null && early.dimension() == problems.get(early.reviewed())) {
            caughtEarly.add(early.reviewed());
            TaskSpec reviewed = specs.get(early.reviewed());
            minutes += EARLY_FIX_SHARE * reviewed.estimateMinutes() * truth.factor(reviewed.kind());
        }
        return minutes;
    }

    /** A feature's final review finds the hidden problems no early review caught, and sends those builds back. */
    private void finalReview(String reviewId, double now) {
        String feature = reviewId.substring(0, reviewId.length() - "-review".length());
        List<TaskSpec> flawed = specs.values().stream()
                .filter(task -> task.id().startsWith(feature + "-build") && problems.containsKey(task.id()))
                .filter(task -> !caughtEarly.contains(task.id()))
                .sorted(Comparator.comparing(TaskSpec::id)).toList();
        if (flawed.isEmpty()) {
            return;
        }
        List<String> reviewed = flawed.stream().map(TaskSpec::id).toList();
        // one report per review, as ce_review records it: per dimension it objects to, a finding in each flawed
        // build's file, so the learner can tell which build answers for which dimension
        Map<Dimension, List<Finding>> findings = new TreeMap<>();
        flawed.forEach(task -> findings.computeIfAbsent(problems.get(task.id()), dimension -> new ArrayList<>())
                .add(Finding.at(problems.get(task.id()), "", FindingSeverity.HIGH, task.writes().getFirst(), 1,
                        problems.get(task.id()).wireName() + " problem", "agent:reviewer")));
        List<DimensionReview> objections = findings.entrySet().stream().map(entry -> new DimensionReview(
                entry.getKey(), ReviewVerdict.REQUEST_CHANGES, entry.getValue())).toList();
        record(now, new ReviewReported(reviewId, "reviewer", reviewed, objections));
        List<TaskSpec> added = new ArrayList<>();
        List<ClassifiedEdge> edges = new ArrayList<>();
        String again = reviewId + "-again";
        for (TaskSpec original : flawed) {
            String id = original.id() + "-rework";
            added.add(TaskSpec.builder(id, original.kind()).pool(original.pool())
                    .estimate(Math.max(1, original.estimateMinutes() / 2))
                    .writes(original.writes().toArray(String[]::new)).build());
            edges.add(hard(id, again));
        }
        TaskSpec review = specs.get(reviewId);
        added.add(TaskSpec.builder(again, review.kind()).pool(review.pool()).estimate(review.estimateMinutes())
                .build());
        record(now, new TasksAdded(added, edges, "review " + reviewId + " asked for changes", "review:" + reviewId));
        rework += flawed.size();
        for (TaskSpec task : added) {
            specs.put(task.id(), task);
            rank.put(task.id(), addedRank++); // rework holds up the feature's end: it goes first
            waitingFor.put(task.id(), 0);
        }
        for (ClassifiedEdge edge : edges) {
            waitingFor.merge(edge.to(), 1, Integer::sum);
            dependents.computeIfAbsent(edge.from(), id -> new ArrayList<>()).add(edge.to());
        }
        added.stream().filter(task -> waitingFor.get(task.id()) == 0).forEach(task -> makeReady(task.id()));
    }

    private void makeReady(String taskId) {
        String pool = specs.get(taskId).pool();
        ready.computeIfAbsent(pool, p -> new TreeSet<>(Comparator.comparing((String id) -> rank.get(id))
                .thenComparing(Comparator.naturalOrder()))).add(taskId);
    }

    private void record(double minute, EventPayload payload) {
        long seq = events.size() + 1;
        Instant at = START.plus(Duration.ofMillis(Math.round(minute * 60_000)));
        events.add(new Event(workflowId + "-" + seq, seq, at, AGENT, payload));
    }

    private static ClassifiedEdge hard(String from, String to) {
        return new ClassifiedEdge(from, to, EdgeClass.HARD, "", "", "");
    }
}
