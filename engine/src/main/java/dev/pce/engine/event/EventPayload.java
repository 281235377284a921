package dev.pce.engine.event;

/** What happened. Each variant has a stable wire type name; the log stores it beside the payload. */
public sealed interface EventPayload permits WorkflowPlanned, TasksAdded, PlanEdited, EvidenceReported, GateEvaluated, ReviewReported,
        ConflictResolved, ConflictOverridden, TaskEvent, UnrecognizedPayload {

    /** The wire name of this event type, e.g. {@code task.claimed}. */
    String type();
}
