package dev.pce.engine.conflict;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A reviewer's verdict on a task, overall or on one dimension. */
public enum ReviewVerdict {
    APPROVE,
    /** Acceptable once the named findings are fixed. */
    REQUEST_CHANGES,
    /** Not acceptable as built: the approach must change. */
    REJECT;

    @JsonValue
    public String wireName() {
        return WireNames.of(this);
    }

    /** The verdict named {@code text}, in any case, with '-' or '_' ("request-changes"). */
    @JsonCreator
    public static ReviewVerdict parse(String text) {
        return WireNames.parse(ReviewVerdict.class, text, "review verdict");
    }

    public boolean objects() {
        return this != APPROVE;
    }
}
