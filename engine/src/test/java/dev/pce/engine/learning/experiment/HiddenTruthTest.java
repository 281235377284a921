package dev.pce.engine.learning.experiment;

import dev.pce.engine.learning.Pattern;
import org.junit.jupiter.api.Test;

import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class HiddenTruthTest {

    @Test
    void eachSeedDrawsItsOwnWorldWithRealPatternsAndDecoys() {
        // neighbouring seeds are not one world shifted: no factor repeats across the ten worlds
        assertThat(LongStream.rangeClosed(1, 10).mapToObj(HiddenTruth::drawn)
                .flatMap(truth -> truth.durationFactors().values().stream()).distinct().count()).isEqualTo(60);
        for (long seed = 1; seed <= 10; seed++) {
            HiddenTruth truth = HiddenTruth.drawn(seed);
            assertThat(truth.durationFactors().values()).anyMatch(HiddenTruth::biased)
                    .anyMatch(factor -> !HiddenTruth.biased(factor));
            assertThat(truth.riskyPaths()).hasSizeBetween(1, 2);
            assertThat(truth).isEqualTo(HiddenTruth.drawn(seed));
        }
    }

    @Test
    void thePlantedPatternsAreTheBiasedKindsAndTheRiskyPaths() {
        HiddenTruth truth = HiddenTruth.defaults();
        assertThat(truth.planted()).extracting(Pattern::key).containsExactlyInAnyOrder("estimate:api",
                "estimate:data", "estimate:design", "estimate:review", "review:data:db/migrations/:security");
    }

    @Test
    void aRelatedProjectKeepsHowLongKindsTakeAndDrawsOtherRiskyPaths() {
        HiddenTruth truth = HiddenTruth.drawn(3);
        HiddenTruth related = truth.related(3);
        assertThat(related.durationFactors()).isEqualTo(truth.durationFactors());
        assertThat(related.buildFolders()).isEqualTo(truth.buildFolders());
        assertThat(related).isEqualTo(truth.related(3));
    }
}
