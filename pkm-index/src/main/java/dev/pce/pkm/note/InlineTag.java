package dev.pce.pkm.note;

import java.util.Objects;

/**
 * A {@code #tag} written in a note's body.
 *
 * @param name     the tag without its {@code #}, as written (Obsidian compares tags ignoring case; see
 *                 {@link Tags#key(String)})
 * @param position where the {@code #} is
 */
public record InlineTag(String name, TextPosition position) {

    public InlineTag {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(position, "position");
        if (!Tags.isValid(name)) {
            throw new IllegalArgumentException("not a tag: " + name);
        }
    }
}
