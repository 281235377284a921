package dev.pce.engine.gate;

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
    /** No evidence measured the criterion's metric. */
    MISSING;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Verdict parse(String text) {
        for (Verdict verdict : values()) {
            if (verdict.wireName().equalsIgnoreCase(text.strip())) {
                return verdict;
            }
        }
        throw new IllegalArgumentException("unknown verdict '" + text + "'; use pass, fail, error or missing");
    }
}
