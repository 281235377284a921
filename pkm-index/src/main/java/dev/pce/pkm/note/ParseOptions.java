package dev.pce.pkm.note;

/**
 * Limits for reading notes.
 *
 * @param maxNoteBytes files larger than this are reported as {@link NoteProblem.Kind#OVERSIZE} and not read
 */
public record ParseOptions(long maxNoteBytes) {
    /** One MiB: far more than any note a person writes, small enough that a stray data file costs nothing. */
    public static final long DEFAULT_MAX_NOTE_BYTES = 1024 * 1024;
    public static final ParseOptions DEFAULTS = new ParseOptions(DEFAULT_MAX_NOTE_BYTES);

    public ParseOptions {
        if (maxNoteBytes < 1) {
            throw new IllegalArgumentException("maxNoteBytes must be positive: " + maxNoteBytes);
        }
    }
}
