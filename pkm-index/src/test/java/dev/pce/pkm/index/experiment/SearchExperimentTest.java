package dev.pce.pkm.index.experiment;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SearchExperimentTest {

    @Test
    void lossesListTheQueriesTheBaselineRanksHigherWithBothRanks() {
        List<KnownItemQuery> queries = List.of(
                new KnownItemQuery("won both", "a"),
                new KnownItemQuery("ranked lower", "b"),
                new KnownItemQuery("missed", "c"),
                new KnownItemQuery("both missed", "d"),
                new KnownItemQuery("ranked higher", "a"));
        SearchCollection collection = new SearchCollection("hand-made", SetRole.TEST, Path.of("vault"), List.of(),
                queries);
        List<RankingScores.Ranking> ours = List.of(ranking("a", "a", "b"), ranking("b", "a", "b"),
                ranking("c", "a"), ranking("d", "a"), ranking("a", "a", "b"));
        List<RankingScores.Ranking> theirs = List.of(ranking("a", "a", "b"), ranking("b", "b", "a"),
                ranking("c", "b", "c"), ranking("d", "a"), ranking("a", "b", "a"));
        SearchExperiment.CollectionResult result = new SearchExperiment.CollectionResult(collection, List.of(
                new SearchExperiment.ArmScores("PCE", RankingScores.of(ours), ours),
                new SearchExperiment.ArmScores("FTS5", RankingScores.of(theirs), theirs)));

        assertThat(SearchExperiment.losses(List.of(result), "PCE", "FTS5", 10)).containsExactly(
                "hand-made: 'ranked lower' -> b: PCE 2, FTS5 1",
                "hand-made: 'missed' -> c: PCE -, FTS5 2");
        assertThat(SearchExperiment.losses(List.of(result), "PCE", "FTS5", 1)).hasSize(1);
    }

    private static RankingScores.Ranking ranking(String target, String... ranked) {
        return new RankingScores.Ranking(List.of(ranked), target);
    }
}
