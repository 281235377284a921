package dev.pce.engine.gate;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** What a criterion that does not pass does to the gate. */
public enum CriterionSeverity {
    /** The gate does not pass until the criterion does. */
    BLOCKING,
    /** Reported with a remediation, but the gate may pass. */
    WARNING,
    /** Reported only, for the record. */
    INFO;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CriterionSeverity parse(String text) {
        for (CriterionSeverity severity : values()) {
            if (severity.wireName().equalsIgnoreCase(text.strip())) {
                return severity;
            }
        }
        throw new IllegalArgumentException("unknown criterion severity '" + text + "'; use blocking, warning or info");
    }
}
