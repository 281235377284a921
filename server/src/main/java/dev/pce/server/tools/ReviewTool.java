package dev.pce.server.tools;

import dev.pce.engine.Limits;
import dev.pce.engine.conflict.DimensionReview;
import dev.pce.engine.conflict.ReviewVerdict;
import dev.pce.engine.gate.Dimension;
import dev.pce.engine.service.ReviewOutcome;
import dev.pce.engine.service.WorkflowService;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * ce_review: a reviewer reports the review task it claimed, with a verdict per dimension and findings. Approval
 * completes it; changes requested or a rejection also send rework to the reviewed tasks' pools, followed by a
 * review of the rework that the review's dependents wait for.
 */
public final class ReviewTool implements CeTool {
    private final WorkflowService workflows;

    public ReviewTool(WorkflowService workflows) {
        this.workflows = workflows;
    }

    @Override
    public String name() {
        return ToolName.CE_REVIEW.wireName();
    }

    @Override
    public ToolOutput call(ToolArgs args) {
        String workflowId = CommonArgs.workflowId(args);
        String taskId = CommonArgs.taskId(args);
        String agent = CommonArgs.agent(args);
        List<DimensionReview> reviews = new ArrayList<>();
        Set<Dimension> seen = EnumSet.noneOf(Dimension.class);
        for (ToolArgs item : args.objectList("verdicts", Dimension.values().length)) {
            Dimension dimension = FindingArgs.dimension(item);
            if (!seen.add(dimension)) {
                throw ToolArgs.invalid(item.where("dimension") + " '" + dimension.wireName() + "' has a verdict "
                        + "already.", "Give one verdict per dimension.");
            }
            String text = item.requiredText("verdict", 32);
            ReviewVerdict verdict;
            try {
                verdict = ReviewVerdict.parse(text);
            } catch (IllegalArgumentException e) {
                throw ToolArgs.invalid(item.where("verdict") + " is '" + text + "'.",
                        "Use approve, request_changes or reject.");
            }
            reviews.add(new DimensionReview(dimension, verdict,
                    FindingArgs.findings(item, "findings", dimension, "review:" + taskId)));
        }
        if (reviews.isEmpty()) {
            throw ToolArgs.invalid(args.where("verdicts") + " is empty.",
                    "Give a verdict for at least one dimension, e.g. "
                            + "{\"dimension\": \"tests\", \"verdict\": \"approve\"}.");
        }
        ReviewOutcome outcome = workflows.review(workflowId, taskId, CommonArgs.claimId(args), agent, reviews,
                args.optionalString("summary", Limits.MAX_TEXT_LENGTH).orElse(""));
        return ToolOutput.json(outcome);
    }
}
