package dev.pce.server.mcp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class LocalOriginFilterTest {
    private final LocalOriginFilter loopback = new LocalOriginFilter("127.0.0.1", true);
    private final LocalOriginFilter team = new LocalOriginFilter("0.0.0.0", false);

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
            "-, 127.0.0.1:8080",
            "-, localhost:8080",
            "-, [::1]:8080",
            "-, -",
            "http://localhost:3000, localhost:8080",
            "http://127.0.0.1:5173, 127.0.0.1:8080",
            "null, 127.0.0.1:8080"})
    void localClientsArePassed(String origin, String host) {
        assertThat(loopback.refusal(origin, host)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
            "https://evil.example, 127.0.0.1:8080, Origin",
            "http://localhost.evil.example, localhost:8080, Origin",
            "not a uri, 127.0.0.1:8080, Origin",
            "-, rebound.evil.example:8080, Host",
            "http://rebound.evil.example:8080, rebound.evil.example:8080, Origin"})
    void pagesOfOtherHostsAndReboundNamesAreRefused(String origin, String host, String naming) {
        assertThat(loopback.refusal(origin, host)).hasValueSatisfying(reason -> assertThat(reason).contains(naming));
    }

    @ParameterizedTest
    @CsvSource({"ce.team.internal:8080", "10.0.0.5:8080"})
    void aServerForATeamTakesAnyHostNameButStillNoForeignOrigin(String host) {
        assertThat(team.refusal(null, host)).isEmpty();
        assertThat(team.refusal("https://evil.example", host)).isPresent();
    }

    @Test
    void aQuotedHeaderCannotBreakTheJsonAnswer() {
        assertThat(loopback.refusal("http://x\"y\\z.example", "127.0.0.1")).hasValueSatisfying(reason ->
                assertThat(reason).doesNotContain("\"", "\\"));
    }
}
