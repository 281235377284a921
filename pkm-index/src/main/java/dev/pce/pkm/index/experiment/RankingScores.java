package dev.pce.pkm.index.experiment;

import java.util.List;

/**
 * How well an arm ranked a collection's known items: the mean reciprocal rank of the right note within the first
 * {@value #K} hits (0 when it is not among them) and the share of queries whose note is among the first {@value #K}.
 */
public record RankingScores(int queries, double mrr, double recall) {
    public static final int K = 10;

    /** One query's ranking: the notes in rank order and the right one. */
    public record Ranking(List<String> ranked, String target) {
        public Ranking {
            ranked = List.copyOf(ranked);
        }

        /** The right note's 1-based rank within the first {@value #K}, or 0. */
        public int rank() {
            int index = ranked.subList(0, Math.min(K, ranked.size())).indexOf(target);
            return index + 1;
        }
    }

    public static RankingScores of(List<Ranking> rankings) {
        if (rankings.isEmpty()) {
            return new RankingScores(0, 0, 0);
        }
        double reciprocal = 0;
        int found = 0;
        for (Ranking ranking : rankings) {
            int rank = ranking.rank();
            if (rank > 0) {
                reciprocal += 1.0 / rank;
                found++;
            }
        }
        return new RankingScores(rankings.size(), reciprocal / rankings.size(), (double) found / rankings.size());
    }
}
