package dev.pce.pkm.knowledge;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Objects;
import java.util.Optional;

/**
 * A change to a note of the project's own vault, as {@link VaultKnowledgeStore#change} makes it. Each names the
 * note by id or vault-relative path and carries the version it was asked on (the note's content hash, as
 * {@code ce_note} shows it), so a note changed since it was read is never overwritten.
 */
public sealed interface NoteChange {

    /** The note, by id or vault-relative path. */
    String note();

    /**
     * New text for the note: a new body, or text appended to it, and front matter fields to set ({@code null}
     * removes a field). The front matter is kept as written unless fields change.
     */
    record Edit(String note, String version, Optional<String> body, Optional<String> append,
                Optional<ObjectNode> frontMatter) implements NoteChange {
        public Edit {
            Objects.requireNonNull(note, "note");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(append, "append");
            Objects.requireNonNull(frontMatter, "frontMatter");
        }
    }

    /** The note to a new vault-relative path; the links to it in the vault's other notes follow. */
    record Move(String note, Optional<String> version, String to) implements NoteChange {
        public Move {
            Objects.requireNonNull(note, "note");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(to, "to");
        }
    }

    /** The note removed; refused while other notes link to it, unless {@code evenIfLinked}. */
    record Delete(String note, String version, boolean evenIfLinked) implements NoteChange {
        public Delete {
            Objects.requireNonNull(note, "note");
            Objects.requireNonNull(version, "version");
        }
    }
}
