package dev.pce.server.tools;

import dev.pce.engine.Cancellation;
import dev.pce.engine.PlainNumbers;
import dev.pce.engine.knowledge.NoteRef;
import dev.pce.engine.learning.LearningReport;
import dev.pce.engine.learning.Pattern;
import dev.pce.engine.learning.PatternOrigin;
import dev.pce.engine.learning.PatternRejection;
import dev.pce.engine.learning.WorkflowLearner;

import java.util.List;
import java.util.Optional;

/**
 * ce_learn: learn from a workflow's history: estimate accuracy per kind and pool, failure causes, gate failures,
 * conflicts, rework loops; the patterns they support, merged into the workspace's store and written as notes.
 */
public final class LearnTool implements CeTool {
    private final WorkflowLearner learner;

    public LearnTool(WorkflowLearner learner) {
        this.learner = learner;
    }

    @Override
    public String name() {
        return ToolName.CE_LEARN.wireName();
    }

    /** A pattern as the answer shows it: its confidence to two decimals, as a person reads it. */
    public record PatternView(String key, String summary, int samples, double confidence, List<String> workflows,
                              PatternOrigin origin) {
        static PatternView of(Pattern pattern) {
            return new PatternView(pattern.key(), pattern.summary(), pattern.samples(),
                    PlainNumbers.decimals(pattern.confidence(), 2), pattern.workflows(), pattern.origin());
        }
    }

    /** What ce_learn answers. */
    public record Output(String workflowId, LearningReport report, List<PatternView> learned, long storeVersion,
                         List<PatternView> patterns, List<NoteRef> notes, Optional<Integer> rulesVersion,
                         Optional<String> rulesNotice, List<PatternRejection> rejectedPatterns, boolean unchanged) {
    }

    @Override
    public ToolOutput call(ToolArgs args) {
        return call(args, Cancellation.none());
    }

    /** Stops, storing nothing, when cancelled before the patterns are saved (a long history takes seconds). */
    @Override
    public ToolOutput call(ToolArgs args, Cancellation cancellation) {
        WorkflowLearner.Outcome outcome = learner.learn(CommonArgs.workflowId(args), cancellation);
        return ToolOutput.json(output(outcome));
    }

    static Output output(WorkflowLearner.Outcome outcome) {
        return new Output(outcome.workflowId(), outcome.report(),
                outcome.learned().stream().map(PatternView::of).toList(), outcome.storeVersion(),
                outcome.patterns().stream().map(PatternView::of).toList(), outcome.notes(), outcome.rulesVersion(),
                outcome.rulesNotice(), outcome.rejectedPatterns(), outcome.unchanged());
    }
}
