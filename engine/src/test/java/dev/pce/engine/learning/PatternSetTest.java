package dev.pce.engine.learning;

import dev.pce.engine.gate.Dimension;
import dev.pce.engine.learning.Pattern.EstimateBias;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PatternSetTest {
    static final PatternOrigin HERE = PatternOrigin.local("here");

    static EstimateBias bias(String kind, double factor, int samples, String workflow, PatternOrigin origin) {
        return new EstimateBias(kind, factor, samples, Confidence.of(samples, origin), List.of(workflow), origin);
    }

    @Test
    void mergingCombinesSamplesAndGrowsConfidence() {
        PatternSet set = PatternSet.empty().mergeLocal(List.of(bias("build", 2.0, 3, "wf-1", HERE)))
                .mergeLocal(List.of(bias("build", 1.0, 3, "wf-2", HERE)));

        EstimateBias merged = set.estimateBiases().getFirst();
        assertThat(merged.samples()).isEqualTo(6);
        assertThat(merged.factor()).isCloseTo(Math.sqrt(2), within(1e-9)); // geometric: 2x and 1x
        assertThat(merged.confidence()).isCloseTo(6 / 9.0, within(1e-9)).isGreaterThan(Confidence.of(3));
        assertThat(merged.workflows()).containsExactly("wf-1", "wf-2");
    }

    @Test
    void evidenceKeepsTheMostRecentWorkflowsOnly() {
        PatternSet set = PatternSet.empty();
        for (int i = 1; i <= 25; i++) {
            set = set.mergeLocal(List.of(bias("build", 1.5, 3, "wf-" + i, HERE)));
        }
        EstimateBias merged = set.estimateBiases().getFirst();
        assertThat(merged.samples()).isEqualTo(75);
        assertThat(merged.workflows()).hasSize(PatternSet.MAX_EVIDENCE_WORKFLOWS)
                .startsWith("wf-6").endsWith("wf-25");
    }

    @Test
    void importedPatternsCountLessUntilALocalPatternConfirmsThem() {
        PatternSet set = PatternSet.empty().importFrom(List.of(bias("review", 0.8, 9, "other-wf",
                PatternOrigin.local("other"))));

        EstimateBias imported = set.estimateBiases().getFirst();
        assertThat(imported.origin()).isEqualTo(PatternOrigin.importedFrom("other"));
        assertThat(imported.confidence()).isCloseTo(0.75 * Confidence.IMPORTED_WEIGHT, within(1e-9));

        EstimateBias confirmed = set.mergeLocal(List.of(bias("review", 0.8, 3, "wf-1", HERE)))
                .estimateBiases().getFirst();
        assertThat(confirmed.origin()).isEqualTo(new PatternOrigin("other", true, true));
        assertThat(confirmed.samples()).isEqualTo(12);
        assertThat(confirmed.confidence()).isCloseTo(Confidence.of(12), within(1e-9));
    }

    @Test
    void localPatternsWinOverImportedOnesOfTheSameKey() {
        PatternSet set = PatternSet.empty().mergeLocal(List.of(bias("build", 1.6, 3, "wf-1", HERE)))
                .importFrom(List.of(bias("build", 0.5, 30, "x", PatternOrigin.local("other"))));

        assertThat(set.estimateBiases()).singleElement().satisfies(bias -> {
            assertThat(bias.factor()).isEqualTo(1.6);
            assertThat(bias.origin()).isEqualTo(HERE);
        });
    }

    @Test
    void importedPatternsMustBeImportedNotMerged() {
        assertThatThrownBy(() -> PatternSet.empty().mergeLocal(List.of(
                bias("build", 1.6, 3, "wf", PatternOrigin.importedFrom("other")))))
                .hasMessageContaining("importFrom");
    }

    @Test
    void reviewRequirementsAddUpTheirSamples() {
        Pattern.ReviewRequirement requirement = new Pattern.ReviewRequirement("build", "db/migrations/",
                Dimension.SECURITY, 2, Confidence.of(2), List.of("wf-1"), HERE);
        PatternSet set = PatternSet.empty();
        for (int i : IntStream.range(0, 3).toArray()) {
            set = set.mergeLocal(List.of(requirement));
        }
        assertThat(set.reviewRequirements()).singleElement()
                .satisfies(merged -> assertThat(merged.samples()).isEqualTo(6));
    }

    @Test
    void withdrawingAWorkflowsContributionUndoesItsMerge() {
        PatternSet first = PatternSet.empty().mergeLocal(List.of(bias("build", 2.0, 3, "wf-1", HERE)));
        PatternSet both = first.mergeLocal(List.of(bias("build", 1.2, 6, "wf-2", HERE)));

        PatternSet withdrawn = both.withdraw(List.of(bias("build", 1.2, 6, "wf-2", HERE)));

        EstimateBias left = withdrawn.estimateBiases().getFirst();
        assertThat(left.factor()).isCloseTo(2.0, within(1e-9));
        assertThat(left.samples()).isEqualTo(3);
        assertThat(left.confidence()).isEqualTo(Confidence.of(3));
        assertThat(left.workflows()).containsExactly("wf-1");
        assertThat(first.withdraw(List.of(bias("build", 2.0, 3, "wf-1", HERE))).patterns())
                .as("a pattern left without samples is dropped").isEmpty();
        assertThat(first.withdraw(List.of(bias("test", 2.0, 3, "wf-1", HERE)))).isEqualTo(first);
    }

    @Test
    void aFactorOutOfRangeIsHeldAtTheRangesEndEvenFromAnOlderStore() {
        assertThat(bias("review", 8.9e-05, 3, "wf-1", HERE).factor()).isEqualTo(EstimateBias.MIN_FACTOR);
        assertThat(bias("build", 40, 3, "wf-1", HERE).factor()).isEqualTo(EstimateBias.MAX_FACTOR);
        assertThat(bias("build", 1.6, 3, "wf-1", HERE).factor()).isEqualTo(1.6);
    }
}
