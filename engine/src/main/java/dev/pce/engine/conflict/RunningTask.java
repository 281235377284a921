package dev.pce.engine.conflict;

import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A claimed task, checked against its estimate.
 *
 * @param taskKind        the task's kind ("build", "research"), in lower case; the rules choose the overrun factor k
 *                        by it
 * @param estimateMinutes the estimate it runs against (the plan's, or the last reschedule's), more than 0
 * @param elapsedMinutes  the time since the current attempt claimed it
 * @param attempt         1 for the first claim, 2 after one failure or expired lease, ...
 * @param overrunFactor   k set by the caller (a learned pattern, a maintainer), more than 1; empty to let the rules
 *                        choose it by kind
 */
public record RunningTask(String taskId, String taskKind, String pool, double estimateMinutes, double elapsedMinutes,
                          int attempt, OptionalDouble overrunFactor) implements ConflictCase {

    public RunningTask {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(overrunFactor, "overrunFactor");
        taskKind = Objects.requireNonNull(taskKind, "taskKind").strip().toLowerCase(Locale.ROOT);
        if (!Double.isFinite(estimateMinutes) || estimateMinutes <= 0) {
            throw new IllegalArgumentException("task " + taskId + ": the estimate is " + estimateMinutes
                    + " minutes; a running task is checked against an estimate of more than 0 minutes");
        }
        if (!Double.isFinite(elapsedMinutes) || elapsedMinutes < 0) {
            throw new IllegalArgumentException("task " + taskId + ": the elapsed time is " + elapsedMinutes
                    + " minutes; give the minutes since the claim, 0 or more");
        }
        if (attempt < 1) {
            throw new IllegalArgumentException("task " + taskId + ": attempt " + attempt
                    + "; attempts count claims from 1");
        }
        if (overrunFactor.isPresent() && !(overrunFactor.getAsDouble() > 1
                && Double.isFinite(overrunFactor.getAsDouble()))) {
            throw new IllegalArgumentException("task " + taskId + ": the overrun factor is "
                    + overrunFactor.getAsDouble() + "; k must be more than 1 (a task is rescheduled past k times its"
                    + " estimate)");
        }
    }

    /** A task on its first attempt, with k chosen by the rules. */
    public static RunningTask of(String taskId, String taskKind, String pool, double estimateMinutes,
                                 double elapsedMinutes) {
        return new RunningTask(taskId, taskKind, pool, estimateMinutes, elapsedMinutes, 1, OptionalDouble.empty());
    }

    public RunningTask attempt(int number) {
        return new RunningTask(taskId, taskKind, pool, estimateMinutes, elapsedMinutes, number, overrunFactor);
    }

    /** The same task with k set by the caller. */
    public RunningTask withOverrunFactor(double k) {
        return new RunningTask(taskId, taskKind, pool, estimateMinutes, elapsedMinutes, attempt, OptionalDouble.of(k));
    }

    /** Elapsed time over estimate: 2.5 means it ran two and a half times its estimate. */
    public double overrun() {
        return elapsedMinutes / estimateMinutes;
    }

    @Override
    public ConflictKind kind() {
        return ConflictKind.TIMELINE;
    }
}
