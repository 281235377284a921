package dev.pce.engine.knowledge;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Objects;

/**
 * A note as read from a vault.
 *
 * @param frontMatter the front matter as written: the typed fields first (id, title, date, type, status, project,
 *                    tags, links), then every other key; treat it as read-only
 * @param tags        the front matter's tags and the body's inline tags
 */
public record KnowledgeNote(NoteRef note, ObjectNode frontMatter, String body, List<String> tags) {
    public KnowledgeNote {
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(frontMatter, "frontMatter");
        Objects.requireNonNull(body, "body");
        tags = List.copyOf(tags);
    }
}
