package dev.pce.engine.learning;

import java.util.Optional;

/**
 * One decision a rule took on a plan, for {@code ce_plan}'s answer: which rule, from which learned rules version,
 * decided what about which task.
 *
 * @param rule         the deciding rule ({@code learned:estimate:build})
 * @param rulesVersion the learned rules version the rule belongs to; empty for a rule that is not learned
 * @param task         the task decided about
 * @param decision     what changed, in a few words ("estimate 20 -> 30.1 min (x1.51)")
 * @param reason       why: the pattern behind the rule
 * @param addedTask    the task the decision added to the plan (an early review), if any
 */
public record LearnedDecision(String rule, Optional<Integer> rulesVersion, String task, String decision,
                              String reason, Optional<String> addedTask) {
}
