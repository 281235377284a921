package dev.pce.rules.dependency;

/** Something worth telling the planner that is not an error, e.g. an interface no task of the plan produces. */
public record PlanNote(String task, String text, String rule) {
}
