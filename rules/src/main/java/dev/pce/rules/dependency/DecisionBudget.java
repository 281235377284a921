package dev.pce.rules.dependency;

import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.engine.dependency.ClassifiedEdge;
import dev.pce.engine.workflow.PlanCapacity;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;

import java.util.Locale;

/**
 * Stops a session whose rules decide far more relations than the plan may hold: a rule that pairs tasks (a
 * project's own, say "every docs task waits for every build") would otherwise build millions before anyone counts.
 * The bound is twice the plan's, so the few relations that two rules decide alike never refuse a plan that the exact
 * count after the rules would take.
 */
final class DecisionBudget extends DefaultRuleRuntimeEventListener {
    private final int maxEdges;
    private final int stopAt;
    private int live;
    private boolean exceeded;

    private DecisionBudget(int maxEdges) {
        this.maxEdges = maxEdges;
        this.stopAt = maxEdges > Integer.MAX_VALUE / 2 ? Integer.MAX_VALUE : 2 * maxEdges;
    }

    /**
     * A budget listening to {@code session}. Registered here, not by the classifier: passing this as a Drools listener
     * makes the JVM's verifier load Drools' listener interface with the calling class, and the classifier is loaded
     * on the server's start path, which must not touch the on-demand jar.
     */
    static DecisionBudget watch(KieSession session, int maxEdges) {
        return watch(session, maxEdges, 0);
    }

    /** @param decidedAside relations decided outside the session (kept out as no rule could see them), counted too */
    static DecisionBudget watch(KieSession session, int maxEdges, int decidedAside) {
        DecisionBudget budget = new DecisionBudget(maxEdges);
        budget.live = decidedAside;
        budget.exceeded = decidedAside > budget.stopAt;
        session.addEventListener(budget);
        return budget;
    }

    @Override
    public void objectInserted(ObjectInsertedEvent event) {
        if (event.getObject() instanceof ClassifiedEdge && ++live > stopAt && !exceeded) {
            exceeded = true;
            event.getKieRuntime().halt();
        }
    }

    @Override
    public void objectDeleted(ObjectDeletedEvent event) {
        if (event.getOldObject() instanceof ClassifiedEdge) {
            live--;
        }
    }

    /** @throws CeException {@link ErrorCode#INVALID_PLAN} once the rules went past the bound */
    void check() {
        if (exceeded) {
            throw new CeException(ErrorCode.INVALID_PLAN, String.format(Locale.ROOT, "Plan rejected: the dependency"
                    + " rules decided more than %,d relations between its tasks (they were stopped there), more than"
                    + " the %,d it may hold.", stopAt, maxEdges), PlanCapacity.edgeFix());
        }
    }
}
