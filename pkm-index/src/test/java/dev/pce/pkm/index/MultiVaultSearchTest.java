package dev.pce.pkm.index;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.pce.engine.CeException;
import dev.pce.pkm.index.VaultSearcher.ListPosition;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    @Test
    void listingPagesThroughEveryNoteByVaultThenIdAndSkipsReplacedVersions() {
        TestVault own = new TestVault(tmp.resolve("own"));
        own.note("c.md", "Third", null, null, List.of(), null, "c");
        own.note("a.md", "First", null, null, List.of(), null, "a");
        own.note("b.md", "Second", null, null, List.of(), null, "b");
        TestVault other = new TestVault(tmp.resolve("other"));
        other.note("y.md", "Why", null, null, List.of(), null, "y");
        other.note("x.md", "Ex", null, null, List.of(), null, "x");
        try (VaultIndex ownIndex = VaultIndex.open(tmp.resolve("index/own"), "pce");
             VaultIndex otherIndex = VaultIndex.open(tmp.resolve("index/billing"), "billing")) {
            ownIndex.update(own.vault());
            otherIndex.update(other.vault());
            own.note("b.md", "Second, edited", null, null, List.of(), null, "b again");
            ownIndex.update(own.vault()); // the old version of b is deleted, its id term stays until a merge
            VaultSearcher both = new VaultSearcher(List.of(ownIndex, otherIndex));

            List<String> listed = new ArrayList<>();
            Optional<ListPosition> after = Optional.empty();
            List<Integer> pageSizes = new ArrayList<>();
            while (true) {
                List<SearchHit> page = both.list(after, 2);
                if (page.isEmpty()) {
                    break;
                }
                pageSizes.add(page.size());
                page.forEach(hit -> listed.add(hit.vault() + ":" + hit.id() + ":" + hit.title()));
                SearchHit last = page.getLast();
                after = Optional.of(new ListPosition(last.vault(), last.id()));
            }
            assertThat(listed).containsExactly("pce:a:First", "pce:b:Second, edited", "pce:c:Third",
                    "billing:x:Ex", "billing:y:Why");
            assertThat(pageSizes).containsExactly(2, 2, 1);
            assertThat(both.list(Optional.of(new ListPosition("pce", "aa")), 1))
                    .extracting(SearchHit::id).as("a position between ids").containsExactly("b");
            assertThatThrownBy(() -> both.list(Optional.of(new ListPosition("gone", "a")), 2))
                    .isInstanceOf(CeException.class).hasMessageContaining("no vault named 'gone'");
        }
    }
}
