package dev.pce.engine.learning.experiment;

import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.engine.dependency.ClassifiedEdge;
import dev.pce.engine.learning.LearnedPatterns;
import dev.pce.engine.learning.LearningReport;
import dev.pce.engine.learning.PatternSet;
import dev.pce.engine.learning.WorkflowLearning;
import dev.pce.engine.model.TaskSpec;
import dev.pce.engine.schedule.bench.RandomDags;

import java.util.ArrayList;
import java.util.List;

/**
 * The compound loop, measured: N generated feature plans, each run twice in the same hidden world
 * ({@link HiddenTruth}): once as planned (baseline), once with what the previous workflows taught (after each
 * workflow its simulated history is read by {@link WorkflowLearning}, its patterns merged, and the next plan corrected).
 * Seeded and deterministic.
 */
public final class LearningExperiment {
    public static final int MAX_WORKFLOWS = 1_000;
    public static final int FEATURES_PER_WORKFLOW = 3;
    static final String PROJECT = "experiment";

    private LearningExperiment() {
    }

    /** One workflow in both arms, and the patterns the learning arm knew when it ran. */
    public record Row(int workflow, ArmResult baseline, ArmResult learning, int patternsKnown) {
    }

    /** All rows and the patterns learned at the end. */
    public record Result(long seed, List<Row> rows, PatternSet learned) {
        public Result {
            rows = List.copyOf(rows);
        }

        /** The mean of {@code metric} over rows {@code from} (inclusive) to {@code to} (exclusive), one arm. */
        public double mean(int from, int to, boolean learning, java.util.function.ToDoubleFunction<ArmResult> metric) {
            return rows.subList(from, to).stream().map(row -> learning ? row.learning() : row.baseline())
                    .mapToDouble(metric).average().orElse(0);
        }
    }

    public static Result run(int workflows, long seed, HiddenTruth truth) {
        if (workflows < 1 || workflows > MAX_WORKFLOWS) {
            throw new CeException(ErrorCode.INVALID_ARGUMENT, "The experiment cannot run " + workflows
                    + " workflows.", "Give --workflows from 1 to " + MAX_WORKFLOWS + ".");
        }
        PatternSet learned = PatternSet.empty();
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i <= workflows; i++) {
            long workflowSeed = seed * 1_000_003L + i;
            String id = "wf-" + i;
            RandomDags.Dag dag = RandomDags.features(FEATURES_PER_WORKFLOW, workflowSeed);
            List<TaskSpec> plan = withWrites(dag.tasks(), workflowSeed, truth);
            List<ClassifiedEdge> edges = dag.edges();
            ArmResult baseline = WorkflowSimulation.run(id, workflowSeed, truth, plan, edges, PatternSet.empty());
            ArmResult learning = WorkflowSimulation.run(id, workflowSeed, truth, plan, edges, learned);
            rows.add(new Row(i, baseline, learning, learned.patterns().size()));
            LearningReport report = WorkflowLearning.report(id, learning.events());
            learned = learned.mergeLocal(LearnedPatterns.from(report, PROJECT, learned));
        }
        return new Result(seed, rows, learned);
    }

    /** The generated plan with the files each build writes: some under the risky prefix, the rest in its feature. */
    private static List<TaskSpec> withWrites(List<TaskSpec> tasks, long seed, HiddenTruth truth) {
        return tasks.stream().map(task -> {
            if (!task.kind().equals("build")) {
                return task;
            }
            boolean risky = HiddenTruth.draw(seed, "writes:" + task.id()) < truth.riskyWriteChance();
            String feature = task.id().substring(0, task.id().indexOf('-'));
            String file = risky ? truth.riskyPrefix() + "V" + seed % 1000 + "_" + task.id() + ".sql"
                    : "src/main/java/" + feature + "/" + task.id().replace("-", "_") + ".java";
            return new TaskSpec(task.id(), task.title(), task.kind(), task.pool(), task.estimateMinutes(),
                    task.reads(), List.of(file), task.dependsOn(), task.description(), task.dependencyTypes(),
                    task.produces(), task.consumes());
        }).toList();
    }
}
