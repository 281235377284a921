package dev.pce.pkm.index;

import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A read-only view of an index that another process writes (several PCE servers share one workspace, and only one
 * may write an index). Each search first picks up the writer's latest commit if it is older than
 * {@link #REFRESH_NANOS}, so what the writer indexed is searchable here within that time. Until the writer has
 * created the index, searches find nothing.
 */
public final class FollowerIndex implements SearchableIndex {
    /** How stale a search may be: a look at the index's commit costs a directory listing, so not on every call. */
    static final long REFRESH_NANOS = 100_000_000L;

    private final Path directory;
    private final String vaultName;
    private final Directory luceneDirectory;
    private volatile SearcherManager searchers;
    private volatile long refreshedAt;
    private volatile boolean closed;

    private FollowerIndex(Path directory, String vaultName, Directory luceneDirectory) {
        this.directory = directory;
        this.vaultName = vaultName;
        this.luceneDirectory = luceneDirectory;
    }

    /** Follows the index in {@code directory}; it need not exist yet. */
    public static FollowerIndex open(Path directory, String vaultName) {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(vaultName, "vaultName");
        try {
            return new FollowerIndex(directory, vaultName, FSDirectory.open(directory));
        } catch (IOException e) {
            throw ioFailure(directory, e);
        }
    }

    @Override
    public String vaultName() {
        return vaultName;
    }

    public Path directory() {
        return directory;
    }

    @Override
    public IndexLease acquire() {
        if (closed) {
            throw new CeException(ErrorCode.INVALID_ARGUMENT, "The index of the vault '" + vaultName + "' is closed.",
                    "Open the index again.");
        }
        try {
            SearcherManager current = refreshed();
            return current == null ? IndexLease.empty() : IndexLease.of(current);
        } catch (IOException | AlreadyClosedException e) {
            throw ioFailure(directory, e);
        }
    }

    /** Picks up the writer's latest commit now, whatever the time since the last look. */
    public void refresh() {
        refreshedAt = 0;
        try (IndexLease ignored = acquire()) {
            // acquiring refreshed it
        }
    }

    private synchronized SearcherManager refreshed() throws IOException {
        long now = System.nanoTime();
        if (searchers == null) {
            if (!DirectoryReader.indexExists(luceneDirectory)) {
                return null;
            }
            searchers = new SearcherManager(luceneDirectory, null);
            refreshedAt = now;
        } else if (now - refreshedAt >= REFRESH_NANOS) {
            searchers.maybeRefreshBlocking();
            refreshedAt = now;
        }
        return searchers;
    }

    @Override
    public synchronized void close() {
        closed = true;
        try {
            if (searchers != null) {
                searchers.close();
            }
            luceneDirectory.close();
        } catch (IOException e) {
            throw ioFailure(directory, e);
        }
    }

    private static CeException ioFailure(Path directory, Exception e) {
        return new CeException(ErrorCode.IO, "Cannot read the vault index at " + directory + ": " + e.getMessage(),
                "Check that the directory is readable; the index is a cache, so deleting the directory is safe.", e);
    }
}
