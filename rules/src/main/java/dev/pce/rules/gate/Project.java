package dev.pce.rules.gate;

import dev.pce.engine.gate.ProjectType;

/** The project a gate judges, as the gate rules see it: one per session. */
public record Project(ProjectType type) {
}
