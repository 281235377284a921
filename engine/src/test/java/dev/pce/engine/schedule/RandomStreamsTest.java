package dev.pce.engine.schedule;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The experiments' random streams: neighbouring seeds and purposes draw unrelated streams. */
class RandomStreamsTest {
    private static final int DRAWS = 16;

    @Test
    void seedsSAndSPlusOneAreNotShiftedCopiesOfOneStream() {
        for (String purpose : new String[] {"build-1", "fail:build-1", "issue:f1-build2", "truth"}) {
            for (long seed = 0; seed < 200; seed++) {
                Set<Long> first = longs(RandomStreams.of(seed, purpose));
                Set<Long> next = longs(RandomStreams.of(seed + 1, purpose));
                next.retainAll(first);
                assertThat(next).as("draws shared by seeds %d and %d for %s", seed, seed + 1, purpose).isEmpty();
            }
        }
    }

    @Test
    void theOldSeedingDrewShiftedCopies() {
        // what the experiments did before: seed * gamma + c makes seed s + 1 the stream of s one step on
        long gamma = 0x9E3779B97F4A7C15L;
        SplittableRandom seed7 = new SplittableRandom(7 * gamma + "build-1".hashCode());
        SplittableRandom seed8 = new SplittableRandom(8 * gamma + "build-1".hashCode());
        seed7.nextLong();
        assertThat(seed8.nextLong()).isEqualTo(seed7.nextLong());
    }

    @Test
    void theSameSeedAndPurposeDrawTheSameAndOtherPurposesOtherDraws() {
        assertThat(RandomStreams.draw(42, "fail:a")).isEqualTo(RandomStreams.draw(42, "fail:a"));
        assertThat(RandomStreams.draw(42, "fail:a")).isNotEqualTo(RandomStreams.draw(42, "fail:b"));
        Set<Long> a = longs(RandomStreams.of(42, "a"));
        a.retainAll(longs(RandomStreams.of(42, "b")));
        assertThat(a).isEmpty();
    }

    private static Set<Long> longs(SplittableRandom random) {
        Set<Long> longs = new HashSet<>();
        for (int i = 0; i < DRAWS; i++) {
            longs.add(random.nextLong());
        }
        return longs;
    }
}
