package dev.pce.pkm.index;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The indexed notes that have no embedding yet: written before the semantic model was ready, in a batch too large
 * to embed on the spot, or by an index of an older version. The index embeds them a few at a time afterwards, so
 * that lexical search never waits for embeddings. Not thread-safe: the index changes it under its update lock.
 */
final class VectorBacklog {
    private final Set<String> paths = new TreeSet<>();

    /** The live documents of {@code reader} without a vector. */
    static VectorBacklog read(DirectoryReader reader) throws IOException {
        VectorBacklog backlog = new VectorBacklog();
        for (LeafReaderContext context : reader.leaves()) {
            LeafReader leaf = context.reader();
            FixedBitSet embedded = new FixedBitSet(Math.max(1, leaf.maxDoc()));
            FloatVectorValues vectors = leaf.getFloatVectorValues(IndexFields.VECTOR);
            if (vectors != null) {
                KnnVectorValues.DocIndexIterator docs = vectors.iterator();
                for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                    embedded.set(doc);
                }
            }
            Bits live = leaf.getLiveDocs();
            var stored = leaf.storedFields();
            for (int doc = 0; doc < leaf.maxDoc(); doc++) {
                if ((live == null || live.get(doc)) && !embedded.get(doc)) {
                    backlog.paths.add(stored.document(doc, Set.of(IndexFields.PATH)).get(IndexFields.PATH));
                }
            }
        }
        return backlog;
    }

    void add(String path) {
        paths.add(path);
    }

    void remove(String path) {
        paths.remove(path);
    }

    void removeAll(Collection<String> removed) {
        paths.removeAll(removed);
    }

    void clear() {
        paths.clear();
    }

    int size() {
        return paths.size();
    }

    /** Up to {@code max} paths, in path order. */
    List<String> next(int max) {
        List<String> next = new ArrayList<>(Math.min(max, paths.size()));
        for (String path : paths) {
            if (next.size() == max) {
                break;
            }
            next.add(path);
        }
        return next;
    }
}
