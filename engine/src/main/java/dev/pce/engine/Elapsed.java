package dev.pce.engine;

import java.time.Duration;
import java.time.Instant;

/**
 * The time between two instants as a number, for any two instants an event log can hold. {@link Duration#toNanos}
 * and {@link Duration#toMillis} overflow beyond about 292 years and 292 million years: a log whose times were
 * edited far into the future must read as a log with odd times, not fail with an ArithmeticException.
 */
public final class Elapsed {

    private Elapsed() {
    }

    /** Seconds from {@code from} to {@code to}, negative when {@code to} is earlier. */
    public static double seconds(Instant from, Instant to) {
        Duration elapsed = Duration.between(from, to);
        return elapsed.getSeconds() + elapsed.getNano() / 1e9;
    }

    /** Minutes from {@code from} to {@code to}, negative when {@code to} is earlier. */
    public static double minutes(Instant from, Instant to) {
        return seconds(from, to) / 60;
    }
}
