package dev.pce.engine.conflict;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One task in a {@link ResourceContention}: it writes files another contender writes too.
 *
 * @param pool                the agent pool that runs it, for the record
 * @param criticalPathMinutes the task's bottom level: the remaining critical path from its start to the end of
 *                            the workflow, in minutes (longer goes first: delaying it delays everything after it)
 * @param planOrder           its position in the plan, 0-based (earlier goes first on equal critical paths)
 * @param holdsClaim          whether it already holds a live claim (an agent is working on it)
 * @param claimedAt           when it claimed the task, or, for a task without a claim, when it asked to claim it
 *                            (earlier goes first when critical path and plan order are equal)
 * @param writes              the files or resources it writes, as the plan declares them; a path ending in '/'
 *                            names a directory and everything in it (see {@link FileOverlap})
 */
public record Contender(String taskId, String pool, double criticalPathMinutes, int planOrder, boolean holdsClaim,
                        Instant claimedAt, List<String> writes) {

    public Contender {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(claimedAt, "claimedAt");
        writes = List.copyOf(writes);
        if (taskId.isBlank()) {
            throw new IllegalArgumentException("a contender has no task id; name the task that writes the files");
        }
        if (!Double.isFinite(criticalPathMinutes) || criticalPathMinutes < 0) {
            throw new IllegalArgumentException("contender " + taskId + ": the critical path is " + criticalPathMinutes
                    + " minutes; give the task's bottom level, 0 minutes or more");
        }
        if (planOrder < 0) {
            throw new IllegalArgumentException("contender " + taskId + ": the plan order is " + planOrder
                    + "; give the task's 0-based position in the plan");
        }
    }

    /** A task an agent is already working on. */
    public static Contender holding(String taskId, String pool, double criticalPathMinutes, int planOrder,
                                    Instant claimedAt, List<String> writes) {
        return new Contender(taskId, pool, criticalPathMinutes, planOrder, true, claimedAt, writes);
    }

    /** A task an agent asks to claim. */
    public static Contender requesting(String taskId, String pool, double criticalPathMinutes, int planOrder,
                                       Instant requestedAt, List<String> writes) {
        return new Contender(taskId, pool, criticalPathMinutes, planOrder, false, requestedAt, writes);
    }
}
