package dev.pce.server.tools;

import dev.pce.engine.dependency.PlanNote;
import dev.pce.engine.evidence.EvidenceLocations;
import dev.pce.engine.learning.LearnedPlanning;
import dev.pce.engine.learning.LearnedRulesSink;
import dev.pce.engine.learning.PlanDecider;
import dev.pce.engine.learning.PatternStore;
import dev.pce.engine.learning.SplitSuggestions;
import dev.pce.engine.learning.ThresholdBounds;
import dev.pce.engine.pools.PoolAdvisor;
import dev.pce.engine.pools.SizingPolicy;
import dev.pce.engine.learning.PlanPredictions;
import dev.pce.engine.learning.WorkflowLearner;
import dev.pce.engine.model.TaskSpec;
import dev.pce.engine.service.WorkflowService;
import dev.pce.pkm.knowledge.VaultKnowledgeStore;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Every tool the server offers, wired to the engine, in the order of {@link ToolName}. */
public final class ToolCatalog {

    /** The names of {@link #create}'s tools, known before the engine is up (the server prepares their contracts). */
    public static final List<String> TOOL_NAMES = ToolName.wireNames();

    private ToolCatalog() {
    }

    /**
     * @param knowledge    the vaults, the one object every note tool reads and writes through
     * @param learnedRules the learned rules ce_learn rewrites the learned patterns into; empty: none
     * @param ruleNotes    the dependency rules' notes on a plan, which ce_predict reports when learned rules say them
     */
    public static List<CeTool> create(WorkflowService workflows, VaultKnowledgeStore knowledge,
                                      EvidenceLocations evidenceScope,
                                      Optional<? extends LearnedRulesSink> learnedRules,
                                      Function<List<TaskSpec>, List<PlanNote>> ruleNotes, Clock clock) {
        return create(workflows, knowledge, evidenceScope, learnedRules, ThresholdBounds.NONE, ruleNotes,
                PlanDecider.NONE, SizingPolicy.DEFAULT, SplitSuggestions.DEFAULT, clock);
    }

    /**
     * @param thresholdBounds what bounds learned gate thresholds: the project's bands, its gate rules' thresholds
     * @param decider         the rules' decisions on a plan, which ce_plan applies (the learned rules in force)
     * @param sizing          the budget ce_plan recommends pool sizes within, and whether it applies them
     * @param splits          which tasks ce_plan suggests splitting (the project's session length)
     */
    public static List<CeTool> create(WorkflowService workflows, VaultKnowledgeStore knowledge,
                                      EvidenceLocations evidenceScope,
                                      Optional<? extends LearnedRulesSink> learnedRules,
                                      ThresholdBounds thresholdBounds,
                                      Function<List<TaskSpec>, List<PlanNote>> ruleNotes, PlanDecider decider,
                                      SizingPolicy sizing, SplitSuggestions splits, Clock clock) {
        WorkflowLearner learner = new WorkflowLearner(workflows, knowledge, learnedRules, thresholdBounds, clock);
        PatternStore patterns = PatternStore.inWorkspace(workflows.workspace().root());
        return List.of(new PlanTool(workflows, knowledge, new LearnedPlanning(decider),
                new PoolAdvisor(workflows.workspace(), sizing, clock), splits), new StatusTool(workflows),
                new EventsTool(workflows), new ClaimTool(workflows), new CompleteTool(workflows),
                new FailTool(workflows), new ProgressTool(workflows), new CaptureTool(workflows, knowledge, clock),
                new SearchTool(knowledge), new NoteTool(knowledge), new NoteEditTool(knowledge),
                new GateTool(workflows, evidenceScope),
                new GateReportTool(workflows, evidenceScope), new ReviewTool(workflows), new ResolveTool(workflows),
                new EditTool(workflows),
                new LearnTool(learner), new LearnFromTool(learner),
                new PredictTool(workflows, new PlanPredictions(patterns, ruleNotes, knowledge)));
    }
}
