package dev.pce.engine.service;

import dev.pce.engine.gate.CriterionResult;

import java.util.List;

/**
 * A gate's verdict on a workflow, as recorded.
 *
 * @param gate             "wave-K" or "pr"
 * @param wave             the last wave it judges; while it blocks, tasks of later waves wait
 * @param blocking         whether it holds the later waves back
 * @param remediationTasks the tasks that would make it pass (already in the plan, or added now)
 * @param added            the tasks this evaluation added to the plan
 * @param evidenceSeq      the last evidence report it weighed (0: none)
 * @param recorded         false when the same gate had the same verdict on the same evidence already
 */
public record GateOutcome(String workflowId, String gate, int wave, String projectType, boolean blocking,
                          List<CriterionResult> criteria, List<String> remediationTasks, List<String> added,
                          long evidenceSeq, boolean recorded) {

    public GateOutcome {
        criteria = List.copyOf(criteria);
        remediationTasks = List.copyOf(remediationTasks);
        added = List.copyOf(added);
    }
}
