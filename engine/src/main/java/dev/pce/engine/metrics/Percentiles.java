package dev.pce.engine.metrics;

import java.util.Collection;
import java.util.OptionalDouble;

/**
 * Nearest-rank percentiles: the {@code q}-quantile of n samples is the ceil(q*n)-th smallest. Always one of the
 * samples, never interpolated, so "above the p95 of 5 samples" means "above the largest of them".
 */
public final class Percentiles {

    private Percentiles() {
    }

    /** The {@code q}-quantile (0 &lt; q &lt;= 1) of {@code samples}; empty when there are none. */
    public static OptionalDouble of(Collection<Double> samples, double q) {
        int rank = rank(samples.size(), q);
        if (samples.isEmpty()) {
            return OptionalDouble.empty();
        }
        double[] sorted = samples.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return OptionalDouble.of(sorted[rank - 1]);
    }

    /** Which of {@code n} sorted samples (1-based) is the {@code q}-quantile. */
    public static int rank(int n, double q) {
        if (!(q > 0 && q <= 1)) {
            throw new IllegalArgumentException("a quantile is in (0, 1], not " + q);
        }
        return Math.max((int) Math.ceil(q * n), 1);
    }
}
