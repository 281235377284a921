package dev.pce.engine.conflict;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What the reviews of a task add up to. */
public enum QualityDecision {
    /** The task passes review. */
    APPROVED,
    /** The builders must rework the task. */
    CHANGES_REQUIRED,
    /** The reviews do not decide it: a person must. */
    ESCALATE;

    @JsonValue
    public String wireName() {
        return WireNames.of(this);
    }

    @JsonCreator
    public static QualityDecision parse(String text) {
        return WireNames.parse(QualityDecision.class, text, "quality decision");
    }
}
