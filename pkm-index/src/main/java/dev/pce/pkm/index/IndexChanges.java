package dev.pce.pkm.index;

import dev.pce.pkm.note.Note;
import dev.pce.pkm.note.NoteProblem;
import dev.pce.pkm.vault.NoteFile;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** What one update will do to the index, decided before anything is written. Not thread-safe. */
final class IndexChanges {
    /** A note to (re-)index; {@code replaces} says whether a document for its path exists. */
    record Write(Note note, NoteFile file, boolean replaces) {
    }

    final List<Write> writes = new ArrayList<>();
    final List<String> deletes = new ArrayList<>();
    final List<NoteFile> touches = new ArrayList<>();
    final List<NoteProblem> problems = new ArrayList<>();
    final List<NoteProblem> warnings = new ArrayList<>();
    int unchanged;

    void write(Note note, NoteFile file, boolean replaces) {
        writes.add(new Write(note, file, replaces));
    }

    boolean isEmpty() {
        return writes.isEmpty() && deletes.isEmpty() && touches.isEmpty();
    }

    UpdateResult result(boolean rebuilt, Duration took) {
        int added = (int) writes.stream().filter(w -> !w.replaces()).count();
        problems.sort(Comparator.comparing(NoteProblem::path));
        warnings.sort(Comparator.comparing(NoteProblem::path));
        return new UpdateResult(added, writes.size() - added, deletes.size(), unchanged, touches.size(), problems,
                warnings, rebuilt, took);
    }
}
