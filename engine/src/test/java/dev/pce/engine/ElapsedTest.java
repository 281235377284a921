package dev.pce.engine;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ElapsedTest {

    /**
     * Found by fuzzing: an event dated 4050 made the live schedule's Duration.toNanos() overflow, and the workflow's
     * status failed with an ArithmeticException. Any two instants give a number.
     */
    @Test
    void anyTwoInstantsAreANumberOfSecondsAndMinutes() {
        Instant planned = Instant.parse("2025-01-15T10:00:00Z");

        assertThat(Elapsed.minutes(planned, Instant.parse("4050-01-15T10:00:00Z")))
                .isCloseTo(2025 * 365.2425 * 24 * 60, within(2.0 * 24 * 60));
        assertThat(Elapsed.seconds(Instant.MAX, Instant.MIN)).isNegative().isFinite();
        assertThat(Elapsed.seconds(planned, planned.plusMillis(1500))).isEqualTo(1.5);
    }
}
