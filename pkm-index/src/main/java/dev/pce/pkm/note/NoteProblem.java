package dev.pce.pkm.note;

import java.util.Objects;

/**
 * Something wrong with one note file: what, where, how to fix it. A problem never stops a scan: the note is
 * skipped (or, for a {@link Kind#isWarning() warning}, kept with the faulty field left out) and the scan goes on.
 *
 * @param path the file's path relative to the vault root, {@code /}-separated
 */
public record NoteProblem(String path, Kind kind, String what, String fix) {

    public NoteProblem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(fix, "fix");
    }

    /** The problem in one line, for logs and tool output. */
    public String describe() {
        return path + ": " + what + " Fix: " + fix;
    }

    /** The classes of problems. */
    public enum Kind {
        /** The front matter is not valid YAML, not a mapping, or never closed. The note is skipped. */
        BAD_YAML,
        /** The file has NUL bytes or is not valid UTF-8. The note is skipped. */
        BINARY,
        /** The file is larger than the limit. The note is skipped unread. */
        OVERSIZE,
        /** The file, or a symbolic link on its way, leads outside the vault root. Skipped unread. */
        OUTSIDE_VAULT,
        /**
         * The file has more than one hard link: its other names may lie outside the vault, where the vault's rules
         * do not hold (a hard link cannot be told from the original). Skipped unread.
         */
        HARD_LINKED,
        /** The file could not be read. The note is skipped. */
        UNREADABLE,
        /** The file name cannot be a note id and the front matter names none. The note is skipped. */
        BAD_NAME,
        /** Another note (earlier in path order) has the same id. The note is skipped. */
        DUPLICATE_ID,
        /** A known front matter field has a value of the wrong shape; the note is kept without that value. */
        BAD_FIELD;

        /** Whether the note is still used (only {@link #BAD_FIELD}). */
        public boolean isWarning() {
            return this == BAD_FIELD;
        }
    }
}
