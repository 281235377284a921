package dev.pce.engine.conflict;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The three kinds of conflict the arbiter decides. The wire name is stable: events store it. */
public enum ConflictKind {
    /** Two or more tasks want to write overlapping files at the same time. */
    RESOURCE,
    /** The reviewers of one task disagree. */
    QUALITY,
    /** A running task is far past its estimate. */
    TIMELINE;

    @JsonValue
    public String wireName() {
        return WireNames.of(this);
    }

    @JsonCreator
    public static ConflictKind parse(String text) {
        return WireNames.parse(ConflictKind.class, text, "conflict kind");
    }
}
