package dev.pce.server.bench.load;

import dev.pce.engine.workflow.WorkflowState;

import java.util.List;
import java.util.Map;

/**
 * What the audit of one workflow's log found.
 *
 * @param transitionsByType transitions in the log per event type
 * @param events            events in the log (transitions, the plan and the conflict decisions of claims)
 * @param replayed          the state folded afresh from the log, to compare with what the servers report
 */
public record AuditResult(Map<String, Integer> transitionsByType, long events, int tasks, int tasksDone,
                          WorkflowState replayed, List<Violation> violations) {
    public AuditResult {
        transitionsByType = Map.copyOf(transitionsByType);
        violations = List.copyOf(violations);
    }

    public int transitions() {
        return transitionsByType.values().stream().mapToInt(Integer::intValue).sum();
    }
}
