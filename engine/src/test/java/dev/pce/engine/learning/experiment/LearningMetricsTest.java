package dev.pce.engine.learning.experiment;

import dev.pce.engine.CeException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** On development seeds (1-10): the evaluated ones (101-110) are not used to tune anything, tests included. */
class LearningMetricsTest {

    @Test
    void learningBeatsItsAblationOnEveryMetricOfTwoDevelopmentSeeds() {
        LearningMetrics.Result result = LearningMetrics.run(12, List.of(1L, 2L));

        assertThat(result.seeds()).allSatisfy(seed -> {
            assertThat(seed.patterns().precision()).isBetween(0.0, 1.0);
            assertThat(seed.patterns().matched()).isPositive();
            assertThat(seed.predictions().accuracy()).isGreaterThan(seed.predictionsOff().accuracy());
            assertThat(seed.predictionsOff().predicted()).isZero();
            assertThat(seed.makespanGain(Arm.BOTH)).isPositive();
            assertThat(seed.estimateError(Arm.BOTH)).isLessThan(seed.estimateError(Arm.OFF));
        });
        assertThat(result.predictions(true).recall()).isGreaterThan(result.predictions(false).recall());
    }

    @Test
    void theSameSeedsGiveTheSameMetrics() {
        LearningMetrics.Result first = LearningMetrics.run(8, List.of(3L));
        LearningMetrics.Result second = LearningMetrics.run(8, List.of(3L));
        LearningMetrics.SeedResult a = first.seeds().getFirst();
        LearningMetrics.SeedResult b = second.seeds().getFirst();
        assertThat(b.patterns()).isEqualTo(a.patterns());
        assertThat(b.predictions()).isEqualTo(a.predictions());
        assertThat(b.setUp()).isEqualTo(a.setUp());
        assertThat(b.makespanGain(Arm.BOTH)).isEqualTo(a.makespanGain(Arm.BOTH));
    }

    @Test
    void tooFewWorkflowsOrSeedsAreRefused() {
        assertThatThrownBy(() -> LearningMetrics.run(3, List.of(1L))).isInstanceOf(CeException.class)
                .hasMessageContaining("at least 6 workflows");
        assertThatThrownBy(() -> LearningMetrics.run(20, List.of())).isInstanceOf(CeException.class)
                .hasMessageContaining("0 seeds");
    }
}
