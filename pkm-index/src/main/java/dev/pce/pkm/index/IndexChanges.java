package dev.pce.pkm.index;

import dev.pce.pkm.note.Note;
import dev.pce.pkm.note.NoteProblem;
import dev.pce.pkm.vault.NoteFile;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What one update does to the index, decided before it is committed. Notes to write wait in {@code pending} until
 * the index takes their documents ({@link #written}); only what the index state needs is kept after that, so a
 * full update holds one batch of parsed notes at a time, not the whole vault. Not thread-safe.
 */
final class IndexChanges {
    /** A note to (re-)index; {@code replaces} says whether a document for its path exists. */
    record Write(Note note, NoteFile file, boolean replaces) {
    }

    final List<Write> pending = new ArrayList<>();
    /** The files whose documents were written, as the index state will know them once committed. */
    final List<IndexedFile> written = new ArrayList<>();
    final List<String> deletes = new ArrayList<>();
    final List<NoteFile> touches = new ArrayList<>();
    final List<NoteProblem> problems = new ArrayList<>();
    final List<NoteProblem> warnings = new ArrayList<>();
    int added;
    int unchanged;

    void write(Note note, NoteFile file, boolean replaces) {
        pending.add(new Write(note, file, replaces));
    }

    /** The pending notes' documents were handed to the index. */
    void pendingWritten() {
        for (Write write : pending) {
            Note note = write.note();
            written.add(new IndexedFile(note.path(), note.id().value(), note.contentHash(), write.file().modified(),
                    write.file().size()));
            if (!write.replaces()) {
                added++;
            }
        }
        pending.clear();
    }

    UpdateResult result(boolean rebuilt, Duration took) {
        problems.sort(Comparator.comparing(NoteProblem::path));
        warnings.sort(Comparator.comparing(NoteProblem::path));
        return new UpdateResult(added, written.size() - added, deletes.size(), unchanged, touches.size(), problems,
                warnings, rebuilt, took);
    }
}
