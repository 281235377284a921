package dev.pce.engine.learning.experiment;

import dev.pce.engine.learning.Pattern;
import dev.pce.engine.learning.PatternSet;

import java.util.List;
import java.util.Optional;

/**
 * How well the learned patterns identify the planted ones ({@link HiddenTruth#planted()}).
 * <ul>
 *   <li>A learned pattern is a <em>claim</em> unless it is an estimate bias whose factor lies inside the band the
 *       learner itself calls unbiased (the store keeps tracking a kind once it was biased, so it can shrink back:
 *       a factor of 0.97 says "no bias") or it is about the experiment's own early reviews (their time includes the
 *       fix; they are the experiment's instrument, not part of the planted world).</li>
 *   <li>A claim <em>matches</em> a planted pattern when the keys are equal and, for an estimate bias, the learned
 *       factor is within {@link #FACTOR_TOLERANCE} of the planted one (|learned / planted - 1| at most 0.10).</li>
 *   <li>precision = matching claims / claims; recall = planted patterns matched / planted.</li>
 * </ul>
 */
public final class PatternIdentification {
    /** How far a learned factor may be from the planted one and still count as identified. */
    public static final double FACTOR_TOLERANCE = 0.10;

    private PatternIdentification() {
    }

    /**
     * @param claimed the learned patterns that claim something
     * @param planted the patterns a perfect learner would report
     * @param matched the claims that match a planted pattern (at most one each, so also the planted ones found)
     */
    public record Score(int claimed, int planted, int matched) {
        /** 1 when nothing was claimed: no claim was wrong. */
        public double precision() {
            return claimed == 0 ? 1 : (double) matched / claimed;
        }

        /** 1 when nothing was planted. */
        public double recall() {
            return planted == 0 ? 1 : (double) matched / planted;
        }
    }

    public static Score score(List<Pattern> planted, PatternSet learned) {
        List<Pattern> claims = learned.patterns().stream().filter(PatternIdentification::claims).toList();
        int matched = (int) claims.stream().filter(claim -> matches(claim, planted)).count();
        return new Score(claims.size(), planted.size(), matched);
    }

    /** Whether a learned pattern claims something (see the class comment). */
    public static boolean claims(Pattern pattern) {
        return switch (pattern) {
            case Pattern.EstimateBias bias -> HiddenTruth.biased(bias.factor())
                    && !bias.kind().equals(WorkflowSimulation.EARLY_REVIEW_KIND);
            case Pattern.ReviewRequirement review -> !review.kind().equals(WorkflowSimulation.EARLY_REVIEW_KIND);
            case Pattern.GateThreshold gate -> true;
            case Pattern.EscalationPreference preference -> true;
        };
    }

    public static boolean matches(Pattern claim, List<Pattern> planted) {
        Optional<Pattern> truth = planted.stream().filter(p -> p.key().equals(claim.key())).findFirst();
        return truth.isPresent() && switch (claim) {
            case Pattern.EstimateBias bias -> Math.abs(bias.factor() / ((Pattern.EstimateBias) truth.get()).factor()
                    - 1) <= FACTOR_TOLERANCE;
            case Pattern.ReviewRequirement review -> true;
            case Pattern.GateThreshold gate -> Math.abs(gate.threshold()
                    - ((Pattern.GateThreshold) truth.get()).threshold()) <= FACTOR_TOLERANCE;
            case Pattern.EscalationPreference preference -> (preference.approvedShare() >= 0.5)
                    == (((Pattern.EscalationPreference) truth.get()).approvedShare() >= 0.5);
        };
    }
}
