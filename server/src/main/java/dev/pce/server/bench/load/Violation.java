package dev.pce.server.bench.load;

/** One broken check, with what broke it (task, claim, seq, agent). */
public record Violation(Check check, String detail) {
    @Override
    public String toString() {
        return check.name() + ": " + detail;
    }
}
