package dev.pce.pkm.note;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * A note to be written: where, its front matter and its body. The vault renders it with {@link NoteRenderer},
 * checks that it parses, and creates the file.
 *
 * @param path the file's path relative to the vault root, {@code /}-separated, ending in {@code .md}
 */
public record NoteDraft(String path, FrontMatter frontMatter, String body) {

    public NoteDraft {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(frontMatter, "frontMatter");
        Objects.requireNonNull(body, "body");
    }

    /**
     * A new note with a canonical id made from {@code time} and the front matter's title (or {@code note}), in
     * {@code folder} ({@code ""} for the vault root). The id is also written into the front matter.
     */
    public static NoteDraft create(LocalDateTime time, String folder, FrontMatter frontMatter, String body) {
        NoteId id = NoteId.create(time, frontMatter.title().orElse(Slugs.FALLBACK));
        return at(id, folder, frontMatter.toBuilder().id(id).build(), body);
    }

    /** A note named {@code id.md} in {@code folder} ({@code ""} for the vault root). */
    public static NoteDraft at(NoteId id, String folder, FrontMatter frontMatter, String body) {
        String dir = folder.isEmpty() || folder.endsWith("/") ? folder : folder + "/";
        return new NoteDraft(dir + id.value() + ".md", frontMatter, body);
    }

    /** The draft that writes {@code note} again (front matter and body as parsed). */
    public static NoteDraft of(Note note) {
        return new NoteDraft(note.path(), note.frontMatter(), note.body());
    }

    /** The markdown file's text. */
    public String render() {
        return NoteRenderer.render(frontMatter, body);
    }
}
