package dev.pce.pkm.index;

import dev.pce.pkm.note.NoteProblem;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What an update of the index did.
 *
 * @param added     notes indexed for the first time
 * @param changed   notes re-indexed because their content changed
 * @param deleted   notes removed: their files are gone, became unusable, or lost their id to an earlier file
 * @param unchanged files not read at all: same modification time and size as when indexed
 * @param touched   files read again (new modification time or size) whose content hash had not changed; not
 *                  re-indexed
 * @param problems  files that are not in the index and why (bad YAML, duplicate id, ...), sorted by path
 * @param warnings  fields left out of indexed notes, sorted by path (only for notes read by this update)
 * @param rebuilt   whether the index was started afresh (missing, unreadable, of another format, or asked for)
 * @param took      how long the update took
 */
public record UpdateResult(int added, int changed, int deleted, int unchanged, int touched,
                           List<NoteProblem> problems, List<NoteProblem> warnings, boolean rebuilt,
                           Duration took) {

    public UpdateResult {
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(took, "took");
    }

    /** Notes whose documents were written by this update. */
    public int indexed() {
        return added + changed;
    }
}
