package dev.pce.pkm.index.semantic;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RankFusionTest {

    @Test
    void anItemBothRankingsHoldBeatsOnesThatOnlyOneRanksFirst() {
        List<String> lexical = List.of("a", "b", "c");
        List<String> semantic = List.of("d", "c", "a");

        List<RankFusion.Fused<String>> fused = RankFusion.reciprocal(60, lexical, semantic);

        assertThat(fused).extracting(RankFusion.Fused::item).containsExactly("a", "c", "d", "b");
        assertThat(fused.get(0).score()).isCloseTo(1.0 / 61 + 1.0 / 63, within(1e-12));
        assertThat(fused.get(1).score()).isCloseTo(1.0 / 63 + 1.0 / 62, within(1e-12));
        assertThat(fused.get(2).score()).isCloseTo(1.0 / 61, within(1e-12));
    }

    @Test
    void tiesKeepTheOrderOfFirstAppearanceSoTheResultIsDeterministic() {
        List<RankFusion.Fused<Integer>> fused = RankFusion.reciprocal(60, List.of(7, 8), List.of(9, 10));

        assertThat(fused).extracting(RankFusion.Fused::item).containsExactly(7, 9, 8, 10);
    }

    @Test
    void aSmallKLetsTheFirstRanksCountMore() {
        List<String> lexical = List.of("x", "y", "z");
        List<String> semantic = List.of("y", "z", "x");

        assertThat(RankFusion.reciprocal(0, lexical, semantic)).extracting(RankFusion.Fused::item)
                .as("k=0: y has 1/2 + 1/1, x has 1/1 + 1/3")
                .containsExactly("y", "x", "z");
        assertThat(RankFusion.reciprocal(60, List.of(), List.of())).isEmpty();
    }
}
