package dev.pce.engine.gate;

import java.util.Objects;

/**
 * One measured value of one dimension, read from an evidence file or reported by an agent.
 *
 * @param metric a name from {@link Metrics} ("tests.failed", "coverage.line", ...)
 * @param value  the value; percentages are 0..100
 * @param source where it came from: the evidence file's path or "agent:&lt;name&gt;"
 */
public record Measurement(Dimension dimension, String metric, double value, String source) {

    public Measurement {
        Objects.requireNonNull(dimension, "dimension");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(source, "source");
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("metric " + metric + " from " + source + " is not a finite number");
        }
    }
}
