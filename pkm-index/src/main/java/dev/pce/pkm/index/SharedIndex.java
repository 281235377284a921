package dev.pce.pkm.index;

import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.pkm.index.semantic.Embeddings;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A vault's index in a workspace that several server processes share. The first process to open it writes it (it
 * holds Lucene's write lock); the others follow it read-only and see its commits within a fraction of a second.
 * When the writer goes away, a follower that calls {@link #tryToWrite()} takes its place, so the index never stays
 * unmaintained for long.
 */
public final class SharedIndex implements SearchableIndex {
    private final Path directory;
    private final String vaultName;
    private final Embeddings embeddings;
    private volatile SearchableIndex current;

    private SharedIndex(Path directory, String vaultName, Embeddings embeddings, SearchableIndex current) {
        this.directory = directory;
        this.vaultName = vaultName;
        this.embeddings = embeddings;
        this.current = current;
    }

    /** Opens the index in {@code directory}: as its writer if no other process writes it, else as a follower. */
    public static SharedIndex open(Path directory, String vaultName) {
        return open(directory, vaultName, Embeddings.off());
    }

    /** Opens the index as {@link #open(Path, String)} does; while this process writes it, it embeds the notes. */
    public static SharedIndex open(Path directory, String vaultName, Embeddings embeddings) {
        Objects.requireNonNull(directory, "directory");
        return new SharedIndex(directory, vaultName, embeddings, writerOrFollower(directory, vaultName, embeddings));
    }

    private static SearchableIndex writerOrFollower(Path directory, String vaultName, Embeddings embeddings) {
        try {
            return VaultIndex.open(directory, vaultName, embeddings);
        } catch (CeException e) {
            if (e.code() != ErrorCode.CONFLICT) {
                throw e;
            }
            return FollowerIndex.open(directory, vaultName);
        }
    }

    @Override
    public String vaultName() {
        return vaultName;
    }

    public Path directory() {
        return directory;
    }

    /** The index this process writes, or empty while another process writes it. */
    public Optional<VaultIndex> writer() {
        return current instanceof VaultIndex writer ? Optional.of(writer) : Optional.empty();
    }

    /**
     * Becomes the index's writer if no other process is: returns the writer, new or old, or empty when another
     * process still writes the index.
     */
    public synchronized Optional<VaultIndex> tryToWrite() {
        if (current instanceof VaultIndex writer) {
            return Optional.of(writer);
        }
        try {
            VaultIndex writer = VaultIndex.open(directory, vaultName, embeddings);
            SearchableIndex follower = current;
            current = writer;
            follower.close();
            return Optional.of(writer);
        } catch (CeException e) {
            if (e.code() != ErrorCode.CONFLICT) {
                throw e;
            }
            return Optional.empty();
        }
    }

    /** For a follower, picks up the writer's latest commit now; for the writer, nothing to do. */
    public void refresh() {
        if (current instanceof FollowerIndex follower) {
            follower.refresh();
        }
    }

    @Override
    public IndexLease acquire() {
        while (true) {
            SearchableIndex index = current;
            try {
                return index.acquire();
            } catch (CeException e) {
                if (index == current) {
                    throw e;
                }
                // the follower was closed because this process took over writing: use the writer
            }
        }
    }

    @Override
    public synchronized void close() {
        current.close();
    }
}
