package dev.pce.engine.learning.experiment;

import dev.pce.engine.gate.Dimension;
import dev.pce.engine.learning.Pattern;
import dev.pce.engine.learning.PatternOrigin;
import dev.pce.engine.learning.PatternSet;
import dev.pce.engine.model.TaskSpec;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PredictionAccuracyTest {
    private static final PatternOrigin ORIGIN = PatternOrigin.local("p");
    private static final List<TaskSpec> TASKS = List.of(
            TaskSpec.builder("a", "api").estimate(20).writes("src/auth/a.txt").build(),
            TaskSpec.builder("b", "api").estimate(20).writes("src/api/handlers/b.txt").build(),
            TaskSpec.builder("c", "ui").estimate(20).writes("src/ui/forms/c.txt").build());
    /** a and c overran (30 > 25 minutes), b did not; a hid a security problem, c a performance one. */
    private static final ArmResult HAPPENED = new ArmResult(0, 0, 0, 0, Map.of("a", 30.0, "b", 22.0, "c", 30.0),
            Map.of("a", Dimension.SECURITY, "c", Dimension.PERFORMANCE), List.of());

    @Test
    void predictionsFromPatternsAreScoredAgainstWhatHappened() {
        PatternSet learned = new PatternSet(List.of(
                new Pattern.EstimateBias("api", 1.6, 9, 0.75, List.of(), ORIGIN),  // overrun for a (right), b (wrong)
                new Pattern.ReviewRequirement("api", "src/auth/", Dimension.SECURITY, 2, 0.4, List.of(), ORIGIN)));

        PredictionAccuracy.Score score = PredictionAccuracy.score(TASKS, learned, HAPPENED);

        // predicted: overrun a, overrun b, security a; happened: overrun a, overrun c, security a, performance c
        assertThat(score).isEqualTo(new PredictionAccuracy.Score(6, 3, 4, 2, 3));
        assertThat(score.precision()).isEqualTo(2.0 / 3);
        assertThat(score.recall()).isEqualTo(0.5);
        assertThat(score.accuracy()).isEqualTo(0.5);
    }

    @Test
    void withNothingLearnedNothingIsPredictedAndOnlyTheQuietTasksAreRight() {
        PredictionAccuracy.Score score = PredictionAccuracy.score(TASKS, PatternSet.empty(), HAPPENED);

        assertThat(score).isEqualTo(new PredictionAccuracy.Score(6, 0, 4, 0, 2));
        assertThat(score.recall()).isZero();
    }

    @Test
    void aBiasBelowTheOverrunPredictsNoOverrun() {
        PatternSet learned = new PatternSet(List.of(new Pattern.EstimateBias("ui", 1.2, 9, 0.75, List.of(),
                ORIGIN)));
        assertThat(PredictionAccuracy.score(TASKS, learned, HAPPENED).predicted()).isZero();
    }
}
