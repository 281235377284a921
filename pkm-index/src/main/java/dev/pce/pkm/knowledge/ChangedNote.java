package dev.pce.pkm.knowledge;

import dev.pce.engine.knowledge.NoteRef;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link NoteChange} did.
 *
 * @param note         the note after the change (for a deletion, the note that was)
 * @param version      its new version (content hash); empty once deleted
 * @param indexed      whether searches see the change already (false while another process writes the index)
 * @param rewritten    the notes whose links to a moved note were rewritten, by path
 * @param notRewritten the notes linking to a moved note that changed while their links were rewritten, left as
 *                     they were, by path: their links need a look
 * @param linkedFrom   for a deletion, the notes that still link to the note, by id (their links now lead nowhere)
 */
public record ChangedNote(NoteRef note, Optional<String> version, boolean indexed, List<String> rewritten,
                          List<String> notRewritten, List<String> linkedFrom) {
    public ChangedNote {
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(version, "version");
        rewritten = List.copyOf(rewritten);
        notRewritten = List.copyOf(notRewritten);
        linkedFrom = List.copyOf(linkedFrom);
    }
}
