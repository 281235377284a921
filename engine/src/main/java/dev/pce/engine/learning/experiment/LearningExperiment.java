package dev.pce.engine.learning.experiment;

import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.engine.dependency.ClassifiedEdge;
import dev.pce.engine.learning.LearnedPatterns;
import dev.pce.engine.learning.LearningReport;
import dev.pce.engine.learning.Pattern;
import dev.pce.engine.learning.PatternSet;
import dev.pce.engine.learning.WorkflowLearning;
import dev.pce.engine.model.TaskSpec;
import dev.pce.engine.schedule.bench.RandomDags;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The compound loop, measured: N generated feature plans, each run in every arm ({@link Arm}) in the same hidden
 * world ({@link HiddenTruth}): learning off, and with what the previous workflows taught applied in part or in full
 * (after each workflow an arm's simulated history is read by {@link WorkflowLearning}, its patterns merged, and the
 * next plan corrected). Seeded and deterministic.
 */
public final class LearningExperiment {
    public static final int MAX_WORKFLOWS = 1_000;
    public static final int FEATURES_PER_WORKFLOW = 3;
    static final String PROJECT = "experiment";

    private LearningExperiment() {
    }

    /**
     * One workflow in each arm run, the patterns the learning arm ({@link Arm#BOTH}) knew when it ran, what this
     * workflow taught it and what it knew after merging that (what {@code ce_learn} would have written as pattern
     * notes: each taught pattern with the project's pattern of its key).
     */
    public record Row(int workflow, Map<Arm, ArmResult> arms, int patternsKnown, List<Pattern> taught,
                      PatternSet knownAfter) {
        public Row {
            arms = Map.copyOf(arms);
            taught = List.copyOf(taught);
        }

        public ArmResult arm(Arm arm) {
            ArmResult result = arms.get(arm);
            if (result == null) {
                throw new IllegalArgumentException("arm " + arm + " was not run");
            }
            return result;
        }

        public ArmResult baseline() {
            return arm(Arm.OFF);
        }

        public ArmResult learning() {
            return arm(Arm.BOTH);
        }
    }

    /** All rows and the patterns the learning arm knew at the end. */
    public record Result(long seed, HiddenTruth truth, List<Row> rows, PatternSet learned) {
        public Result {
            rows = List.copyOf(rows);
        }

        /** The mean of {@code metric} over rows {@code from} (inclusive) to {@code to} (exclusive), one arm. */
        public double mean(int from, int to, Arm arm, ToDoubleFunction<ArmResult> metric) {
            return rows.subList(from, to).stream().map(row -> row.arm(arm)).mapToDouble(metric).average().orElse(0);
        }

        /** As {@link #mean(int, int, Arm, ToDoubleFunction)}: the learning arm or learning off. */
        public double mean(int from, int to, boolean learning, ToDoubleFunction<ArmResult> metric) {
            return mean(from, to, learning ? Arm.BOTH : Arm.OFF, metric);
        }
    }

    /** Every arm, starting from nothing learned. */
    public static Result run(int workflows, long seed, HiddenTruth truth) {
        return run(workflows, seed, truth, PatternSet.empty(), List.of(Arm.values()));
    }

    /**
     * The given arms, each starting from {@code initial} (imported patterns, say).
     *
     * @param arms must include {@link Arm#BOTH}, the learning arm
     */
    public static Result run(int workflows, long seed, HiddenTruth truth, PatternSet initial, List<Arm> arms) {
        if (workflows < 1 || workflows > MAX_WORKFLOWS) {
            throw new CeException(ErrorCode.INVALID_ARGUMENT, "The experiment cannot run " + workflows
                    + " workflows.", "Give --workflows from 1 to " + MAX_WORKFLOWS + ".");
        }
        if (!arms.contains(Arm.BOTH)) {
            throw new IllegalArgumentException("the learning arm (BOTH) must be run");
        }
        Map<Arm, PatternSet> learned = new EnumMap<>(Arm.class);
        arms.forEach(arm -> learned.put(arm, initial));
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i <= workflows; i++) {
            Plan plan = plan(seed, i, truth);
            Map<Arm, ArmResult> results = new EnumMap<>(Arm.class);
            List<Pattern> taught = List.of();
            int known = learned.get(Arm.BOTH).patterns().size();
            for (Arm arm : arms) {
                ArmResult result = plan.run(truth, arm.applied(learned.get(arm)));
                results.put(arm, result);
                if (arm != Arm.OFF) {
                    List<Pattern> patterns = learnFrom(plan.id(), result, learned.get(arm));
                    learned.put(arm, learned.get(arm).mergeLocal(patterns));
                    if (arm == Arm.BOTH) {
                        taught = patterns;
                    }
                }
            }
            rows.add(new Row(i, results, known, taught, learned.get(Arm.BOTH)));
        }
        return new Result(seed, truth, rows, learned.get(Arm.BOTH));
    }

    /** What one workflow's history teaches, given what is known: ce_learn's first step. */
    static List<Pattern> learnFrom(String workflowId, ArmResult result, PatternSet known) {
        LearningReport report = WorkflowLearning.report(workflowId, result.events());
        return LearnedPatterns.from(report, PROJECT, known);
    }

    /** One generated workflow: its tasks as its planner gave them, its edges, and the seed of its world's draws. */
    record Plan(String id, long seed, List<TaskSpec> tasks, List<ClassifiedEdge> edges) {
        ArmResult run(HiddenTruth truth, PatternSet applied) {
            return WorkflowSimulation.run(id, seed, truth, tasks, edges, applied);
        }
    }

    /**
     * Workflow {@code index} of the run with {@code seed}: a feature plan whose builds each get a build kind and
     * write one file into one of that kind's folders.
     */
    static Plan plan(long seed, int index, HiddenTruth truth) {
        long workflowSeed = seed * 1_000_003L + index;
        RandomDags.Dag dag = RandomDags.features(FEATURES_PER_WORKFLOW, workflowSeed);
        List<String> kinds = truth.buildKinds();
        List<TaskSpec> tasks = dag.tasks().stream().map(task -> {
            if (!task.kind().equals("build")) {
                return task;
            }
            String kind = kinds.get((int) (HiddenTruth.draw(workflowSeed, "kind:" + task.id()) * kinds.size()));
            List<String> folders = truth.buildFolders().get(kind);
            String folder = folders.get((int) (HiddenTruth.draw(workflowSeed, "folder:" + task.id())
                    * folders.size()));
            String file = folder + "w" + index + "_" + task.id().replace("-", "_") + ".txt";
            return new TaskSpec(task.id(), task.title(), kind, task.pool(), task.estimateMinutes(),
                    task.reads(), List.of(file), task.dependsOn(), task.description(), task.dependencyTypes(),
                    task.produces(), task.consumes());
        }).toList();
        return new Plan("wf-" + index, workflowSeed, tasks, dag.edges());
    }
}
