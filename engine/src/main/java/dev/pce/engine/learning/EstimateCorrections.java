package dev.pce.engine.learning;

import dev.pce.engine.PlainNumbers;
import dev.pce.engine.learning.Pattern.EstimateBias;
import dev.pce.engine.model.TaskSpec;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Corrects a plan's estimates by the learned estimate biases: {@code estimate * (1 + (factor - 1) * confidence)},
 * so a pattern backed by few samples (or imported and unconfirmed) moves the estimate only part of the way. Pure.
 *
 * <p>Biases are learned against the estimates as planned; keep the corrected estimates a separate view (for
 * scheduling and ETAs) and record the planner's own estimates, or later workflows would learn only the residue.
 */
public final class EstimateCorrections {

    private EstimateCorrections() {
    }

    /**
     * One task's estimate, corrected or not.
     *
     * @param correctedMinutes the estimate to use, to three significant figures when corrected
     * @param factor the factor applied, to two decimals (1 when no bias applies)
     * @param reason why: the pattern behind the factor, or that none applies
     */
    public record Correction(String taskId, String kind, double estimateMinutes, double correctedMinutes,
                             double factor, String reason) {
    }

    /** A correction for every task, in plan order; a task without a bias keeps its estimate exactly. */
    public static List<Correction> of(List<TaskSpec> tasks, Collection<EstimateBias> biases) {
        Map<String, EstimateBias> byKind = biases.stream()
                .collect(Collectors.toMap(EstimateBias::kind, Function.identity(), (a, b) -> b));
        return tasks.stream().map(task -> correct(task, byKind.get(task.kind()))).toList();
    }

    /** The tasks with their corrected estimates, everything else unchanged. */
    public static List<TaskSpec> apply(List<TaskSpec> tasks, Collection<EstimateBias> biases) {
        List<Correction> corrections = of(tasks, biases);
        return java.util.stream.IntStream.range(0, tasks.size())
                .mapToObj(i -> tasks.get(i).withEstimate(corrections.get(i).correctedMinutes())).toList();
    }

    private static Correction correct(TaskSpec task, EstimateBias bias) {
        if (bias == null) {
            return new Correction(task.id(), task.kind(), task.estimateMinutes(), task.estimateMinutes(), 1,
                    "no learned estimate bias for kind '" + task.kind() + "'");
        }
        String why = String.format(Locale.ROOT, "kind '%s' took %.2fx its estimates (%d samples from %d "
                        + "workflow(s)%s, confidence %.2f)", task.kind(), bias.factor(), bias.samples(),
                bias.workflows().size(), bias.origin().imported() && !bias.origin().confirmed()
                        ? ", imported from " + bias.origin().project() : "", bias.confidence());
        return correct(task, bias.factor(), bias.confidence(), why);
    }

    /**
     * {@code task}'s estimate corrected by a learned {@code factor} held with {@code confidence}; {@code why} names
     * the pattern behind it, and the reason adds the factor applied.
     */
    public static Correction correct(TaskSpec task, double factor, double confidence, String why) {
        // a correction is an estimate again: to three figures, with the factor to two decimals, as people give them
        double applied = 1 + (factor - 1) * confidence;
        String reason = why + String.format(Locale.ROOT, ": x%.2f", applied);
        return new Correction(task.id(), task.kind(), task.estimateMinutes(),
                PlainNumbers.rounded(task.estimateMinutes() * applied, 3), PlainNumbers.decimals(applied, 2), reason);
    }
}
