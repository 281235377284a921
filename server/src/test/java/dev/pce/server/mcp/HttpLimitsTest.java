package dev.pce.server.mcp;

import dev.pce.engine.CeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HttpLimitsTest {

    @Test
    void givenLimitsReplaceTheDefaultsByName() {
        HttpLimits limits = HttpLimits.DEFAULTS.with(Map.of("connections", "500", "request", "2s",
                "body-rate", "4k", "idle", "1m"), "--limit");
        assertThat(limits).isEqualTo(new HttpLimits(500, Duration.ofMinutes(1), Duration.ofSeconds(2), 4096));
        assertThat(limits.threads()).as("a thread for each connection, and some to spare").isGreaterThan(500);
        assertThat(HttpLimits.DEFAULTS.with(Map.of("request", "750ms"), "--limit").request())
                .isEqualTo(Duration.ofMillis(750));
    }

    @ParameterizedTest
    @CsvSource({"connections, 0, a number of connections", "connections, lots, a number of connections",
            "request, 10, a duration above 0", "idle, 0s, a duration above 0", "idle, 1h, a duration above 0",
            "body-rate, 0, bytes per second", "body-rate, 16kb, bytes per second"})
    void aValueThatIsNotPositiveOrHasNoUnitIsRefusedNamingTheLimit(String name, String value, String takes) {
        assertThatThrownBy(() -> HttpLimits.DEFAULTS.with(Map.of(name, value), "CE_HTTP_LIMITS"))
                .isInstanceOf(CeException.class).hasMessageContaining("CE_HTTP_LIMITS: " + name + "=")
                .hasMessageContaining(takes);
    }

    @Test
    void anUnknownLimitIsRefusedListingTheLimits() {
        assertThatThrownBy(() -> HttpLimits.DEFAULTS.with(Map.of("threads", "9"), "--limit"))
                .isInstanceOf(CeException.class).hasMessageContaining("no limit 'threads'");
    }
}
