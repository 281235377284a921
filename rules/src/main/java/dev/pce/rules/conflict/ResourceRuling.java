package dev.pce.rules.conflict;

import dev.pce.engine.conflict.Action;

/** A resource rule's decision for one contender; rules create it through {@link Rulings}. */
public record ResourceRuling(String taskId, Action action, String rule, String reason) {
}
