package dev.pce.engine.workflow;

import dev.pce.engine.event.NewEvent;

import java.time.Instant;
import java.util.List;

/**
 * A request to change a workflow, decided against its current state while the log is locked. Deciding appends
 * nothing: it returns the events to append (possibly none, for an idempotent repeat) or throws a
 * {@link dev.pce.engine.CeException} that says why the request cannot be honoured.
 */
public sealed interface Command permits TaskCommand, AddTasksCommand, EditPlanCommand, GateCommand, ReportEvidenceCommand,
        ReviewCommand, ResolveCommand {

    List<NewEvent> decide(WorkflowState state, Instant now);
}
