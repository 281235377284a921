package dev.pce.engine.learning.experiment;

import dev.pce.engine.gate.Dimension;
import dev.pce.engine.learning.Pattern;
import dev.pce.engine.learning.PatternOrigin;
import dev.pce.engine.learning.PatternSet;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PatternIdentificationTest {
    private static final PatternOrigin ORIGIN = PatternOrigin.local("p");

    private static Pattern bias(String kind, double factor) {
        return new Pattern.EstimateBias(kind, factor, 9, 0.75, List.of("wf-1"), ORIGIN);
    }

    private static Pattern review(String kind, String folder, Dimension dimension) {
        return new Pattern.ReviewRequirement(kind, folder, dimension, 2, 0.4, List.of("wf-1"), ORIGIN);
    }

    @Test
    void precisionAndRecallCountClaimsThatMatchThePlantedPatterns() {
        List<Pattern> planted = List.of(bias("api", 1.6), bias("review", 0.8),
                review("data", "db/migrations/", Dimension.SECURITY));
        PatternSet learned = new PatternSet(List.of(
                bias("api", 1.5),                                      // right: within 10% of 1.6
                bias("review", 0.6),                                   // wrong: 25% off
                bias("ui", 0.97),                                      // no claim: inside the unbiased band
                bias(WorkflowSimulation.EARLY_REVIEW_KIND, 2.0),       // no claim: the experiment's own tasks
                review("data", "db/migrations/", Dimension.SECURITY),  // right
                review("api", "src/auth/", Dimension.PERFORMANCE)));   // wrong: a decoy folder

        PatternIdentification.Score score = PatternIdentification.score(planted, learned);

        assertThat(score).isEqualTo(new PatternIdentification.Score(4, 3, 2));
        assertThat(score.precision()).isEqualTo(0.5);
        assertThat(score.recall()).isEqualTo(2.0 / 3);
    }

    @Test
    void aReviewRequirementOnAnotherDimensionIsWrong() {
        List<Pattern> planted = List.of(review("data", "db/migrations/", Dimension.SECURITY));
        PatternSet learned = new PatternSet(List.of(review("data", "db/migrations/", Dimension.PERFORMANCE)));

        assertThat(PatternIdentification.score(planted, learned)).isEqualTo(new PatternIdentification.Score(1, 1, 0));
    }

    @Test
    void nothingLearnedIsPreciseButFindsNothing() {
        PatternIdentification.Score score = PatternIdentification.score(List.of(bias("api", 1.6)), PatternSet.empty());
        assertThat(score.precision()).isEqualTo(1);
        assertThat(score.recall()).isZero();
    }
}
