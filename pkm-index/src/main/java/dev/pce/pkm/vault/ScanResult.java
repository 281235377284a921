package dev.pce.pkm.vault;

import dev.pce.pkm.note.Note;
import dev.pce.pkm.note.NoteProblem;

import java.util.List;

/**
 * What a scan of the vault found.
 *
 * @param notes    the notes that parsed, sorted by path, ids unique
 * @param problems the files that were skipped (bad YAML, binary, oversize, outside the vault, unreadable,
 *                 duplicate ids), sorted by path
 * @param warnings fields left out of notes that were kept, sorted by path
 */
public record ScanResult(List<Note> notes, List<NoteProblem> problems, List<NoteProblem> warnings) {

    public ScanResult {
        notes = List.copyOf(notes);
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
    }
}
