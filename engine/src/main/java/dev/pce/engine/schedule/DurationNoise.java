package dev.pce.engine.schedule;

import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.engine.model.TaskSpec;

import java.util.SplittableRandom;

/**
 * Simulated task durations: the estimate times a lognormal factor with mean 1 ({@code exp(σZ − σ²/2)},
 * so estimates stay right on average while single tasks run early or late). Each task draws from its own stream
 * seeded by the seed and its id: the same seed gives the same durations whatever the plan order.
 *
 * @param seed  the seed of the run
 * @param sigma the spread: 0 reproduces the estimates; 0.3 puts two thirds of tasks within about ±30%
 */
public record DurationNoise(long seed, double sigma) {
    public static final double MAX_SIGMA = 2.0;

    public DurationNoise {
        if (!(sigma >= 0 && sigma <= MAX_SIGMA)) {
            throw new CeException(ErrorCode.INVALID_ARGUMENT, "Noise " + sigma + " is out of range.",
                    "Give a noise (the lognormal sigma) from 0 to " + MAX_SIGMA + "; 0.3 is typical.");
        }
    }

    public double duration(TaskSpec task) {
        return duration(task, 1);
    }

    /**
     * The duration of the task's {@code attempt}-th attempt (from 1): the first is {@link #duration(TaskSpec)}, a
     * retry draws from a stream of its own, so retries never change what the first attempts took.
     */
    public double duration(TaskSpec task, int attempt) {
        if (sigma == 0) {
            return task.estimateMinutes();
        }
        SplittableRandom random = RandomStreams.of(seed, attempt == 1 ? task.id() : task.id() + "#" + attempt);
        return task.estimateMinutes() * Math.exp(sigma * random.nextGaussian() - sigma * sigma / 2);
    }
}
