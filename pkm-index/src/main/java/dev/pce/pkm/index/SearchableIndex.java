package dev.pce.pkm.index;

/**
 * An index a {@link VaultSearcher} can search: the one this process writes ({@link VaultIndex}), one another process
 * writes ({@link FollowerIndex}), or whichever of the two this process holds now ({@link SharedIndex}).
 */
public interface SearchableIndex extends AutoCloseable {

    /** The vault's name, stored with every note of the index. */
    String vaultName();

    /** A searcher on the index as it is now; close it when done. */
    IndexLease acquire();

    /** The number of notes in the index as of its last update. */
    default int size() {
        try (IndexLease lease = acquire()) {
            return lease.searcher().getIndexReader().numDocs();
        }
    }

    @Override
    void close();
}
