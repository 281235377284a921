package dev.pce.engine.workflow;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** A reviewer's verdict on one dimension of the reviewed work. */
public enum ReviewVerdict {
    APPROVE, REQUEST_CHANGES, REJECT;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The verdict named {@code text} (any case), or an exception that lists the valid names. */
    public static ReviewVerdict parse(String text) {
        for (ReviewVerdict verdict : values()) {
            if (verdict.wireName().equalsIgnoreCase(text.strip())) {
                return verdict;
            }
        }
        throw new IllegalArgumentException("unknown verdict '" + text + "'; use approve, request_changes or reject");
    }
}
