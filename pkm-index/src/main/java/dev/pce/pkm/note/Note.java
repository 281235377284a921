package dev.pce.pkm.note;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One parsed markdown note of a vault.
 *
 * @param id          see {@link NoteParser} for the rules
 * @param path        the file's path relative to the vault root, with {@code /} separators ({@code insights/x.md})
 * @param title       front matter {@code title}, else the first level-1 heading, else the id's slug
 * @param frontMatter the front matter; {@link FrontMatter#EMPTY} when the note has none
 * @param body        the markdown after the front matter, without byte order mark, lines ending in {@code \n}
 * @param links       the wikilinks, markdown links to notes and embeds of the body outside code and comments, in
 *                    order
 * @param inlineTags  the {@code #tags} of the body outside code and comments, in order, repeats included
 * @param contentHash SHA-256 of the file's bytes, lower-case hex
 * @param size        the file's size in bytes
 */
public record Note(
        NoteId id,
        String path,
        String title,
        FrontMatter frontMatter,
        String body,
        List<WikiLink> links,
        List<InlineTag> inlineTags,
        String contentHash,
        long size) {

    public Note {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(frontMatter, "frontMatter");
        Objects.requireNonNull(body, "body");
        links = List.copyOf(links);
        inlineTags = List.copyOf(inlineTags);
        Objects.requireNonNull(contentHash, "contentHash");
        if (size < 0) {
            throw new IllegalArgumentException("size < 0");
        }
    }

    /** This note under another id: the one {@link NoteIds} gave it when another note has its file name. */
    public Note withId(NoteId newId) {
        return new Note(newId, path, title, frontMatter, body, links, inlineTags, contentHash, size);
    }

    /**
     * What kind of note this is: the front matter's {@code type}, else the compound-engineering plugin's
     * {@code problem_type} ({@link CompoundEngineeringKeys}).
     */
    public Optional<String> type() {
        return frontMatter.type().or(() -> CompoundEngineeringKeys.type(frontMatter));
    }

    /** When the note was written: the front matter's {@code date}, else the plugin's {@code created}. */
    public Optional<NoteDate> date() {
        return frontMatter.date().or(() -> CompoundEngineeringKeys.date(frontMatter));
    }

    /**
     * Every tag of the note: the front matter's first, then the plugin's {@code category}, then the body's, each
     * once (ignoring case).
     */
    public List<String> tags() {
        List<String> all = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<String> named = new ArrayList<>(frontMatter.tags());
        CompoundEngineeringKeys.categoryTag(frontMatter).ifPresent(named::add);
        inlineTags.forEach(tag -> named.add(tag.name()));
        for (String tag : named) {
            if (seen.add(Tags.key(tag))) {
                all.add(tag);
            }
        }
        return List.copyOf(all);
    }

    /**
     * Every link target of the note: the front matter's {@code links} first, then the notes the plugin's
     * {@code related} keys name, then the body's, each once.
     */
    public List<String> linkTargets() {
        Set<String> seen = new LinkedHashSet<>(frontMatter.links());
        seen.addAll(CompoundEngineeringKeys.relatedNotes(frontMatter));
        for (WikiLink link : links) {
            if (!link.isSelfLink()) {
                seen.add(link.target());
            }
        }
        return List.copyOf(seen);
    }
}
