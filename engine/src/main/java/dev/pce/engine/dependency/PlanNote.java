package dev.pce.engine.dependency;

/**
 * Something the dependency rules tell the planner that is not an error, e.g. an interface no task of the plan
 * produces; {@code rule} names the rule that said it (learned rules are named {@code learned:...}).
 */
public record PlanNote(String task, String text, String rule) {
}
