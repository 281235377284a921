package dev.pce.rules.conflict;

/** The overrun factor k a timeline rule chose for the running task, with the rule and why. */
public record OverrunFactor(double factor, String rule, String reason) {
}
