package dev.pce.pkm.index;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** One searcher over a project's vault and another project's: shared ranking, each hit naming its vault. */
class MultiVaultSearchTest {
    @TempDir
    Path tmp;

    @Test
    void oneSearchSpansSeveralVaultIndexes() {
        TestVault own = new TestVault(tmp.resolve("own"));
        own.note("a.md", "Rate limiting with tokens", "pattern", "pce", List.of(), null, "Token bucket per client.");
        TestVault other = new TestVault(tmp.resolve("other"));
        other.note("a.md", "Token bucket pitfalls", "failure", "billing", List.of(), null, "Refill drift.");
        other.note("b.md", "Unrelated", null, null, List.of(), null, "Nothing here.");
        try (VaultIndex ownIndex = VaultIndex.open(tmp.resolve("index/own"), "pce");
             VaultIndex otherIndex = VaultIndex.open(tmp.resolve("index/billing"), "billing")) {
            ownIndex.update(own.vault());
            otherIndex.update(other.vault());
            VaultSearcher both = new VaultSearcher(List.of(ownIndex, otherIndex));

            SearchResult result = both.search(SearchQuery.of("token bucket"));
            assertThat(result.hits()).extracting(SearchHit::vault, SearchHit::path).containsExactlyInAnyOrder(
                    org.assertj.core.groups.Tuple.tuple("pce", "a.md"),
                    org.assertj.core.groups.Tuple.tuple("billing", "a.md"));
            assertThat(both.search(SearchQuery.of("token").filtered(SearchFilters.NONE.withVaults("billing")))
                    .hits()).extracting(SearchHit::vault).containsExactly("billing");
            assertThat(both.moreLikeNote("pce", "a", SearchFilters.NONE, 5).hits())
                    .extracting(SearchHit::vault, SearchHit::path)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("billing", "a.md"));
        }
    }
}
