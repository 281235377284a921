package dev.pce.engine.conflict;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the reviews of one task add up to.
 *
 * @param approval  the weight for approving: the approving reviewers' verdicts, weighted as rules/conflicts.drl says
 * @param objection the weight against: the objecting reviewers' verdicts and every unresolved finding, weighted by
 *                  severity
 * @param approvers the reviewers whose overall verdict approves, in the panel's order
 * @param objectors the reviewers whose overall verdict requests changes or rejects, in the panel's order
 * @param situation the panel's {@link QualitySituation} signature ("split-tests.open-none"), which learning keys a
 *                  person's decisions of escalations by; empty in histories written before it was recorded
 * @param rulesVersion the learned rules version the deciding rule belongs to, when a learned rule
 *                     ({@code learned:escalation:<situation>}) decided; empty for a built-in rule, and in histories
 *                     written before it was recorded
 */
public record QualityResolution(String taskId, QualityDecision decision, int approval, int objection,
                                List<String> approvers, List<String> objectors, String rule, String reason,
                                String situation, Optional<Integer> rulesVersion)
        implements Resolution {

    /** A resolution that records no situation. */
    public QualityResolution(String taskId, QualityDecision decision, int approval, int objection,
                             List<String> approvers, List<String> objectors, String rule, String reason) {
        this(taskId, decision, approval, objection, approvers, objectors, rule, reason, "");
    }

    /** A resolution by a rule that is not learned. */
    public QualityResolution(String taskId, QualityDecision decision, int approval, int objection,
                             List<String> approvers, List<String> objectors, String rule, String reason,
                             String situation) {
        this(taskId, decision, approval, objection, approvers, objectors, rule, reason, situation, Optional.empty());
    }

    public QualityResolution {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(reason, "reason");
        approvers = List.copyOf(approvers);
        objectors = List.copyOf(objectors);
        situation = situation == null ? "" : situation;
        rulesVersion = rulesVersion == null ? Optional.empty() : rulesVersion;
    }

    @Override
    public ConflictKind kind() {
        return ConflictKind.QUALITY;
    }
}
