package dev.pce.pkm.index.experiment;

import dev.pce.pkm.index.SearchHit;
import dev.pce.pkm.index.SearchQuery;
import dev.pce.pkm.index.VaultIndex;
import dev.pce.pkm.index.VaultSearcher;
import dev.pce.pkm.vault.Vault;

import java.nio.file.Path;
import java.util.List;

/** PCE's own ranking: the collection's vault in a real {@link VaultIndex}, searched as {@code ce_search} searches. */
public final class PceArm implements SearchArm {

    @Override
    public String name() {
        return "PCE";
    }

    @Override
    public Ranker index(SearchCollection collection, Path workDir) {
        VaultIndex index = VaultIndex.open(workDir.resolve("pce-index"), "eval");
        try {
            index.update(Vault.open(collection.root()));
        } catch (RuntimeException e) {
            index.close();
            throw e;
        }
        VaultSearcher searcher = VaultSearcher.of(index);
        return new Ranker() {
            @Override
            public List<String> top(String text, int limit) {
                return searcher.search(SearchQuery.of(text).page(0, limit)).hits().stream().map(SearchHit::path)
                        .toList();
            }

            @Override
            public void close() {
                index.close();
            }
        };
    }
}
