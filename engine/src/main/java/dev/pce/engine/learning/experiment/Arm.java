package dev.pce.engine.learning.experiment;

import dev.pce.engine.learning.Pattern;
import dev.pce.engine.learning.PatternSet;

/**
 * What one arm of the experiment applies of what it learned: nothing (learning off, the ablation), the estimate
 * corrections only, the review requirements only (early reviews), or both (the compound loop as PCE runs it). Every
 * arm but {@link #OFF} learns from its own history.
 */
public enum Arm {
    OFF("off"), ESTIMATES("estimates only"), REVIEWS("reviews only"), BOTH("both");

    private final String label;

    Arm(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The part of {@code learned} this arm plans with. */
    public PatternSet applied(PatternSet learned) {
        return new PatternSet(learned.patterns().stream().filter(this::applies).toList());
    }

    private boolean applies(Pattern pattern) {
        return switch (this) {
            case OFF -> false;
            case ESTIMATES -> pattern instanceof Pattern.EstimateBias;
            case REVIEWS -> pattern instanceof Pattern.ReviewRequirement;
            case BOTH -> true;
        };
    }
}
