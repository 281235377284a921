package dev.pce.engine.learning;

import dev.pce.engine.learning.EstimateCorrections.Correction;
import dev.pce.engine.model.TaskSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.pce.engine.learning.PatternSetTest.HERE;
import static dev.pce.engine.learning.PatternSetTest.bias;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LearningCorrectionsTest {

    @ParameterizedTest
    @CsvSource({"1.6, 3, 1.3", "1.6, 9, 1.45", "0.8, 3, 0.9", "1.0, 30, 1.0"})
    void theFactorIsWeightedByConfidence(double factor, int samples, double expected) {
        TaskSpec build = TaskSpec.builder("b", "build").estimate(20).build();

        Correction correction = EstimateCorrections.of(List.of(build),
                List.of(bias("build", factor, samples, "wf-1", HERE))).getFirst();

        assertThat(correction.factor()).isCloseTo(expected, within(1e-9));
        assertThat(correction.correctedMinutes()).isCloseTo(20 * expected, within(1e-9));
        assertThat(correction.reason()).contains("kind 'build'").contains(samples + " samples");
    }

    @Test
    void tasksWithoutAPatternKeepTheirEstimateAndSayWhy() {
        List<TaskSpec> plan = List.of(TaskSpec.builder("d", "design").estimate(15).build(),
                TaskSpec.builder("b", "build").estimate(20).build());

        List<TaskSpec> corrected = EstimateCorrections.apply(plan, List.of(bias("build", 2.0, 3, "wf", HERE)));

        assertThat(corrected).extracting(TaskSpec::estimateMinutes).containsExactly(15.0, 30.0);
        assertThat(corrected.get(1)).usingRecursiveComparison().ignoringFields("estimateMinutes")
                .isEqualTo(plan.get(1));
        assertThat(EstimateCorrections.of(plan, List.of()).getFirst().reason())
                .isEqualTo("no learned estimate bias for kind 'design'");
    }

    @Test
    void anUnconfirmedImportMovesTheEstimateLess() {
        TaskSpec build = TaskSpec.builder("b", "build").estimate(10).build();
        PatternSet imported = PatternSet.empty().importFrom(List.of(bias("build", 2.0, 9, "x",
                PatternOrigin.local("other"))));

        Correction correction = EstimateCorrections.of(List.of(build), imported.estimateBiases()).getFirst();

        assertThat(correction.factor()).isEqualTo(1.38); // 1 + 1.0 * 0.75 * 0.5, to two decimals
        assertThat(correction.reason()).contains("imported from other");
    }

    @Test
    void aCorrectedEstimateIsGivenToThreeFiguresAndItsFactorToTwoDecimals() {
        TaskSpec build = TaskSpec.builder("b", "build").estimate(20).build();

        Correction correction = EstimateCorrections.of(List.of(build),
                List.of(bias("build", 2.5316666666666667, 3, "wf-1", HERE))).getFirst();

        assertThat(correction.correctedMinutes()).isEqualTo(35.3);
        assertThat(correction.factor()).isEqualTo(1.77);
        assertThat(correction.reason()).endsWith("confidence 0.50): x1.77");
    }
}
