package dev.pce.pkm.index;

import java.util.List;
import java.util.Optional;

/**
 * A page of hits.
 *
 * @param totalHits      how many notes match (exact when {@code totalExact}, else a lower bound)
 * @param totalExact     whether {@code totalHits} is exact; counting stops at {@value VaultSearcher#COUNT_LIMIT}
 * @param hits           the requested page, best first
 * @param interpretation the query as Lucene ran it, for the curious and for debugging ranking
 * @param notice         said when the text was not used as written (did not parse, or had no searchable words)
 */
public record SearchResult(long totalHits, boolean totalExact, List<SearchHit> hits, String interpretation,
                           Optional<String> notice) {

    public SearchResult {
        hits = List.copyOf(hits);
    }
}
