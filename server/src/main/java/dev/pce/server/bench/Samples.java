package dev.pce.server.bench;

import dev.pce.engine.metrics.Percentiles;

import java.util.Arrays;
import java.util.Locale;

/**
 * Durations in nanoseconds, summarised by nearest-rank percentiles (the engine's {@link Percentiles}). Not
 * thread-safe: each thread keeps its own and {@link #addAll merges} them at the end.
 */
public final class Samples {
    private long[] values = new long[256];
    private int count;

    public void add(long nanos) {
        if (count == values.length) {
            values = Arrays.copyOf(values, count * 2);
        }
        values[count++] = nanos;
    }

    public void addAll(Samples other) {
        for (int i = 0; i < other.count; i++) {
            add(other.values[i]);
        }
    }

    public int count() {
        return count;
    }

    /** The {@code percentile}-th percentile in milliseconds (0 = min, 100 = max); NaN without samples. */
    public double millis(double percentile) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        int rank = percentile <= 0 ? 1 : Percentiles.rank(count, Math.min(percentile, 100) / 100.0);
        return sorted[rank - 1] / 1e6;
    }

    /** The markdown cells {@code runs | min | p50 | p99 | max} (milliseconds) the benchmark tables share. */
    public String cells() {
        return String.format(Locale.ROOT, "%d | %.2f | %.2f | %.2f | %.2f", count, millis(0), millis(50), millis(99),
                millis(100));
    }
}
