package dev.pce.pkm.index;

import dev.pce.pkm.note.Note;
import dev.pce.pkm.note.NoteIds;
import dev.pce.pkm.note.NoteProblem;
import dev.pce.pkm.vault.NoteFile;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one update does to the index, decided before it is committed. Notes to write wait in {@code pending} until
 * the index takes their documents ({@link #written}); only what the index state needs is kept after that, so a
 * full update holds one batch of parsed notes at a time, not the whole vault. A full update may write a note again
 * (under the id it got once every note's claim was known) or drop it ({@link #drop}) before the commit. Not
 * thread-safe.
 */
final class IndexChanges {
    /** A note to (re-)index; {@code replaces} says whether a document for its path exists. */
    record Write(Note note, NoteFile file, boolean replaces) {
    }

    final List<Write> pending = new ArrayList<>();
    /** The files whose documents were written, by path, as the index state will know them once committed. */
    final Map<String, IndexedFile> written = new LinkedHashMap<>();
    /** Paths of documents this update wrote and then dropped again; the index deletes them without counting. */
    final List<String> dropped = new ArrayList<>();
    final List<String> deletes = new ArrayList<>();
    /** Files whose content is as indexed but whose modification time or size is new, by path. */
    final Map<String, NoteFile> touches = new LinkedHashMap<>();
    final List<NoteProblem> problems = new ArrayList<>();
    final List<NoteProblem> warnings = new ArrayList<>();
    /** Paths of {@link #written} that had no document before this update. */
    private final Set<String> added = new HashSet<>();
    int unchanged;

    void write(Note note, NoteFile file, boolean replaces) {
        pending.add(new Write(note, file, replaces));
    }

    /** Writes the note again, replacing the document this update (or an earlier one) wrote for its path. */
    void rewrite(Note note, NoteFile file) {
        touches.remove(note.path());
        pending.add(new Write(note, file, true));
    }

    void touch(NoteFile file) {
        touches.put(file.path(), file);
    }

    /** Undoes what this update planned or wrote for {@code path}: the document it wrote is deleted again. */
    void drop(String path) {
        touches.remove(path);
        pending.removeIf(write -> write.note().path().equals(path));
        if (written.remove(path) != null) {
            dropped.add(path);
        }
        added.remove(path);
    }

    /** The pending notes' documents were handed to the index. */
    void pendingWritten() {
        for (Write write : pending) {
            Note note = write.note();
            written.put(note.path(), new IndexedFile(note.path(), note.id().value(), NoteIds.Claim.of(note),
                    note.contentHash(), write.file().modified(), write.file().size()));
            if (!write.replaces()) {
                added.add(note.path());
            }
        }
        pending.clear();
    }

    UpdateResult result(boolean rebuilt, Duration took) {
        problems.sort(Comparator.comparing(NoteProblem::path));
        warnings.sort(Comparator.comparing(NoteProblem::path));
        return new UpdateResult(added.size(), written.size() - added.size(), deletes.size(), unchanged,
                touches.size(), problems, warnings, rebuilt, took);
    }
}
