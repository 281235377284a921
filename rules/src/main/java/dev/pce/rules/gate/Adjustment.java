package dev.pce.rules.gate;

import dev.pce.engine.gate.ProjectType;
import dev.pce.engine.gate.ThresholdAdjustment;

import java.util.ArrayList;
import java.util.List;

/**
 * A threshold adjustment that applies to the gate's project type, as the gate rules see it.
 *
 * @param precedence for one metric, the adjustment with the highest precedence wins: one for the gate's project
 *                   type beats one for every type, and a later one in the request beats an earlier one
 */
public record Adjustment(String metric, double threshold, String origin, int precedence) {

    /** The adjustments of {@code requested} that apply to {@code type}, with their precedence. */
    static List<Adjustment> applicable(List<ThresholdAdjustment> requested, ProjectType type) {
        List<Adjustment> result = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            ThresholdAdjustment adjustment = requested.get(i);
            if (adjustment.appliesTo(type)) {
                int specificity = adjustment.projectType().isPresent() ? requested.size() : 0;
                result.add(new Adjustment(adjustment.metric(), adjustment.threshold(), adjustment.origin(),
                        specificity + i));
            }
        }
        return result;
    }
}
