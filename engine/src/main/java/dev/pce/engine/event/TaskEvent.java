package dev.pce.engine.event;

/** An event about one task. */
public sealed interface TaskEvent extends EventPayload permits TaskClaimed, LeaseExpired, TaskCompleted, TaskFailed,
        TaskProgressed, ProgressRolledBack, ClaimRevoked, TaskReopened {

    String taskId();
}
