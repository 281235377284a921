package dev.pce.server.tools;

import dev.pce.engine.learning.PatternRejection;
import dev.pce.engine.learning.WorkflowLearner;

import java.util.List;
import java.util.Optional;

/**
 * ce_learn_from: imports the learned patterns of another project's vault (its pattern notes), keeping their origin;
 * they apply at lower confidence until this project's own workflows confirm them, and become learned rules.
 */
public final class LearnFromTool implements CeTool {
    private final WorkflowLearner learner;

    public LearnFromTool(WorkflowLearner learner) {
        this.learner = learner;
    }

    @Override
    public String name() {
        return ToolName.CE_LEARN_FROM.wireName();
    }

    /** What ce_learn_from answers. */
    public record Output(String vault, List<LearnTool.PatternView> imported, long storeVersion,
                         List<LearnTool.PatternView> patterns, Optional<Integer> rulesVersion,
                         Optional<String> rulesNotice, List<PatternRejection> rejectedPatterns) {
    }

    @Override
    public ToolOutput call(ToolArgs args) {
        WorkflowLearner.Imported imported = learner.importFrom(args.requiredText("vault", 64).strip());
        return ToolOutput.json(new Output(imported.vault(),
                imported.read().stream().map(LearnTool.PatternView::of).toList(), imported.storeVersion(),
                imported.patterns().stream().map(LearnTool.PatternView::of).toList(), imported.rulesVersion(),
                imported.rulesNotice(), imported.rejectedPatterns()));
    }
}
