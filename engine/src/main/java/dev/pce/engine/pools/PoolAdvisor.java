package dev.pce.engine.pools;

import dev.pce.engine.dependency.ClassifiedEdge;
import dev.pce.engine.event.Event;
import dev.pce.engine.event.WorkflowPlanned;
import dev.pce.engine.model.TaskSpec;
import dev.pce.engine.schedule.PoolSlots;
import dev.pce.engine.service.PoolChoice;
import dev.pce.engine.workspace.Workspace;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Pool sizes for the workspace's next plans: each plan gets a recommendation from the workspace's finished
 * workflows, applied when the {@link SizingPolicy} says so. Without a finished workflow there is no history and no
 * recommendation. Thread-safe; each {@link Advice} is for one plan.
 */
public final class PoolAdvisor {
    private final PoolHistoryReader history;
    private final SizingPolicy policy;
    private final Clock clock;

    public PoolAdvisor(Workspace workspace, SizingPolicy policy, Clock clock) {
        this.history = new PoolHistoryReader(workspace);
        this.policy = policy;
        this.clock = clock;
    }

    public SizingPolicy policy() {
        return policy;
    }

    /**
     * The recommendation for a workflow's plan as its log records it (planner's estimates, classified relations),
     * e.g. for a report; empty without history or without a plan in the log.
     */
    public static Optional<PoolRecommendation> forLoggedPlan(List<Event> events, PoolHistory history,
                                                             PoolSlots current, SizingPolicy policy) {
        if (history.workflows() == 0 || events.isEmpty()
                || !(events.getFirst().payload() instanceof WorkflowPlanned planned)) {
            return Optional.empty();
        }
        List<TaskSpec> plannerTasks = planned.tasks().stream()
                .map(task -> task.withEstimate(planned.plannedEstimate(task))).toList();
        return Optional.of(PoolOptimizer.recommend(plannerTasks, planned.edges(), current, history, policy));
    }

    /** The choice for one plan, reading the history when the plan is scheduled; ask it for its recommendation after. */
    public Advice forPlan() {
        return new Advice();
    }

    /** One plan's pool choice, and the recommendation behind it once the plan was scheduled. Not thread-safe. */
    public final class Advice implements PoolChoice {
        private PoolRecommendation recommendation;

        private Advice() {
        }

        @Override
        public PoolSlots choose(List<TaskSpec> tasks, List<ClassifiedEdge> edges, Map<String, Double> plannerEstimates,
                                PoolSlots configured) {
            PoolHistory past = history.read(clock.instant());
            if (past.workflows() == 0) {
                return configured;
            }
            List<TaskSpec> plannerTasks = tasks.stream().map(task -> plannerEstimates.containsKey(task.id())
                    ? task.withEstimate(plannerEstimates.get(task.id())) : task).toList();
            recommendation = PoolOptimizer.recommend(plannerTasks, edges, configured, past, policy);
            if (policy.apply() && recommendation.changes()) {
                recommendation = recommendation.asApplied();
                return recommendation.applyTo(configured);
            }
            return configured;
        }

        /** The recommendation for the plan; empty before it was scheduled, or without history. */
        public Optional<PoolRecommendation> recommendation() {
            return Optional.ofNullable(recommendation);
        }
    }
}
