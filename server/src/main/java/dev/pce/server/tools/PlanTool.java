package dev.pce.server.tools;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.pce.engine.Cancellation;
import dev.pce.engine.CeException;
import dev.pce.engine.Limits;
import dev.pce.engine.learning.EstimateCorrections;
import dev.pce.engine.learning.LearnedDecision;
import dev.pce.engine.learning.LearnedPlanning;
import dev.pce.engine.learning.RelatedLearnings;
import dev.pce.engine.learning.SplitSuggestions;
import dev.pce.engine.learning.RelatedLearnings.TaskLearnings;
import dev.pce.engine.model.TaskSpec;
import dev.pce.engine.model.Ids;
import dev.pce.engine.pools.PoolAdvisor;
import dev.pce.engine.pools.PoolRecommendation;
import dev.pce.engine.pools.SizingPolicy;
import dev.pce.engine.schedule.ScheduleView;
import dev.pce.engine.service.PlanResult;
import dev.pce.engine.service.WorkflowService;
import dev.pce.pkm.knowledge.VaultKnowledgeStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** ce_plan: stores a goal and its tasks as a new workflow, with the past learnings related to each task. */
public final class PlanTool implements CeTool {
    private static final Logger LOG = LoggerFactory.getLogger(PlanTool.class);

    private final WorkflowService workflows;
    private final VaultKnowledgeStore knowledge;
    private final LearnedPlanning learned;
    private final PoolAdvisor pools;
    private final SplitSuggestions splits;

    public PlanTool(WorkflowService workflows, VaultKnowledgeStore knowledge, LearnedPlanning learned) {
        this(workflows, knowledge, learned, new PoolAdvisor(workflows.workspace(), SizingPolicy.DEFAULT,
                Clock.systemUTC()));
    }

    /**
     * @param learned the rules' decisions on a plan (the learned rules in force), applied before it is stored
     * @param pools   recommends pool sizes for each plan from the workspace's history, and applies them if set to
     */
    public PlanTool(WorkflowService workflows, VaultKnowledgeStore knowledge, LearnedPlanning learned,
                    PoolAdvisor pools) {
        this(workflows, knowledge, learned, pools, SplitSuggestions.DEFAULT);
    }

    /** @param splits which tasks the answer suggests splitting: longer than one session, or risky */
    public PlanTool(WorkflowService workflows, VaultKnowledgeStore knowledge, LearnedPlanning learned,
                    PoolAdvisor pools, SplitSuggestions splits) {
        this.splits = splits;
        this.workflows = workflows;
        this.knowledge = knowledge;
        this.learned = learned;
        this.pools = pools;
    }

    @Override
    public String name() {
        return ToolName.CE_PLAN.wireName();
    }

    /**
     * The stored plan; the estimates the learned rules corrected (original, corrected, why); every decision of the
     * rules with the rule and learned version that took it (corrected estimates, added early reviews); when the
     * vaults hold related notes, the learnings per task; and, once a workflow of the workspace has finished, the pool
     * sizes recommended for this plan from history (applied when the project's pool_sizing says so); the tasks
     * worth splitting (ce_edit splits them).
     */
    public record Output(@JsonUnwrapped PlanResult plan, List<EstimateCorrections.Correction> estimateCorrections,
                         List<LearnedDecision> learnedDecisions, List<TaskLearnings> learnings,
                         Optional<String> learningsNotice, Optional<PoolRecommendation> poolRecommendations,
                         List<SplitSuggestions.Suggestion> splitSuggestions) {
    }

    @Override
    public ToolOutput call(ToolArgs args) {
        return call(args, Cancellation.none());
    }

    /** Stops, storing nothing, when cancelled before the workflow is created (a plan of thousands takes seconds). */
    @Override
    public ToolOutput call(ToolArgs args, Cancellation cancellation) {
        String goal = args.requiredString("goal", Limits.MAX_TEXT_LENGTH);
        String agent = args.optionalString("agent", Limits.MAX_ID_LENGTH)
                .map(name -> Ids.requireName(name, "agent")).orElse("planner");
        List<TaskSpec> tasks = PlanTasks.read(args);
        // the learned rules decide before the plan is scheduled: estimates of kinds whose past tasks ran long (or
        // short), early reviews where such tasks kept failing review
        LearnedPlanning.Amended amended = learned.amend(goal, tasks, cancellation);
        PoolAdvisor.Advice sizing = pools.forPlan();
        PlanResult plan = workflows.plan(goal, amended.tasks(), agent, amended.plannedEstimates(), cancellation,
                sizing, amended.edges());
        List<SplitSuggestions.Suggestion> worthSplitting = splits.of(amended);
        AnswerPrefixes prefixes = new AnswerPrefixes();
        ScheduleView schedule = plan.schedule();
        ScheduleView scheduleAnswered = new ScheduleView(schedule.etaMinutes(), schedule.remainingMinutes(),
                schedule.sequentialMinutes(), schedule.speedup(), prefixes.of(schedule.criticalPath(),
                "/schedule/critical_path"), schedule.criticalPathMinutes(), schedule.lowerBoundMinutes(),
                schedule.utilization(), prefixes.ofNested(schedule.waves(), "/schedule/waves"));
        PlanResult answered = new PlanResult(plan.workflowId(), plan.goal(), plan.taskCount(),
                prefixes.of(plan.tasks(), "/tasks"), prefixes.of(plan.edges(), "/edges"),
                prefixes.of(plan.readyNow(), "/ready_now"), plan.pools(), scheduleAnswered, plan.eventLog());
        Map<String, Integer> totals = prefixes.totals();
        try {
            return ToolOutput.json(new Output(answered, amended.corrections(), amended.decisions(),
                    RelatedLearnings.forTasks(knowledge, plan.tasks()), Optional.empty(), sizing.recommendation(),
                    worthSplitting)).cutBefore(totals);
        } catch (CeException e) { // the plan is stored; missing learnings must not hide that
            LOG.warn("ce_plan: no related learnings: {}", e.describe());
            return ToolOutput.json(new Output(answered, amended.corrections(), amended.decisions(), List.of(),
                    Optional.of("No related learnings: " + e.describe()), sizing.recommendation(), worthSplitting))
                    .cutBefore(totals);
        }
    }
}
