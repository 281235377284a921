package dev.pce.engine.conflict;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Who of several tasks writing overlapping files proceeds and who waits.
 *
 * @param winners     the contenders that proceed, in the contention's order
 * @param losers      the contenders that wait, in the contention's order; empty when no files overlap
 * @param sharedFiles every file at least two contenders write, sorted
 * @param outcomes    one per contender, in the contention's order, each with its own rule and reason
 * @param rule        the rule that decided the first loser's outcome (the first winner's when nobody waits)
 * @param reason      that outcome's reason
 */
public record ResourceResolution(List<String> winners, List<String> losers, List<String> sharedFiles,
                                 List<ContenderOutcome> outcomes, String rule, String reason) implements Resolution {

    public ResourceResolution {
        winners = List.copyOf(winners);
        losers = List.copyOf(losers);
        sharedFiles = List.copyOf(sharedFiles);
        outcomes = List.copyOf(outcomes);
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(reason, "reason");
    }

    /** The resolution made of these outcomes: winners, losers, and the deciding outcome's rule and reason. */
    public static ResourceResolution of(List<ContenderOutcome> outcomes, List<String> sharedFiles) {
        if (outcomes.isEmpty()) {
            throw new IllegalArgumentException("a resource resolution needs the outcome of every contender");
        }
        ContenderOutcome deciding = outcomes.stream().filter(outcome -> !outcome.proceeds()).findFirst()
                .orElse(outcomes.get(0));
        return new ResourceResolution(
                outcomes.stream().filter(ContenderOutcome::proceeds).map(ContenderOutcome::taskId).toList(),
                outcomes.stream().filter(outcome -> !outcome.proceeds()).map(ContenderOutcome::taskId).toList(),
                sharedFiles, outcomes, deciding.rule(), deciding.reason());
    }

    public Optional<ContenderOutcome> outcome(String taskId) {
        return outcomes.stream().filter(outcome -> outcome.taskId().equals(taskId)).findFirst();
    }

    @Override
    public ConflictKind kind() {
        return ConflictKind.RESOURCE;
    }
}
