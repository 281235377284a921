package dev.pce.pkm.index;

import org.apache.lucene.index.MultiReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;

import java.io.IOException;
import java.io.UncheckedIOException;

/** A searcher on an index as of some moment, held until closed (Lucene keeps its files until then). */
public final class IndexLease implements AutoCloseable {
    private static final IndexSearcher EMPTY = emptySearcher();

    private final IndexSearcher searcher;
    private final SearcherManager manager;

    private IndexLease(IndexSearcher searcher, SearcherManager manager) {
        this.searcher = searcher;
        this.manager = manager;
    }

    static IndexLease of(SearcherManager manager) throws IOException {
        return new IndexLease(manager.acquire(), manager);
    }

    /** A lease on an index with no notes (one that another process has not created yet). */
    static IndexLease empty() {
        return new IndexLease(EMPTY, null);
    }

    private static IndexSearcher emptySearcher() {
        try {
            return new IndexSearcher(new MultiReader());
        } catch (IOException e) { // an empty reader reads no files
            throw new UncheckedIOException(e);
        }
    }

    public IndexSearcher searcher() {
        return searcher;
    }

    @Override
    public void close() {
        if (manager == null) {
            return;
        }
        try {
            manager.release(searcher);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
