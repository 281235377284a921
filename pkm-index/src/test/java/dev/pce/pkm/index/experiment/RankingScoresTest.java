package dev.pce.pkm.index.experiment;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RankingScoresTest {

    @Test
    void mrrAndRecallAtTenOfAHandMadeRanking() {
        List<String> eleven = IntStream.rangeClosed(1, 11).mapToObj(i -> "n" + i).toList();
        RankingScores scores = RankingScores.of(List.of(
                new RankingScores.Ranking(List.of("a", "b", "c"), "a"),  // rank 1: 1
                new RankingScores.Ranking(List.of("a", "b", "c"), "c"),  // rank 3: 1/3
                new RankingScores.Ranking(eleven, "n10"),                // rank 10: 1/10
                new RankingScores.Ranking(eleven, "n11"),                // rank 11: beyond 10, 0
                new RankingScores.Ranking(List.of(), "a")));             // nothing found: 0

        assertThat(scores.queries()).isEqualTo(5);
        assertThat(scores.mrr()).isCloseTo((1 + 1 / 3.0 + 1 / 10.0) / 5, within(1e-12));
        assertThat(scores.recall()).isCloseTo(3 / 5.0, within(1e-12));
    }

    @Test
    void noQueriesScoreZero() {
        assertThat(RankingScores.of(List.of())).isEqualTo(new RankingScores(0, 0, 0));
    }
}
