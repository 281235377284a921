package dev.pce.engine.knowledge;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Objects;

/**
 * A note just written.
 *
 * @param indexed     whether a search finds it yet (false when another process writes the index and has not caught
 *                    up in time)
 * @param frontMatter its front matter as written, with the id, date and project the store gave it; read-only
 */
public record CapturedNote(NoteRef note, boolean indexed, ObjectNode frontMatter) {
    public CapturedNote {
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(frontMatter, "frontMatter");
    }
}
