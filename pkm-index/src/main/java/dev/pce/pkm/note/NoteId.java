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
 * front matter {@code id} says, so an id is any text of 1 to {@value #MAX_LENGTH} characters without {@code /},
 * {@code \}, control characters, surrounding spaces or a leading {@code .}.
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

    /** Whether {@code value} may be a note id. */
    public static boolean isValid(String value) {
        if (value.isEmpty() || value.length() > MAX_LENGTH || value.startsWith(".")
                || !value.strip().equals(value)) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '/' || c == '\\' || Character.isISOControl(c)) {
                return false;
            }
        }
        return true;
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
