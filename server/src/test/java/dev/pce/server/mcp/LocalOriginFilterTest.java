package dev.pce.server.mcp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LocalOriginFilterTest {
    private final LocalOriginFilter loopback = new LocalOriginFilter(
            AllowedHosts.of(new InetSocketAddress("127.0.0.1", 8080), List.of()), true);
    private final LocalOriginFilter team = new LocalOriginFilter(
            AllowedHosts.of(new InetSocketAddress("0.0.0.0", 8080), List.of()), false);
    private final LocalOriginFilter named = new LocalOriginFilter(
            AllowedHosts.of(new InetSocketAddress("0.0.0.0", 8080), List.of("ce.team.example")), true);

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
            "-, 127.0.0.1:8080",
            "-, localhost:8080",
            "-, LOCALHOST",
            "-, [::1]:8080",
            "-, 127.0.0.2:8080",
            "-, 127.255.255.254",
            "-, -",
            "http://localhost:3000, localhost:8080",
            "http://127.0.0.1:5173, 127.0.0.1:8080",
            "https://[::1]:6274, [::1]:8080"})
    void localClientsArePassed(String origin, String host) {
        assertThat(loopback.refusal(origin, host)).isEmpty();
    }

    /** The reported bypass: a check for the prefix "127." let names a page's owner controls through. */
    @ParameterizedTest
    @ValueSource(strings = {"127.evil.example", "127.0.0.1.nip.io", "127.0.0.1.evil.example:8080", "127.0.0.01",
            "127.0.0.256", "127.1", "127.0.0.1x", "localhost.evil.example", "evil-localhost", "0.0.0.0:8080",
            "[::1].evil.example", "[::2]", "127.0.0.1:http", ""})
    void aHostThatOnlyLooksLocalIsRefused(String host) {
        assertThat(loopback.refusal(null, host)).hasValueSatisfying(reason ->
                assertThat(reason).contains("answers only to localhost, 127.0.0.1, [::1]", "--allowed-host"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.evil.example", "http://127.0.0.1.nip.io:8080", "https://evil.example",
            "http://localhost.evil.example", "not a uri", "ftp://localhost", "http://user@localhost",
            "http://localhost/page", "file:///tmp/page.html", "http://0.0.0.0:8080"})
    void anOriginThatIsNotThisMachineIsRefused(String origin) {
        assertThat(loopback.refusal(origin, "127.0.0.1:8080")).hasValueSatisfying(reason ->
                assertThat(reason).contains("web pages of other hosts", "Origin"));
        assertThat(team.refusal(origin, "ce.team.example")).isPresent();
    }

    @Test
    void originNullIsRefused() {
        assertThat(loopback.refusal("null", "127.0.0.1:8080")).hasValueSatisfying(reason ->
                assertThat(reason).contains("Origin 'null'"));
        assertThat(team.refusal(" null ", "ce.team.example")).isPresent();
    }

    @ParameterizedTest
    @CsvSource({"ce.team.internal:8080", "10.0.0.5:8080"})
    void aServerForATeamTakesAnyHostNameButStillNoForeignOrigin(String host) {
        assertThat(team.refusal(null, host)).isEmpty();
        assertThat(team.refusal("https://evil.example", host)).isPresent();
    }

    @Test
    void configuredNamesAreAllowedExactlyAndThenHostIsCheckedBeyondLoopbackToo() {
        assertThat(named.refusal(null, "ce.team.example:8080")).isEmpty();
        assertThat(named.refusal("https://CE.team.example", "ce.team.example")).isEmpty();
        assertThat(named.refusal(null, "localhost:8080")).isEmpty();
        assertThat(named.refusal(null, "10.0.0.5:8080")).hasValueSatisfying(reason ->
                assertThat(reason).contains("localhost, 127.0.0.1, [::1], ce.team.example"));
        assertThat(named.refusal(null, "evil.ce.team.example")).isPresent();
        assertThat(named.refusal(null, "ce.team.example.evil")).isPresent();
    }

    @Test
    void theBoundHostIsAllowedUnlessItIsEveryInterface() throws UnknownHostException {
        LocalOriginFilter bound = new LocalOriginFilter(AllowedHosts.of(new InetSocketAddress(
                InetAddress.getByAddress("ce-box", new byte[]{10, 0, 0, 9}), 8080), List.of()), true);
        assertThat(bound.refusal("http://ce-box:8080", "CE-BOX:8080")).isEmpty();
        assertThat(team.refusal("http://0.0.0.0:8080", "0.0.0.0")).isPresent();
    }

    @Test
    void aQuotedHeaderCannotBreakTheJsonAnswer() {
        assertThat(loopback.refusal("http://x\"y\\z.example", "127.0.0.1")).hasValueSatisfying(reason ->
                assertThat(reason).doesNotContain("\"", "\\"));
    }
}
