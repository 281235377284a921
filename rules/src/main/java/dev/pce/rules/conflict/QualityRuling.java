package dev.pce.rules.conflict;

import dev.pce.engine.conflict.QualityDecision;

/**
 * A quality rule's decision on a review panel; rules create it through {@link Rulings}.
 *
 * @param approval  the overall weight for approving, by the DRL's weights
 * @param objection the overall weight against
 */
public record QualityRuling(QualityDecision decision, int approval, int objection, String rule, String reason) {
}
