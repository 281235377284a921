package dev.pce.engine.knowledge;

import java.util.Objects;

/** A note found like a text, with its relevance score (higher is more alike). */
public record RelatedNote(NoteRef note, float score) {
    public RelatedNote {
        Objects.requireNonNull(note, "note");
    }
}
