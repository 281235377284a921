package dev.pce.engine.learning;

/**
 * How sure a pattern is, from how many observations back it: {@code n / (n + 3)}. Three samples give 0.5, nine
 * 0.75, thirty 0.91; it never reaches 1, so a long-standing pattern still yields to strong new evidence in the
 * running combination. Patterns imported from another project count at half that until this project confirms them.
 */
public final class Confidence {
    /** The samples at which confidence is one half. */
    public static final double HALF_AT_SAMPLES = 3;
    /** The weight of an imported, unconfirmed pattern's confidence. */
    public static final double IMPORTED_WEIGHT = 0.5;

    private Confidence() {
    }

    public static double of(int samples) {
        return samples <= 0 ? 0 : samples / (samples + HALF_AT_SAMPLES);
    }

    /** The confidence of a pattern with {@code samples} and this origin. */
    public static double of(int samples, PatternOrigin origin) {
        return origin.imported() && !origin.confirmed() ? of(samples) * IMPORTED_WEIGHT : of(samples);
    }
}
