package dev.pce.engine.learning;

import dev.pce.engine.PlainNumbers;
import dev.pce.engine.model.TaskSpec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tasks of a plan worth splitting ({@code ce_plan}'s {@code split_suggestions}): those estimated longer than one
 * agent session (by the estimates as used, the learned corrections applied), and those the learned rules found risky
 * (an early review they demanded). A suggestion only: {@code ce_edit} splits a task. Pure.
 *
 * @param sessionMinutes how long one agent session works on a task
 */
public record SplitSuggestions(double sessionMinutes) {
    /** Two hours: what one agent session gets done before its context is better started afresh. */
    public static final double DEFAULT_SESSION_MINUTES = 120;
    public static final SplitSuggestions DEFAULT = new SplitSuggestions(DEFAULT_SESSION_MINUTES);

    public SplitSuggestions {
        if (!(sessionMinutes > 0)) {
            throw new IllegalArgumentException("a session lasts more than 0 minutes, got " + sessionMinutes);
        }
    }

    /**
     * One task worth splitting.
     *
     * @param reason          why, in words
     * @param estimateMinutes the estimate the plan uses
     * @param plannedMinutes  the planner's own estimate, when a learned correction changed it
     * @param sessionMinutes  the session length it was measured against
     * @param parts           subtasks of at most one session each that its estimate makes (at least two)
     * @param rule            the learned rule that found it risky, for a risky one
     */
    public record Suggestion(String task, String reason, double estimateMinutes, Optional<Double> plannedMinutes,
                             double sessionMinutes, int parts, Optional<String> rule) {
    }

    /** The suggestions for a plan as amended, in plan order: a task long and risky is named once, for both. */
    public List<Suggestion> of(LearnedPlanning.Amended amended) {
        Map<String, LearnedDecision> risky = new HashMap<>();
        for (LearnedDecision decision : amended.decisions()) {
            if (decision.addedTask().isPresent()) {
                risky.putIfAbsent(decision.task(), decision);
            }
        }
        List<Suggestion> suggestions = new ArrayList<>();
        for (TaskSpec task : amended.tasks()) {
            boolean isLong = task.estimateMinutes() > sessionMinutes;
            LearnedDecision review = risky.get(task.id());
            if (!isLong && review == null) {
                continue;
            }
            Optional<Double> planned = Optional.ofNullable(amended.plannedEstimates().get(task.id()));
            List<String> why = new ArrayList<>(2);
            if (isLong) {
                why.add("estimated " + PlainNumbers.figures(task.estimateMinutes(), 3) + " min"
                        + planned.map(minutes -> " (planned " + PlainNumbers.figures(minutes, 3)
                        + ", corrected by what was learned)").orElse("") + ", longer than one agent session of "
                        + PlainNumbers.figures(sessionMinutes, 3) + " min");
            }
            if (review != null) {
                why.add("risky by learned patterns: " + review.decision() + " (" + review.reason() + ")");
            }
            suggestions.add(new Suggestion(task.id(), String.join("; ", why), task.estimateMinutes(), planned,
                    sessionMinutes, Math.max(2, (int) Math.ceil(task.estimateMinutes() / sessionMinutes)),
                    Optional.ofNullable(review).map(LearnedDecision::rule)));
        }
        return suggestions;
    }
}
