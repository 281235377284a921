package dev.pce.engine.gate;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * How bad one finding is, on one scale for every source: static analysis, security scanners and reviewers.
 * Ordered from worst to mildest, so {@code compareTo} ranks findings.
 */
public enum FindingSeverity {
    CRITICAL, HIGH, MEDIUM, LOW, INFO;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when this severity is at least as bad as {@code other}. */
    public boolean atLeast(FindingSeverity other) {
        return compareTo(other) <= 0;
    }
}
