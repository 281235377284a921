package dev.pce.engine.gate;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** The quality dimensions a gate judges. The wire name is the lower-case constant name. */
public enum Dimension {
    TESTS, COVERAGE, LINT, SECURITY, REVIEW, DOCS, PERFORMANCE;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The dimension named {@code text} (any case), or an exception that lists the valid names. */
    public static Dimension parse(String text) {
        for (Dimension d : values()) {
            if (d.name().equalsIgnoreCase(text.strip())) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown dimension '" + text + "'; use one of tests, coverage, lint, "
                + "security, review, docs, performance");
    }
}
