package dev.pce.engine.learning;

import dev.pce.engine.PlainNumbers;
import dev.pce.engine.conflict.QualitySituation;
import dev.pce.engine.dependency.PlanNote;
import dev.pce.engine.knowledge.KnowledgeStore;
import dev.pce.engine.knowledge.NoteRef;
import dev.pce.engine.knowledge.RelatedNote;
import dev.pce.engine.model.TaskSpec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The likely problems of a plan, from what earlier workflows showed: kinds whose estimates run off, kinds and
 * folders that keep needing review rework, learned rules that speak about its tasks, and past failures most like
 * each task. Each prediction names the evidence notes (the pattern notes ce_learn wrote, the failure notes found);
 * without a knowledge store (it could not be opened) the predictions come from the patterns alone.
 */
public final class PlanPredictions {
    /** Failure notes per task: the most similar few, enough to read before starting. */
    static final int FAILURES_PER_TASK = 2;
    /** Pattern notes named as the evidence of one pattern. */
    static final int NOTES_PER_PATTERN = 3;
    /** Learned rules are named after the pattern they came from. */
    static final String LEARNED_RULE_PREFIX = "learned:";

    private final PatternStore store;
    private final Function<List<TaskSpec>, List<PlanNote>> ruleNotes;
    private final KnowledgeStore knowledge;

    /**
     * @param ruleNotes the notes the dependency rules give a plan; those of learned rules ("learned:..."), which the
     *                  learned patterns became, are predictions too
     */
    public PlanPredictions(PatternStore store, Function<List<TaskSpec>, List<PlanNote>> ruleNotes,
                           KnowledgeStore knowledge) {
        this.store = store;
        this.ruleNotes = ruleNotes;
        this.knowledge = knowledge;
    }

    /** One likely problem of one task. */
    public record Prediction(String taskId, String kind, String message, List<NoteRef> evidence) {
    }

    /**
     * @param tasks the plan's tasks with the estimates their planner gave (not those ce_plan corrected, or the
     *              learned factor would be applied twice)
     */
    public List<Prediction> predict(List<TaskSpec> tasks) {
        boolean notes = knowledge.awaitOpen();
        PatternSet patterns = store.read().patterns();
        // one search per pattern, however many tasks it concerns
        Map<String, List<NoteRef>> notesOfPattern = new HashMap<>();
        Function<Pattern, List<NoteRef>> evidence = pattern -> notesOfPattern.computeIfAbsent(pattern.key(),
                key -> notes ? patternNotes(pattern) : List.of());
        List<Prediction> predictions = new ArrayList<>();
        for (PlanNote note : ruleNotes.apply(tasks)) {
            if (note.rule().startsWith(LEARNED_RULE_PREFIX)) {
                predictions.add(new Prediction(note.task(), "rule", note.text() + " (rule " + note.rule() + ")",
                        List.of()));
            }
        }
        for (TaskSpec task : tasks) {
            for (Pattern.EstimateBias bias : patterns.estimateBiases()) {
                if (appliesTo(bias, task)) {
                    predictions.add(new Prediction(task.id(), "estimate", String.format(Locale.ROOT,
                            "tasks of kind '%s' took %.2fx their estimate (%d samples, confidence %.2f): expect "
                                    + "about %.0f minutes, estimated %s", bias.kind(), bias.factor(), bias.samples(),
                            bias.confidence(), task.estimateMinutes() * bias.factor(),
                            PlainNumbers.figures(task.estimateMinutes(), 3)), evidence.apply(bias)));
                }
            }
            for (Pattern.ReviewRequirement review : patterns.reviewRequirements()) {
                if (appliesTo(review, task)) {
                    predictions.add(new Prediction(task.id(), "review", "tasks of kind '" + review.kind()
                            + "' writing under " + review.pathPrefix() + " needed " + review.dimension().wireName()
                            + " rework " + review.samples() + " time(s): plan a " + review.dimension().wireName()
                            + " review of this task early", evidence.apply(review)));
                }
            }
            if (notes) {
                similarFailures(task).ifPresent(predictions::add);
            }
        }
        return predictions;
    }

    /**
     * The learned patterns that speak about {@code task}, in the order of its predictions: the estimate biases of its
     * kind, then the review requirements of its kind under a folder it writes into. The learning experiment scores
     * ce_predict's predictions through this.
     */
    public static List<Pattern> applying(TaskSpec task, PatternSet patterns) {
        List<Pattern> applying = new ArrayList<>();
        patterns.estimateBiases().stream().filter(bias -> appliesTo(bias, task)).forEach(applying::add);
        patterns.reviewRequirements().stream().filter(review -> appliesTo(review, task)).forEach(applying::add);
        return applying;
    }

    private static boolean appliesTo(Pattern.EstimateBias bias, TaskSpec task) {
        return bias.kind().equals(task.kind());
    }

    private static boolean appliesTo(Pattern.ReviewRequirement review, TaskSpec task) {
        return review.kind().equals(task.kind())
                && task.writes().stream().anyMatch(path -> path.startsWith(review.pathPrefix()));
    }

    private Optional<Prediction> similarFailures(TaskSpec task) {
        List<RelatedNote> failures = knowledge.related(RelatedLearnings.text(task), Optional.of("failure"),
                FAILURES_PER_TASK);
        if (failures.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Prediction(task.id(), "failure", "past failures like this task: "
                + String.join("; ", failures.stream().map(failure -> failure.note().title()).toList()),
                failures.stream().map(RelatedNote::note).toList()));
    }

    /** The pattern notes ce_learn wrote for {@code pattern} (their titles start the same way), best first. */
    private List<NoteRef> patternNotes(Pattern pattern) {
        String stem = switch (pattern) {
            case Pattern.EstimateBias bias -> bias.kind() + " takes "; // the factor changes from note to note
            case Pattern.ReviewRequirement review -> review.summary();
            case Pattern.GateThreshold gate -> "gate " + gate.metric();
            case Pattern.EscalationPreference preference -> "escalated reviews where "
                    + QualitySituation.describe(preference.situation());
        };
        return knowledge.titled(PatternNotes.TYPE, stem, NOTES_PER_PATTERN);
    }
}
