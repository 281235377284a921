package dev.pce.engine.gate;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** The outcome of one criterion. */
public enum Verdict {
    /** The measured value satisfies the threshold. */
    PASS,
    /** The measured value does not satisfy the threshold. */
    FAIL,
    /** Evidence meant for the criterion's dimension could not be read; nothing can be concluded. */
    ERROR,
    /**
     * No evidence measured the criterion's metric. It blocks only a criterion that is required (its dimension is
     * required by the rules or the project's configuration).
     */
    NOT_MEASURED;

    /** What event logs written before "not_measured" say instead. */
    private static final String LEGACY_NOT_MEASURED = "missing";

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** "not measured", for tables and sentences. */
    public String words() {
        return wireName().replace('_', ' ');
    }

    /** The verdict named {@code text} (any case, "not measured" or "not_measured"); reads old logs' "missing". */
    @JsonCreator
    public static Verdict parse(String text) {
        String name = text.strip().replace(' ', '_');
        if (name.equalsIgnoreCase(LEGACY_NOT_MEASURED)) {
            return NOT_MEASURED;
        }
        for (Verdict verdict : values()) {
            if (verdict.wireName().equalsIgnoreCase(name)) {
                return verdict;
            }
        }
        throw new IllegalArgumentException("unknown verdict '" + text + "'; use pass, fail, error or not_measured");
    }
}
