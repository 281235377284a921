package dev.pce.engine.metrics;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Something in a workflow outside its history: the workspace's other workflows.
 *
 * @param subject  the task id or the gate
 * @param group    what it was compared with: "kind/pool" for durations, the pool for waits, the gate for gates
 * @param value    seconds for durations, waits and holds; 0 (did not pass) for a gate failure
 * @param p95      the history's p95 in seconds; empty for a gate failure
 * @param passRate the history's pass rate for a gate failure; empty otherwise
 * @param samples  how many past values the history held
 * @param message  the flag in one sentence
 */
public record AnomalyFlag(String workflowId, AnomalyKind kind, String subject, String group, double value,
                          OptionalDouble p95, OptionalDouble passRate, int samples, String message) {

    public AnomalyFlag {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }
}
