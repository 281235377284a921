package dev.pce.engine.metrics;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PercentilesTest {

    @Test
    void nearestRankIsAlwaysOneOfTheSamples() {
        List<Double> oneToTen = List.of(7.0, 1.0, 10.0, 2.0, 9.0, 3.0, 8.0, 4.0, 6.0, 5.0);

        assertThat(Percentiles.of(oneToTen, 0.5).getAsDouble()).isEqualTo(5.0);
        assertThat(Percentiles.of(oneToTen, 0.95).getAsDouble()).isEqualTo(10.0);
        assertThat(Percentiles.of(oneToTen, 0.9).getAsDouble()).isEqualTo(9.0);
        assertThat(Percentiles.of(oneToTen, 0.01).getAsDouble()).isEqualTo(1.0);
        assertThat(Percentiles.of(List.of(3.0), 0.95).getAsDouble()).isEqualTo(3.0);
    }

    @Test
    void twentySamplesHaveAP95BelowTheirMaximum() {
        List<Double> samples = new java.util.ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            samples.add((double) i);
        }
        assertThat(Percentiles.of(samples, 0.95).getAsDouble()).isEqualTo(19.0);
    }

    @Test
    void noSamplesHaveNoPercentileAndAQuantileOutsideTheRangeIsABug() {
        assertThat(Percentiles.of(List.of(), 0.5)).isEmpty();
        assertThatThrownBy(() -> Percentiles.of(List.of(1.0), 95)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(0, 1]");
        assertThatThrownBy(() -> Percentiles.of(List.of(1.0), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
