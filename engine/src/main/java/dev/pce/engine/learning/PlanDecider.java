package dev.pce.engine.learning;

import dev.pce.engine.Cancellation;
import dev.pce.engine.dependency.PlanDecisions;
import dev.pce.engine.model.TaskSpec;

import java.util.List;

/**
 * The port through which the rules decide a plan's estimates and reviews (implemented by the rules module with the
 * dependency rules and the learned rules in force): what {@code ce_plan} applies before it stores the plan.
 */
public interface PlanDecider {
    /** Decides nothing: no rules, or nothing learned. */
    PlanDecider NONE = new PlanDecider() {
        @Override
        public boolean mayDecide() {
            return false;
        }

        @Override
        public PlanDecisions decide(List<TaskSpec> tasks, Cancellation cancellation) {
            return PlanDecisions.NONE;
        }
    };

    /**
     * Whether asking can return any decision (a workspace that learned nothing has no rule that decides): when not,
     * the plan is not classified an extra time.
     */
    boolean mayDecide();

    /**
     * The decisions on a plan that passed validation (pools resolved).
     *
     * @throws dev.pce.engine.CeException {@code INVALID_PLAN} as classifying the plan would
     * @throws Cancellation.Cancelled     when cancelled
     */
    PlanDecisions decide(List<TaskSpec> tasks, Cancellation cancellation);
}
