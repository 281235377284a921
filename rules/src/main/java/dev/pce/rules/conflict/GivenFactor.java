package dev.pce.rules.conflict;

/** The overrun factor k the caller set for a running task; absent when the rules choose it. */
public record GivenFactor(double factor) {
}
