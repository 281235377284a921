package dev.pce.engine.schedule;

import java.util.SplittableRandom;

/**
 * Streams of pseudo-random draws fixed by a run's seed and what they are for (a task's duration, whether an attempt
 * fails, the world of a seed), each independent of every other seed's and purpose's. The seed and the purpose are
 * mixed first (the SplitMix64 finalizer): a {@link SplittableRandom} seeded with {@code seed * gamma + c} gives for
 * {@code seed + 1} the same stream one step on, so neighbouring seeds would draw shifted copies of one run.
 */
public final class RandomStreams {
    private RandomStreams() {
    }

    /** The stream for {@code purpose} in the run of {@code seed}. */
    public static SplittableRandom of(long seed, String purpose) {
        return new SplittableRandom(mix(mix(seed) ^ hash(purpose)));
    }

    /** The first uniform draw in [0, 1) of the stream for {@code purpose} in the run of {@code seed}. */
    public static double draw(long seed, String purpose) {
        return of(seed, purpose).nextDouble();
    }

    /** The SplitMix64 finalizer: every bit of the input moves about half the bits of the output. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A 64-bit hash of the purpose (FNV-1a over its chars): fewer collisions than a String's 32-bit hashCode. */
    private static long hash(String purpose) {
        long hash = 0xCBF29CE484222325L;
        for (int i = 0; i < purpose.length(); i++) {
            hash = (hash ^ purpose.charAt(i)) * 0x100000001B3L;
        }
        return hash;
    }
}
