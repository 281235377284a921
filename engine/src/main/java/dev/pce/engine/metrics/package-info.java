/**
 * Workflow metrics, computed purely from a workflow's events (the log is the source of truth): no clock, no files,
 * no rules. The events are replayed through the state fold ({@code WorkflowState}), so an event the fold ignores
 * (a claim of a held task in a merged log) is ignored here too.
 *
 * <p>An <em>attempt</em> runs from a claim to its end: a completion, a failure, a revoked claim, or the lease
 * running out (the attempt ends at {@code lease_until}, however much later the expiry was recorded). An attempt
 * still open at the report's time is running, or expired if its lease has run out by then.
 *
 * <ul>
 *   <li><b>makespan</b>: from the first claim to the end of the last attempt, wall clock;</li>
 *   <li><b>sequential time</b>: the sum of the completed attempts' durations: one agent doing only the work that
 *       succeeded, back to back;</li>
 *   <li><b>speedup</b>: sequential time / makespan;</li>
 *   <li><b>utilization</b> of a pool: the time its agents held claims (per agent, overlapping claims counted
 *       once) / (makespan x the agents seen claiming in the pool);</li>
 *   <li><b>wait</b> of an attempt: from the moment its task last became claimable to the claim;</li>
 *   <li><b>gate pass rate</b>: gate evaluations that did not block / all evaluations;</li>
 *   <li><b>failure rate</b>: attempts that failed or whose lease ran out / attempts that ended.</li>
 * </ul>
 *
 * <p>{@link dev.pce.engine.metrics.Anomalies} compares a workflow with the workspace's other workflows. See
 * docs/metrics.md.
 */
package dev.pce.engine.metrics;
