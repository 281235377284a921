package dev.pce.engine.workflow;

/** A request to change one task: claim it, report it done or failed, publish or roll back its progress. */
public sealed interface TaskCommand extends Command permits ClaimCommand, CompleteCommand, FailCommand, ProgressCommand {
}
