package dev.pce.server.mcp;

import dev.pce.engine.CeException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AllowedHostsTest {

    @ParameterizedTest
    @CsvSource({"ce.team.example, ce.team.example", "CE-Box, ce-box", "10.0.0.5, 10.0.0.5", "::1, [::1]",
            "[FE80::1], [fe80::1]", "' spaced.example ', spaced.example"})
    void aConfiguredNameTakesTheFormOfAHostHeader(String given, String name) {
        assertThat(AllowedHosts.name(given)).isEqualTo(name);
    }

    @ParameterizedTest
    @CsvSource({"'', it is empty", "http://ce.team.example, it has a scheme", "*.example, wildcards",
            "ce.team.example:8080, it has a port", "[::1]:8080, it has a port", "ce team, not a host name",
            "ce.team.example/mcp, not a host name"})
    void aNameNoHostHeaderCouldCarryIsRefusedSayingWhy(String given, String problem) {
        assertThatThrownBy(() -> AllowedHosts.name(given)).isInstanceOf(CeException.class)
                .hasMessageContaining("--allowed-host").hasMessageContaining(problem);
    }
}
