package dev.pce.engine.metrics;

import dev.pce.engine.workflow.WorkflowState;

import java.time.Instant;
import java.util.List;

/**
 * A workflow replayed: the folded state at the end, and beside it what the state does not keep.
 *
 * @param attempts every attempt, by start
 * @param gates    every gate evaluation, in event order
 * @param asOf     the time the metrics describe: the report's time, or the last event's if that is later
 */
record Timeline(WorkflowState state, List<Attempt> attempts, List<GateEvaluation> gates, Instant asOf) {
}
