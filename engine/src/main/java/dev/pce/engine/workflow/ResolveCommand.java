package dev.pce.engine.workflow;

import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.engine.conflict.QualityDecision;
import dev.pce.engine.conflict.QualityResolution;
import dev.pce.engine.dependency.DependencyClassifier;
import dev.pce.engine.event.ConflictOverridden;
import dev.pce.engine.event.ConflictResolved;
import dev.pce.engine.event.NewEvent;
import dev.pce.engine.event.ReviewReported;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.Locale;

/**
 * A person decides a conflict ({@code ce_resolve}). For reviewers who disagreed beyond what the rules decide
 * (an escalation): "approve" lets the work go on, "request_changes" sends it back as a failed review does. Any
 * other resolution can be accepted or overruled; the decision is recorded with the reason, so the history shows
 * who decided against the rules and why. Deciding again the same way changes nothing.
 */
public record ResolveCommand(String conflictId, String decision, String reason, String agent,
                             DependencyClassifier classifier) implements Command {
    public static final Set<String> REVIEW_DECISIONS = Set.of("approve", "request_changes");
    public static final Set<String> OTHER_DECISIONS = Set.of("accept", "overrule");

    public ResolveCommand {
        Objects.requireNonNull(conflictId, "conflictId");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(classifier, "classifier");
    }

    @Override
    public List<NewEvent> decide(WorkflowState state, Instant now) {
        ConflictResolved conflict = state.conflicts().resolution(conflictId).orElseThrow(() -> new CeException(
                ErrorCode.INVALID_ARGUMENT, "Workflow " + state.workflowId() + " has no conflict '" + conflictId
                + "'.", "Use a conflict id from a conflict.resolved event (ce_events) or from ce_review's answer."));
        Optional<ConflictOverridden> earlier = state.conflicts().overrides().stream()
                .filter(override -> override.conflictId().equals(conflictId)).findFirst();
        if (earlier.isPresent()) {
            if (earlier.get().decision().equals(decision)) {
                return List.of();
            }
            throw new CeException(ErrorCode.CONFLICT, "Conflict " + conflictId + " was decided already: "
                    + earlier.get().decision() + " (" + earlier.get().reason() + ").",
                    "A decision stands; plan new tasks for anything else that has to change.");
        }
        Optional<ConflictRecord.Escalation> escalation = state.conflicts().openEscalations().stream()
                .filter(open -> open.conflictId().equals(conflictId)).findFirst();
        Set<String> allowed = escalation.isPresent() ? REVIEW_DECISIONS : OTHER_DECISIONS;
        if (!allowed.contains(decision)) {
            throw new CeException(ErrorCode.INVALID_ARGUMENT, "'" + decision + "' is no decision for conflict "
                    + conflictId + " (" + conflict.resolution().kind().name().toLowerCase(Locale.ROOT)
                    + ").", "Decide with one of " + allowed.stream().sorted().toList() + ".");
        }
        List<NewEvent> events = new ArrayList<>();
        events.add(new NewEvent(agent, new ConflictOverridden(conflictId, decision, reason)));
        escalation.ifPresent(open -> events.addAll(reviewDecided(state, now, open,
                (QualityResolution) conflict.resolution())));
        return events;
    }

    /** The review's evidence as the person decided, and rework when they asked for changes. */
    private List<NewEvent> reviewDecided(WorkflowState state, Instant now, ConflictRecord.Escalation open,
                                         QualityResolution escalated) {
        ReviewReported last = state.conflicts().reviewsOf(escalated.taskId()).getLast();
        ReviewCommand review = new ReviewCommand(open.reviewTaskId(), "", agent, last.reviews(), reason, classifier,
                Optional.empty());
        QualityDecision decided = decision.equals("approve") ? QualityDecision.APPROVED
                : QualityDecision.CHANGES_REQUIRED;
        List<NewEvent> events = new ArrayList<>();
        events.add(new NewEvent(agent, review.evidence(last.reviewed(), decided)));
        if (decided == QualityDecision.CHANGES_REQUIRED) {
            events.addAll(review.rework(state, last.reviewed()).decide(state, now));
        }
        return events;
    }
}
