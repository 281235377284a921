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

    @Test
    void byFolderScoresEachTopFolderOfTheRightNotesApart() {
        List<KnownItemQuery> queries = List.of(
                new KnownItemQuery("first", "en/a.md"),
                new KnownItemQuery("second", "fr/deep/b.md"),
                new KnownItemQuery("third", "fr/c.md"),
                new KnownItemQuery("root", "d.md"));
        SearchCollection collection = new SearchCollection("multi", SetRole.TEST, Path.of("vault"), List.of(),
                queries);
        List<RankingScores.Ranking> ours = List.of(ranking("en/a.md", "en/a.md"),
                ranking("fr/deep/b.md", "x", "fr/deep/b.md"), ranking("fr/c.md", "x"), ranking("d.md", "d.md"));
        List<RankingScores.Ranking> theirs = List.of(ranking("en/a.md", "x", "y", "z", "en/a.md"),
                ranking("fr/deep/b.md", "fr/deep/b.md"), ranking("fr/c.md", "fr/c.md"), ranking("d.md", "x"));
        SearchExperiment.CollectionResult result = new SearchExperiment.CollectionResult(collection, List.of(
                new SearchExperiment.ArmScores("PCE", RankingScores.of(ours), ours),
                new SearchExperiment.ArmScores("FTS5", RankingScores.of(theirs), theirs)));

        assertThat(SearchExperiment.byFolder(List.of(result))).containsExactly(
                "| collection | folder | queries | PCE MRR@10 | FTS5 MRR@10 |",
                "|---|---|---:|---:|---:|",
                "| multi | / | 1 | 1.000 | 0.000 |",
                "| multi | en | 1 | 1.000 | 0.250 |",
                "| multi | fr | 2 | 0.250 | 1.000 |");
    }

    private static RankingScores.Ranking ranking(String target, String... ranked) {
        return new RankingScores.Ranking(List.of(ranked), target);
    }
}
