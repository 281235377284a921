package dev.pce.engine.learning.insight.experiment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The time of the capture experiment: it stands still until the experiment moves it, so the agents' work takes
 * minutes of the workflows' time and seconds of the machine's, and an overrun is a step of the clock.
 */
final class ExperimentClock extends Clock {
    private volatile Instant now;

    ExperimentClock(Instant start) {
        this.now = start;
    }

    /** Moves the time on by {@code step}. */
    void advance(Duration step) {
        now = now.plus(step);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the experiment's clock is UTC only");
    }

    @Override
    public Instant instant() {
        return now;
    }
}
