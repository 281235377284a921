package dev.pce.engine.service;

import dev.pce.engine.model.TaskSpec;

import java.time.Instant;
import java.util.List;

/**
 * A task handed to an agent, with everything needed to do it.
 *
 * @param attempt the how-many-th claim of this task this is (1 for the first)
 * @param inputs  the finished outputs of its dependencies
 */
public record ClaimedTask(TaskSpec spec, String claimId, Instant leaseUntil, int attempt,
                          List<DependencyOutput> inputs) {

    /** What a finished dependency reported. */
    public record DependencyOutput(String taskId, String summary, List<String> artifacts) {
    }
}
