package dev.pce.engine.learning.experiment;

import dev.pce.engine.learning.Confidence;
import dev.pce.engine.learning.Pattern;
import dev.pce.engine.learning.PatternSet;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SetUpGainTest {
    static final long DEV_SEED = 2;

    @Test
    void theSetUpTimeIsTheWorkflowsBeforeAWindowFirstSettles() {
        double[] errors = {0.40, 0.30, 0.25, 0.21, 0.20, 0.20, 0.19, 0.21};
        // windows of three: 0.317, 0.253, 0.220, 0.203, ...
        assertThat(SetUpGain.setUpTime(errors, 0.21)).isEqualTo(3);
        assertThat(SetUpGain.setUpTime(errors, 0.50)).isZero();
        assertThat(SetUpGain.setUpTime(errors, 0.10)).isEqualTo(errors.length);
    }

    @Test
    void anotherProjectsPatternsComeInAsCeLearnFromBringsThem() {
        LearningExperiment.Result projectA = LearningExperiment.run(10, DEV_SEED, HiddenTruth.drawn(DEV_SEED));

        PatternSet imported = PatternExport.imported("project-a", projectA.rows());

        assertThat(imported.patterns()).isNotEmpty().allSatisfy(pattern -> {
            assertThat(pattern.origin().imported()).isTrue();
            assertThat(pattern.origin().confirmed()).isFalse();
            assertThat(pattern.confidence()).isEqualTo(Confidence.of(pattern.samples(), pattern.origin()));
        });
        // what A knew, not the last workflow's word: per key A's merged pattern, all its samples
        assertThat(imported.patterns()).extracting(Pattern::key)
                .containsExactlyInAnyOrderElementsOf(projectA.learned().patterns().stream().map(Pattern::key)
                        .toList());
        imported.patterns().forEach(pattern -> {
            Pattern known = projectA.learned().get(pattern.key()).orElseThrow();
            assertThat(pattern.samples()).isEqualTo(known.samples());
            if (pattern instanceof Pattern.EstimateBias bias) {
                assertThat(bias.factor()).isCloseTo(((Pattern.EstimateBias) known).factor(), within(0.0005));
            }
        });
    }

    @Test
    void startingFromAnotherProjectsPatternsSettlesNoLaterThanFromNothing() {
        LearningExperiment.Result projectA = LearningExperiment.run(20, DEV_SEED, HiddenTruth.drawn(DEV_SEED));

        SetUpGain.Result result = SetUpGain.measure(projectA, 20);

        assertThat(result.setUpWith()).isLessThanOrEqualTo(result.setUpWithout());
        // the first workflow of the related project already knows how long its kinds take
        assertThat(result.withImport().getFirst()).isLessThan(result.fromNothing().getFirst());
        assertThat(result.band()).isGreaterThan(result.steady());
    }
}
