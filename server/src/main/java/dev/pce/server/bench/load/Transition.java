package dev.pce.server.bench.load;

import dev.pce.engine.event.LeaseExpired;
import dev.pce.engine.event.TaskClaimed;
import dev.pce.engine.event.TaskCompleted;
import dev.pce.engine.event.TaskFailed;

/**
 * A task transition an agent was told happened: the answer of its tool call acknowledged it. Each is identified,
 * in the answer and in the event log alike, by its type, its task and a claim id the server made:
 * <ul>
 *   <li>{@link Claimed}: {@code ce_claim} handed the task out under a new claim ({@code task.claimed});</li>
 *   <li>{@link Completed}, {@link Failed}: {@code ce_complete}/{@code ce_fail} under a claim recorded the report
 *       ({@code duplicate: false}; {@code task.completed}, {@code task.failed});</li>
 *   <li>{@link Expired}: a claim took over a task whose lease had run out, and its answer listed the task in
 *       {@code expired_leases} ({@code task.lease_expired}). It is identified by the claim that took over, because
 *       that is what the acknowledging agent knows; the log records it right before that claim.</li>
 * </ul>
 */
public sealed interface Transition {
    String taskId();

    /** The claim that identifies the transition (for {@link Expired}: the claim that took the task over). */
    String claimId();

    /** The event type recording it. */
    String type();

    default Key key() {
        return new Key(type(), taskId(), claimId());
    }

    /** What identifies one transition, both in an acknowledgement and in the log. */
    record Key(String type, String taskId, String claimId) {
        @Override
        public String toString() {
            return type + " of " + taskId + " (claim " + claimId + ")";
        }
    }

    record Claimed(String taskId, String claimId, String agent) implements Transition {
        @Override
        public String type() {
            return TaskClaimed.TYPE;
        }
    }

    record Completed(String taskId, String claimId) implements Transition {
        @Override
        public String type() {
            return TaskCompleted.TYPE;
        }
    }

    record Failed(String taskId, String claimId) implements Transition {
        @Override
        public String type() {
            return TaskFailed.TYPE;
        }
    }

    record Expired(String taskId, String claimId) implements Transition {
        @Override
        public String type() {
            return LeaseExpired.TYPE;
        }
    }
}
