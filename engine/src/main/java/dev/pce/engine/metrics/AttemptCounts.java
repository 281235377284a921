package dev.pce.engine.metrics;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.OptionalDouble;

/** The attempts of a workflow (or a pool) by outcome. */
public record AttemptCounts(int total, int completed, int failed, int expired, int revoked, int running) {

    public static AttemptCounts of(List<Attempt> attempts) {
        int[] byOutcome = new int[AttemptOutcome.values().length];
        attempts.forEach(attempt -> byOutcome[attempt.outcome().ordinal()]++);
        return new AttemptCounts(attempts.size(), byOutcome[AttemptOutcome.COMPLETED.ordinal()],
                byOutcome[AttemptOutcome.FAILED.ordinal()], byOutcome[AttemptOutcome.EXPIRED.ordinal()],
                byOutcome[AttemptOutcome.REVOKED.ordinal()], byOutcome[AttemptOutcome.RUNNING.ordinal()]);
    }

    /** Attempts that failed or whose lease ran out, over the attempts that ended; empty when none ended. */
    @JsonProperty("failure_rate")
    public OptionalDouble failureRate() {
        int ended = total - running;
        return ended == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) (failed + expired) / ended);
    }
}
