package dev.pce.server.bench;

import java.util.Arrays;

/** Durations in nanoseconds, summarised by nearest-rank percentiles. */
final class Samples {
    private long[] values = new long[256];
    private int count;

    void add(long nanos) {
        if (count == values.length) {
            values = Arrays.copyOf(values, count * 2);
        }
        values[count++] = nanos;
    }

    int count() {
        return count;
    }

    /** The {@code percentile}-th percentile in milliseconds (0 = min, 100 = max). */
    double millis(double percentile) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percentile / 100.0 * count);
        return sorted[Math.max(0, Math.min(count - 1, rank - 1))] / 1e6;
    }
}
