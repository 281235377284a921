package dev.pce.engine.event;

import java.util.Objects;

/**
 * A person decided a conflict themselves ({@code ce_resolve}): an escalated review, or any resolution they
 * overrule. The event's source is who decided.
 *
 * @param decision what they decided: "approve" or "request_changes" for reviews, "accept" or "overrule" otherwise
 */
public record ConflictOverridden(String conflictId, String decision, String reason) implements EventPayload {
    public static final String TYPE = "conflict.overridden";

    public ConflictOverridden {
        Objects.requireNonNull(conflictId, "conflictId");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
