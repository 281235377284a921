package dev.pce.engine.metrics;

import dev.pce.engine.Elapsed;

import java.time.Instant;

/** Durations as seconds with a fraction: what the metrics report and compare. */
final class Seconds {

    private Seconds() {
    }

    static double between(Instant from, Instant to) {
        return Elapsed.seconds(from, to);
    }

    static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
