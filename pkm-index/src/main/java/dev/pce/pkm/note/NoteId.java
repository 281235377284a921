package dev.pce.pkm.note;

import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A note's id. New notes get canonical ids, a minute timestamp and a slug of the title:
 * {@code 202408241604-rate-limits-need-jitter}. Notes the user wrote in Obsidian keep whatever their file name or
 * front matter {@code id} says: a <em>name</em>, any text of 1 to {@value #MAX_LENGTH} characters without {@code /},
 * {@code \}, control characters, surrounding spaces or a leading {@code .}. A note whose file name another note
 * of the vault already has gets its vault-relative path without {@code .md} as id ({@code b/Dup}, see
 * {@link NoteIds}): names joined by {@code /}.
 */
public record NoteId(String value) implements Comparable<NoteId> {
    public static final int MAX_LENGTH = 200;
    private static final Pattern CANONICAL = Pattern.compile("(\\d{12})(?:-(.+))?");
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("uuuuMMddHHmm").withResolverStyle(ResolverStyle.STRICT);

    public NoteId {
        Objects.requireNonNull(value, "value");
        if (!isValid(value)) {
            throw new CeException(ErrorCode.INVALID_ARGUMENT, "'" + clip(value) + "' is not a note id.",
                    "Use a note id such as 202408241604-my-note: 1 to " + MAX_LENGTH
                            + " characters, no '/', '\\' or control characters, not starting with '.'.");
        }
    }

    /** Whether {@code value} may be a note id: a name, or names joined by {@code /} (a path-derived id). */
    public static boolean isValid(String value) {
        if (value.isEmpty() || value.length() > MAX_LENGTH || !value.strip().equals(value)) {
            return false;
        }
        for (String segment : value.split("/", -1)) {
            if (segment.isEmpty() || segment.startsWith(".") || !validChars(segment)) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code value} may be a note id without {@code /}: a file name's or a front matter's id. */
    public static boolean isValidName(String value) {
        return isValid(value) && value.indexOf('/') < 0;
    }

    private static boolean validChars(String segment) {
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '\\' || Character.isISOControl(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The id of the note at vault-relative {@code path} whose file name another note has: the path without
     * {@code .md}; empty when that is no id (longer than {@value #MAX_LENGTH} characters).
     */
    public static Optional<NoteId> ofPath(String path) {
        String stem = path.regionMatches(true, path.length() - 3, ".md", 0, 3)
                ? path.substring(0, path.length() - 3) : path;
        return isValid(stem) ? Optional.of(new NoteId(stem)) : Optional.empty();
    }

    /** A canonical id for a note made at {@code time} with {@code title}: {@code yyyyMMddHHmm-slug}. */
    public static NoteId create(LocalDateTime time, String title) {
        return new NoteId(time.format(STAMP) + "-" + Slugs.slugify(title));
    }

    /** Whether the id has the canonical form {@code yyyyMMddHHmm-slug} with a real date and time. */
    public boolean isCanonical() {
        return timestamp().isPresent();
    }

    /** The minute of a canonical id. */
    public Optional<LocalDateTime> timestamp() {
        Matcher m = CANONICAL.matcher(value);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(m.group(1), STAMP));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The slug of a canonical id (the part after the timestamp), else the whole id. */
    public String slug() {
        Matcher m = CANONICAL.matcher(value);
        if (m.matches() && m.group(2) != null && timestamp().isPresent()) {
            return m.group(2);
        }
        return value;
    }

    @Override
    public int compareTo(NoteId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }

    static String clip(String value) {
        return value.length() <= 60 ? value : value.substring(0, 57) + "...";
    }
}
