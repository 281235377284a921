package dev.pce.engine.conflict;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What a contender of a resource conflict does. */
public enum Action {
    /** It goes ahead: keeps its claim, or may claim now. */
    PROCEED,
    /**
     * It waits until the contenders it waits for release the shared files. For a task that holds a claim this means
     * pre-emption (its claim is revoked); the shipped rules never decide that.
     */
    WAIT;

    @JsonValue
    public String wireName() {
        return WireNames.of(this);
    }

    @JsonCreator
    public static Action parse(String text) {
        return WireNames.parse(Action.class, text, "action");
    }
}
