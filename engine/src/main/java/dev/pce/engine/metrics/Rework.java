package dev.pce.engine.metrics;

/**
 * Work done again.
 *
 * @param reviewRework    tasks a review that asked for changes added ("&lt;task&gt;-rework")
 * @param gateRemediation tasks a failed gate added to make it pass
 * @param retries         claims after a task's first: after a failure, an expired lease or a revoked claim
 */
public record Rework(int reviewRework, int gateRemediation, int retries) {
}
