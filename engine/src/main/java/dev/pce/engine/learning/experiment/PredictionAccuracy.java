package dev.pce.engine.learning.experiment;

import dev.pce.engine.gate.Dimension;
import dev.pce.engine.learning.Pattern;
import dev.pce.engine.learning.PatternSet;
import dev.pce.engine.learning.PlanPredictions;
import dev.pce.engine.model.TaskSpec;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How well what ce_predict says about a plan's tasks ({@link PlanPredictions#applying}: the patterns that speak
 * about each task) foretells what then happened to them. Two questions per task of the planner's plan:
 * <ul>
 *   <li><em>overrun</em>: its successful attempt took more than {@link #OVERRUN} times its planner's estimate;
 *       predicted when an estimate bias of its kind makes ce_predict expect more than that (factor above
 *       {@link #OVERRUN});</li>
 *   <li><em>review problem</em>: a review found a problem in it on a dimension; predicted, on that dimension, by a
 *       review requirement of its kind and folder.</li>
 * </ul>
 * A prediction is correct when it happened (for a review problem: on the dimension predicted). precision = correct
 * predictions / predictions; recall = issues predicted / issues that happened; accuracy = questions answered right
 * (yes or no) / questions.
 */
public final class PredictionAccuracy {
    /** Taking a quarter more than the estimate is an overrun worth a warning. */
    public static final double OVERRUN = 1.25;

    private PredictionAccuracy() {
    }

    /** Counts over tasks; add them up over workflows and seeds. */
    public record Score(int questions, int predicted, int happened, int correct, int rightAnswers) {
        public static final Score NONE = new Score(0, 0, 0, 0, 0);

        public Score plus(Score other) {
            return new Score(questions + other.questions, predicted + other.predicted, happened + other.happened,
                    correct + other.correct, rightAnswers + other.rightAnswers);
        }

        /** 1 when nothing was predicted: no prediction was wrong. */
        public double precision() {
            return predicted == 0 ? 1 : (double) correct / predicted;
        }

        /** 1 when nothing happened. */
        public double recall() {
            return happened == 0 ? 1 : (double) correct / happened;
        }

        public double accuracy() {
            return questions == 0 ? 1 : (double) rightAnswers / questions;
        }
    }

    /**
     * The predictions {@code patterns} make for the planner's {@code tasks}, against what {@code happened} in the run.
     */
    public static Score score(List<TaskSpec> tasks, PatternSet patterns, ArmResult happened) {
        Score score = Score.NONE;
        for (TaskSpec task : tasks) {
            List<Pattern> applying = PlanPredictions.applying(task, patterns);
            boolean overrunPredicted = applying.stream().anyMatch(pattern -> pattern instanceof Pattern.EstimateBias
                    bias && bias.factor() > OVERRUN);
            boolean overran = happened.actualMinutes().get(task.id()) > OVERRUN * task.estimateMinutes();
            score = score.plus(question(overrunPredicted ? 1 : 0, overran ? 1 : 0, overrunPredicted && overran ? 1 : 0,
                    overrunPredicted == overran));
            Set<Dimension> problemsPredicted = new HashSet<>();
            applying.stream().filter(Pattern.ReviewRequirement.class::isInstance)
                    .map(pattern -> ((Pattern.ReviewRequirement) pattern).dimension()).forEach(problemsPredicted::add);
            Optional<Dimension> problem = Optional.ofNullable(happened.problems().get(task.id()));
            int correct = problem.filter(problemsPredicted::contains).isPresent() ? 1 : 0;
            score = score.plus(question(problemsPredicted.size(), problem.isPresent() ? 1 : 0, correct,
                    problemsPredicted.equals(problem.map(Set::of).orElse(Set.of()))));
        }
        return score;
    }

    private static Score question(int predicted, int happened, int correct, boolean right) {
        return new Score(1, predicted, happened, correct, right ? 1 : 0);
    }
}
