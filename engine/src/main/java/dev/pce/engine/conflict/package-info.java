/**
 * Conflict arbitration between parallel agents: the {@link dev.pce.engine.conflict.ConflictArbiter} port, what it
 * is asked ({@link dev.pce.engine.conflict.ConflictCase}: a resource contention, a review panel, a running task)
 * and what it decides ({@link dev.pce.engine.conflict.Resolution}, each naming the rule that decided it and why,
 * ready to be stored as an event). The rules module implements the port with rules/conflicts.drl.
 */
package dev.pce.engine.conflict;
