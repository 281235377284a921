package dev.pce.engine.metrics;

import java.time.Instant;

/** The earlier or later of two instants, as the metrics compare them (durations: {@link dev.pce.engine.Elapsed}). */
final class Seconds {

    private Seconds() {
    }

    static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
