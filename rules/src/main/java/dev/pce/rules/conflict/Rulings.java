package dev.pce.rules.conflict;

import dev.pce.engine.conflict.Action;
import dev.pce.engine.conflict.Contender;
import dev.pce.engine.conflict.QualityDecision;
import dev.pce.engine.conflict.TimelineDecision;
import dev.pce.rules.gate.Unit;
import org.kie.api.runtime.rule.RuleContext;

/**
 * What a conflict rule's consequence calls to record its ruling. Each helper stamps the deciding rule's name, so a
 * DRL author cannot forget it.
 *
 * <p>Rulings are inserted plainly, not logically: the rules guard themselves with "no ruling yet"
 * ({@code not ResourceRuling(taskId == $id)}), and a logical insert would withdraw itself as soon as it made that
 * guard false.
 */
public final class Rulings {

    private Rulings() {
    }

    /** The contender goes ahead. */
    public static void proceed(RuleContext rule, Contender contender, String reason) {
        insert(rule, new ResourceRuling(contender.taskId(), Action.PROCEED, name(rule), reason));
    }

    /** The contender waits for the contenders it overlaps that proceed (the arbiter names them). */
    public static void waits(RuleContext rule, Contender contender, String reason) {
        insert(rule, new ResourceRuling(contender.taskId(), Action.WAIT, name(rule), reason));
    }

    /**
     * What a review panel adds up to.
     *
     * @param approval  the overall approval the rule weighed
     * @param objection the overall objection the rule weighed
     */
    public static void quality(RuleContext rule, QualityDecision decision, int approval, int objection,
                               String reason) {
        insert(rule, new QualityRuling(decision, approval, objection, name(rule), reason));
    }

    /** The overrun factor k for the running task. */
    public static void factor(RuleContext rule, double k, String reason) {
        insert(rule, new OverrunFactor(k, name(rule), reason));
    }

    /**
     * What a running task's time calls for.
     *
     * @param proposedEstimateMinutes the estimate to plan with from now (the current one unless rescheduled)
     * @param suggestion              what to do; empty when there is nothing to do
     */
    public static void timeline(RuleContext rule, TimelineDecision decision, double proposedEstimateMinutes,
                                String suggestion, String reason) {
        insert(rule, new TimelineRuling(decision, proposedEstimateMinutes, suggestion, name(rule), reason));
    }

    /** A number as reasons write it: "105", "72.5". */
    public static String number(double value) {
        return Unit.COUNT.format(value);
    }

    /** "105 minutes". */
    public static String minutes(double value) {
        return number(value) + (value == 1 ? " minute" : " minutes");
    }

    private static String name(RuleContext rule) {
        return rule.getRule().getName();
    }

    private static void insert(RuleContext rule, Object ruling) {
        rule.getKieRuntime().insert(ruling);
    }
}
