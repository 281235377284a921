package dev.pce.engine.gate;

/**
 * The port that judges a change's quality evidence (implemented by the Drools rules module). The policy decides
 * the criteria and their thresholds from the project type and any threshold adjustments, then judges each
 * criterion against the evidence. A gate never passes on absent or unreadable evidence for a required blocking
 * criterion.
 */
public interface GatePolicy {

    /**
     * Judges the evidence.
     *
     * @return every criterion with its verdict; {@link GateResult#blocking()} says whether the gate holds the change
     * @throws dev.pce.engine.CeException {@code INVALID_ARGUMENT} when an adjustment that applies to the request's
     *                                    project type names a metric no criterion judges, or sets a threshold
     *                                    outside the metric's range; the message names its origin
     */
    GateResult evaluate(GateRequest request);
}
