package dev.pce.server.tools;

import dev.pce.engine.learning.PlanPredictions;
import dev.pce.engine.service.WorkflowService;

import java.util.List;

/** ce_predict: the likely problems of a planned workflow, from learned patterns and past failure notes. */
public final class PredictTool implements CeTool {
    private final WorkflowService workflows;
    private final PlanPredictions predictions;

    public PredictTool(WorkflowService workflows, PlanPredictions predictions) {
        this.workflows = workflows;
        this.predictions = predictions;
    }

    @Override
    public String name() {
        return ToolName.CE_PREDICT.wireName();
    }

    /** What ce_predict answers. */
    public record Output(String workflowId, List<PlanPredictions.Prediction> predictions) {
    }

    @Override
    public ToolOutput call(ToolArgs args) {
        String workflowId = CommonArgs.workflowId(args);
        return ToolOutput.json(new Output(workflowId, predictions.predict(workflows.plannersTasks(workflowId))));
    }
}
