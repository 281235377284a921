package dev.pce.server.learning;

import dev.pce.engine.learning.Pattern;
import dev.pce.engine.learning.PatternSet;
import dev.pce.engine.learning.PatternStore;
import dev.pce.engine.model.TaskSpec;
import dev.pce.pkm.index.SearchFilters;
import dev.pce.engine.dependency.PlanNote;
import dev.pce.pkm.index.SearchHit;
import dev.pce.pkm.index.SearchQuery;
import dev.pce.server.knowledge.Learnings;
import dev.pce.server.knowledge.NoteRefs;
import dev.pce.server.knowledge.NoteRefs.NoteRef;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The likely problems of a plan, from what earlier workflows showed: kinds whose estimates run off, kinds and
 * folders that keep needing review rework, and past failures most like each task. Each prediction names the
 * evidence notes (the pattern notes ce_learn wrote, the failure notes found).
 */
public final class PlanPredictions {
    /** Failure notes per task: the most similar few, enough to read before starting. */
    static final int FAILURES_PER_TASK = 2;
    /** Learned rules are named after the pattern they came from. */
    static final String LEARNED_RULE_PREFIX = "learned:";

    private final PatternStore store;
    private final Function<List<TaskSpec>, List<PlanNote>> ruleNotes;

    /**
     * @param ruleNotes the notes the dependency rules give a plan; those of learned rules ("learned:..."), which the
     *                  learned patterns became, are predictions too
     */
    public PlanPredictions(PatternStore store, Function<List<TaskSpec>, List<PlanNote>> ruleNotes) {
        this.store = store;
        this.ruleNotes = ruleNotes;
    }

    /** One likely problem of one task. */
    public record Prediction(String taskId, String kind, String message, List<NoteRef> evidence) {
    }

    public List<Prediction> predict(List<TaskSpec> tasks, Optional<Learnings> vaults) {
        PatternSet patterns = store.read().patterns();
        // one search per pattern, however many tasks it concerns
        Map<String, List<NoteRef>> notesOfPattern = new HashMap<>();
        Function<Pattern, List<NoteRef>> evidence = pattern -> notesOfPattern.computeIfAbsent(pattern.key(),
                key -> patternNotes(vaults, pattern));
        List<Prediction> predictions = new ArrayList<>();
        for (PlanNote note : ruleNotes.apply(tasks)) {
            if (note.rule().startsWith(LEARNED_RULE_PREFIX)) {
                predictions.add(new Prediction(note.task(), "rule", note.text() + " (rule " + note.rule() + ")",
                        List.of()));
            }
        }
        for (TaskSpec task : tasks) {
            for (Pattern.EstimateBias bias : patterns.estimateBiases()) {
                if (bias.kind().equals(task.kind())) {
                    predictions.add(new Prediction(task.id(), "estimate", String.format(Locale.ROOT,
                            "tasks of kind '%s' took %.2fx their estimate (%d samples, confidence %.2f): plan about "
                                    + "%.0f minutes, not %.0f", bias.kind(), bias.factor(), bias.samples(),
                            bias.confidence(), task.estimateMinutes() * bias.factor(), task.estimateMinutes()),
                            evidence.apply(bias)));
                }
            }
            for (Pattern.ReviewRequirement review : patterns.reviewRequirements()) {
                if (review.kind().equals(task.kind())
                        && task.writes().stream().anyMatch(path -> path.startsWith(review.pathPrefix()))) {
                    predictions.add(new Prediction(task.id(), "review", "tasks of kind '" + review.kind()
                            + "' writing under " + review.pathPrefix() + " needed " + review.dimension().wireName()
                            + " rework " + review.samples() + " time(s): plan a " + review.dimension().wireName()
                            + " review of this task early", evidence.apply(review)));
                }
            }
            vaults.ifPresent(open -> similarFailures(open, task).ifPresent(predictions::add));
        }
        return predictions;
    }

    private static Optional<Prediction> similarFailures(Learnings open, TaskSpec task) {
        String text = task.title() + "\n" + task.description() + "\n" + String.join("\n", task.writes());
        List<SearchHit> hits = open.searcher().moreLikeText(text, SearchFilters.NONE.withTypes("failure"),
                FAILURES_PER_TASK).hits();
        if (hits.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Prediction(task.id(), "failure", "past failures like this task: "
                + String.join("; ", hits.stream().map(SearchHit::title).toList()),
                hits.stream().map(hit -> ref(open, hit)).toList()));
    }

    /** The pattern notes ce_learn wrote for {@code pattern} (their titles start the same way), best first. */
    private static List<NoteRef> patternNotes(Optional<Learnings> vaults, Pattern pattern) {
        String stem = switch (pattern) {
            case Pattern.EstimateBias bias -> bias.kind() + " takes "; // the factor changes from note to note
            case Pattern.ReviewRequirement review -> review.summary();
            case Pattern.GateThreshold gate -> "gate " + gate.metric();
        };
        SearchQuery query = new SearchQuery("\"" + stem.strip() + "\"", SearchFilters.NONE.withTypes("pattern"), 0,
                SearchQuery.MAX_LIMIT);
        return vaults.map(open -> open.searcher().search(query).hits().stream()
                .filter(hit -> hit.title().startsWith(stem)).limit(3).map(hit -> ref(open, hit)).toList())
                .orElse(List.of());
    }

    private static NoteRef ref(Learnings open, SearchHit hit) {
        return NoteRefs.ref(hit.vault(), open.ownName(), hit.id(), hit.path(), hit.title());
    }
}
