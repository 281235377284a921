package dev.pce.engine.gate;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** How a criterion compares the measured value with its threshold. */
public enum Comparison {
    /** The measured value must be the threshold or more (coverage, pass rate, approvals). */
    AT_LEAST,
    /** The measured value must be the threshold or less (failures, findings, regressions). */
    AT_MOST;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether {@code measured} satisfies this comparison with {@code threshold}. */
    public boolean holds(double measured, double threshold) {
        return this == AT_LEAST ? measured >= threshold : measured <= threshold;
    }

    /** "at least" or "at most", for sentences. */
    public String words() {
        return this == AT_LEAST ? "at least" : "at most";
    }

    public static Comparison parse(String text) {
        for (Comparison comparison : values()) {
            if (comparison.wireName().equalsIgnoreCase(text.strip())) {
                return comparison;
            }
        }
        throw new IllegalArgumentException("unknown comparison '" + text + "'; use at_least or at_most");
    }
}
