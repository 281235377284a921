package dev.pce.pkm.index;

import dev.pce.pkm.note.ParseResult;
import dev.pce.pkm.vault.NoteFile;
import dev.pce.pkm.vault.Vault;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads and parses batches of note files one batch ahead of their use, on a thread of its own: while the index
 * writer analyses one batch (and now and then flushes a segment on one thread), the next is read, so a bulk build
 * keeps every core busy instead of waiting for each batch's slowest file, then for each flush.
 */
final class ReadAhead implements AutoCloseable {
    private final Vault vault;
    private final List<List<NoteFile>> batches;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(task -> {
        Thread t = new Thread(task, "pce-index-read-ahead");
        t.setDaemon(true);
        return t;
    });
    private int nextBatch;
    private Future<Map<String, ParseResult>> ahead;

    /** Reads {@code batches} in this order, one {@link #next} call each; the first starts now. */
    ReadAhead(Vault vault, List<List<NoteFile>> batches) {
        this.vault = vault;
        this.batches = List.copyOf(batches);
        ahead = batches.isEmpty() ? null : thread.submit(() -> read(this.batches.getFirst()));
    }

    /** The next batch's results by path, waiting for them if need be; starts reading the batch after it. */
    Map<String, ParseResult> next() {
        if (ahead == null) {
            throw new NoSuchElementException("every batch was read");
        }
        Map<String, ParseResult> results = join(ahead);
        nextBatch++;
        List<NoteFile> following = nextBatch < batches.size() ? batches.get(nextBatch) : null;
        ahead = following == null ? null : thread.submit(() -> read(following));
        return results;
    }

    private Map<String, ParseResult> read(List<NoteFile> files) {
        Map<String, ParseResult> read = new HashMap<>();
        // reading and parsing is much of the work on a cold index: the cores the writer leaves idle help
        files.parallelStream().map(vault::read).toList().forEach(r -> read.put(r.path(), r));
        return read;
    }

    private static Map<String, ParseResult> join(Future<Map<String, ParseResult>> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompletionException(e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new CompletionException(e.getCause());
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
