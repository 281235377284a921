package dev.pce.server.tools;

import dev.pce.engine.service.WorkflowService;
import dev.pce.server.knowledge.LearningsAccess;
import dev.pce.engine.learning.PatternStore;
import dev.pce.engine.model.TaskSpec;
import dev.pce.rules.dependency.PlanNote;
import dev.pce.rules.learned.LearnedRules;
import dev.pce.server.learning.PlanPredictions;
import dev.pce.server.learning.WorkflowLearner;
import dev.pce.server.quality.EvidenceIntake;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;

import java.util.List;

/** Every tool the server offers, wired to the engine, in the order of {@link ToolName}. */
public final class ToolCatalog {

    /** The names of {@link #create}'s tools, known before the engine is up (the server prepares their contracts). */
    public static final List<String> TOOL_NAMES = ToolName.wireNames();

    private ToolCatalog() {
    }

    public static List<CeTool> create(WorkflowService workflows, LearningsAccess learnings, EvidenceIntake intake,
                                      Optional<LearnedRules> learnedRules,
                                      Function<List<TaskSpec>, List<PlanNote>> ruleNotes, Clock clock) {
        WorkflowLearner learner = new WorkflowLearner(workflows, learnings::ifOpenOrWait, learnedRules, clock);
        return List.of(new PlanTool(workflows, learnings), new StatusTool(workflows), new EventsTool(workflows),
                new ClaimTool(workflows), new CompleteTool(workflows), new FailTool(workflows),
                new ProgressTool(workflows), new CaptureTool(workflows, learnings, clock), new SearchTool(learnings),
                new NoteTool(learnings), new GateTool(workflows, intake), new GateReportTool(workflows, intake),
                new ReviewTool(workflows), new ResolveTool(workflows),
                new LearnTool(learner), new LearnFromTool(learner), new PredictTool(workflows, learnings,
                        new PlanPredictions(PatternStore.inWorkspace(workflows.workspace().root()),
                                ruleNotes)));
    }
}
