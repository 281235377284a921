package dev.pce.engine.learning;

import java.util.Arrays;
import java.util.List;

/**
 * Statistics of actual/estimated ratios: 1.0 is a perfect estimate, 1.6 took 60% longer than planned.
 *
 * @param count  how many ratios
 * @param median the middle ratio; for an even count the geometric mean of the two middle ones, since ratios are
 *               multiplicative (0.5 and 2 have 1 in their middle). Robust to a stuck task and to one finished at once
 * @param mean   the arithmetic mean ratio
 * @param error  the mean absolute percentage error of the estimates: mean of |ratio - 1|
 */
public record RatioStats(int count, double median, double mean, double error) {

    public static RatioStats of(List<Double> ratios) {
        if (ratios.isEmpty()) {
            throw new IllegalArgumentException("ratio statistics need at least one ratio");
        }
        double[] sorted = ratios.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : Math.sqrt(sorted[n / 2 - 1] * sorted[n / 2]);
        double mean = Arrays.stream(sorted).average().orElseThrow();
        double error = Arrays.stream(sorted).map(ratio -> Math.abs(ratio - 1)).average().orElseThrow();
        return new RatioStats(n, median, mean, error);
    }
}
