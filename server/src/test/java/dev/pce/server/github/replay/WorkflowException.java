package dev.pce.server.github.replay;

/**
 * A workflow GitHub would not run (an invalid file, an expression naming an unknown context or function, a trigger
 * the workflow does not listen to) or one this replayer cannot replay (an action it does not know). The message
 * names the file, the job, the step and the expression.
 */
public final class WorkflowException extends RuntimeException {
    WorkflowException(String message) {
        super(message);
    }
}
