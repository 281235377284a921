/**
 * Merging the event logs of one workflow written by parallel CI jobs: each job started from a copy of the same
 * log (the same {@code workflow.planned}) and appended its own events. {@link dev.pce.engine.merge.EventLogMerger}
 * unions them by event id into one deterministic log and reports what the state fold makes of the result.
 */
package dev.pce.engine.merge;
