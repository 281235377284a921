package dev.pce.pkm.index.semantic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reciprocal rank fusion (Cormack, Clarke and Büttcher, 2009): an item's fused score is the sum, over the rankings
 * that hold it, of {@code 1 / (k + rank)} with ranks from 1. It needs no comparable scores, which BM25 and cosine
 * similarity are not, and a larger {@code k} flattens the advantage of the very first ranks.
 */
public final class RankFusion {
    /** The original paper's constant; 1 to 200 gave the same MRR@10 on the development questions (docs/pkm.md). */
    public static final int DEFAULT_K = 60;

    /** An item and its fused score. */
    public record Fused<T>(T item, double score) {
    }

    private RankFusion() {
    }

    /**
     * The items of every ranking, best fused score first; equal scores keep the order in which the items first
     * appear (the first ranking's first), so the result is deterministic.
     */
    @SafeVarargs
    public static <T> List<Fused<T>> reciprocal(int k, List<T>... rankings) {
        if (k < 0) {
            throw new IllegalArgumentException("k must not be negative: " + k);
        }
        Map<T, Double> scores = new LinkedHashMap<>();
        for (List<T> ranking : rankings) {
            for (int rank = 1; rank <= ranking.size(); rank++) {
                scores.merge(ranking.get(rank - 1), 1.0 / (k + rank), Double::sum);
            }
        }
        List<Fused<T>> fused = new ArrayList<>(scores.size());
        scores.forEach((item, score) -> fused.add(new Fused<>(item, score)));
        fused.sort(Comparator.comparingDouble((Fused<T> f) -> f.score()).reversed()); // stable: ties keep order
        return fused;
    }
}
