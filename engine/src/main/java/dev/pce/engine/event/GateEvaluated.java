package dev.pce.engine.event;

import dev.pce.engine.gate.CriterionResult;

import java.util.List;
import java.util.Objects;

/**
 * A quality gate judged a workflow. While the latest evaluation of a gate blocks, no task of a wave after
 * {@code wave} can be claimed, except the remediation tasks; a later evaluation of the same gate that passes lifts
 * the hold.
 *
 * @param gate              the sync point: "wave-1" (the end of wave 1), "pr" (before the pull request)
 * @param wave              the last wave the gate judges; tasks of later waves wait while it blocks
 * @param projectType       the project type the criteria were chosen for
 * @param evidenceSeq       the sequence number of the last evidence report it saw (0: none), so the same gate on
 *                          the same evidence is not judged twice
 * @param remediationTasks  the ids of the tasks added to make it pass
 */
public record GateEvaluated(String gate, int wave, String projectType, boolean blocking,
                            List<CriterionResult> criteria, long evidenceSeq, List<String> remediationTasks)
        implements EventPayload {
    public static final String TYPE = "gate.evaluated";

    public GateEvaluated {
        Objects.requireNonNull(gate, "gate");
        Objects.requireNonNull(projectType, "projectType");
        criteria = List.copyOf(criteria);
        remediationTasks = List.copyOf(remediationTasks);
    }

    @Override
    public String type() {
        return TYPE;
    }
}
