package dev.pce.pkm.note;

import java.util.Objects;
import java.util.Optional;

/**
 * A link to a note in a note's body: a wikilink {@code [[target#heading|alias]]} ({@code ![[target]]} for an
 * embed), or a markdown link {@code [alias](target.md#heading)} ({@code ![alias](target)} for an embed) whose
 * target is the destination with its percent escapes decoded.
 *
 * @param target   the linked note as written (a note id, a file name, or a path without {@code .md}); empty for a
 *                 link to a heading of the same note ({@code [[#Heading]]})
 * @param heading  the part after the first {@code #}: a heading, or a block reference starting with {@code ^}
 * @param alias    the text shown instead of the target (after the first {@code |}; {@code \|} counts as {@code |},
 *                 as Obsidian writes it inside tables)
 * @param embed    whether it is an embed {@code ![[...]]}
 * @param position where the link starts (the {@code !} of an embed, else the first {@code [})
 */
public record WikiLink(String target, Optional<String> heading, Optional<String> alias, boolean embed,
                       TextPosition position) {

    public WikiLink {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(heading, "heading");
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(position, "position");
    }

    /** Whether the link points into the note that contains it ({@code [[#Heading]]}). */
    public boolean isSelfLink() {
        return target.isEmpty();
    }
}
