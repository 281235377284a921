package dev.pce.server.github.replay;

import java.util.Locale;

/** A job's, step's or run's result as GitHub's contexts spell it ({@code needs.x.result}, {@code steps.x.outcome}). */
public enum Result {
    SUCCESS, FAILURE, CANCELLED, SKIPPED;

    /** {@code success}, {@code failure}, ... */
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }
}
