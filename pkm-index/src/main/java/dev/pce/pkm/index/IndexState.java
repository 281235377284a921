package dev.pce.pkm.index;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.util.Bits;

import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The indexed files by path and by id, kept in memory beside the index so an update compares file listings without
 * searching. Also remembers the ids that several files share, because removing or renaming one of them may let
 * another file's note in. Not thread-safe: the index changes it under its update lock.
 */
final class IndexState {
    private static final Set<String> STORED = Set.of(IndexFields.PATH, IndexFields.ID, IndexFields.CLAIM,
            IndexFields.HASH);

    private final Map<String, IndexedFile> byPath = new HashMap<>();
    private final Map<String, String> pathById = new HashMap<>();
    private final Set<String> sharedIds = new HashSet<>();

    /** Reads the state of every live document of {@code reader}. */
    static IndexState read(DirectoryReader reader) throws IOException {
        IndexState state = new IndexState();
        for (LeafReaderContext context : reader.leaves()) {
            LeafReader leaf = context.reader();
            Bits live = leaf.getLiveDocs();
            StoredFields stored = leaf.storedFields();
            NumericDocValues modified = DocValues.getNumeric(leaf, IndexFields.MODIFIED);
            NumericDocValues size = DocValues.getNumeric(leaf, IndexFields.SIZE);
            for (int doc = 0; doc < leaf.maxDoc(); doc++) {
                if (live != null && !live.get(doc)) {
                    continue;
                }
                var fields = stored.document(doc, STORED);
                String path = fields.get(IndexFields.PATH);
                state.put(new IndexedFile(path, fields.get(IndexFields.ID),
                        IndexedFile.decode(path, fields.get(IndexFields.CLAIM)), fields.get(IndexFields.HASH), modified.advanceExact(doc) ? modified.longValue() : -1,
                        size.advanceExact(doc) ? size.longValue() : -1));
            }
        }
        return state;
    }

    Optional<IndexedFile> get(String path) {
        return Optional.ofNullable(byPath.get(path));
    }

    Optional<String> pathOf(String id) {
        return Optional.ofNullable(pathById.get(id));
    }

    Collection<IndexedFile> files() {
        return byPath.values();
    }

    int size() {
        return byPath.size();
    }

    void put(IndexedFile file) {
        remove(file.path());
        byPath.put(file.path(), file);
        pathById.put(file.id(), file.path());
    }

    void remove(String path) {
        IndexedFile old = byPath.remove(path);
        if (old != null && path.equals(pathById.get(old.id()))) {
            pathById.remove(old.id());
        }
    }

    void clear() {
        byPath.clear();
        pathById.clear();
        sharedIds.clear();
    }

    /** Whether several files claimed {@code id} ({@link dev.pce.pkm.note.NoteIds}) at the last full update. */
    boolean isShared(String id) {
        return sharedIds.contains(id);
    }

    void sharedIds(Set<String> ids) {
        sharedIds.clear();
        sharedIds.addAll(ids);
    }
}
