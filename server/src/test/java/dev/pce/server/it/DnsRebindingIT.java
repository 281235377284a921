package dev.pce.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pce.engine.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A web page cannot drive {@code ce serve --http} through DNS rebinding: a name the page's owner controls, made to
 * resolve to 127.0.0.1, reaches the server with that name in {@code Host} (and in {@code Origin} for a request the
 * page makes). Only the loopback names, the listening host and the names given with {@code --allowed-host} are
 * served, each exactly.
 */
class DnsRebindingIT {
    private static final String INIT = """
            {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",\
            "capabilities":{},"clientInfo":{"name":"it","version":"1"}}}""";
    private static final String CAPTURE = """
            {"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"ce_capture","arguments":{\
            "type":"insight","title":"Planted by a web page","body":"written through a rebound name"}}}""";

    @TempDir
    Path temp;

    /**
     * The reported bypass: a server on 127.0.0.1 without a token took every Host and Origin starting with "127.",
     * and a whole session through {@code 127.evil.example} wrote a note with ce_capture.
     */
    @Test
    void namesThatOnlyStartLikeALoopbackAddressCannotOpenASessionNorCallATool() throws Exception {
        try (HttpServerProcess server = HttpServerProcess.startWith(temp, List.of());
             McpHttpSession own = McpHttpSession.open(server.uri(), "none")) {
            int port = server.port();
            List<String> rebound = List.of("Host: 127.evil.example:" + port, "Host: 127.0.0.1.nip.io:" + port,
                    "Host: 127.0.0.1.nip.io", "Origin: http://127.0.0.1.nip.io:" + port,
                    "Origin: http://127.evil.example", "Origin: null");
            for (String header : rebound) {
                try (RawHttpConnection connection = new RawHttpConnection(port)) {
                    RawHttpConnection.Answer init = connection.send(post(port, INIT, header));
                    assertThat(init.status()).as(header + ": " + init.body()).isEqualTo(403);
                    assertThat(message(init)).contains(header.startsWith("Host") ? "answers only to localhost"
                            : "Origin");
                    assertThat(init.header("Mcp-Session-Id")).isEmpty();

                    RawHttpConnection.Answer capture = connection.send(post(port, CAPTURE, header,
                            "Mcp-Session-Id: " + own.id()));
                    assertThat(capture.status()).as(header + ": " + capture.body()).isEqualTo(403);
                }
            }
            assertThat(notes(temp.resolve("ws/vault"))).as("notes written").isEmpty();
            // the server's own client still works, under each of its names
            for (String name : List.of("localhost", "127.0.0.1", "127.0.0.2", "LOCALHOST")) {
                try (RawHttpConnection connection = new RawHttpConnection(port)) {
                    assertThat(connection.send(post(port, INIT, "Host: " + name + ":" + port,
                            "Origin: http://" + name + ":6274")).status()).as(name).isEqualTo(200);
                }
            }
        }
    }

    @Test
    void aNameGivenWithAllowedHostIsServedAndOnlyThatName() throws Exception {
        try (HttpServerProcess server = HttpServerProcess.start(temp, "s3cret", "--allowed-host",
                "ce.team.example")) {
            int port = server.port();
            try (RawHttpConnection connection = new RawHttpConnection(port)) {
                assertThat(connection.send(post(port, INIT, "Authorization: Bearer s3cret",
                        "Host: CE.team.example:" + port, "Origin: https://ce.team.example")).status())
                        .isEqualTo(200);
                for (String name : List.of("ce.team.example.evil.example", "evil.ce.team.example")) {
                    RawHttpConnection.Answer refused = connection.send(post(port, INIT,
                            "Authorization: Bearer s3cret", "Host: " + name));
                    assertThat(refused.status()).as(name).isEqualTo(403);
                    assertThat(message(refused)).contains("localhost, 127.0.0.1, [::1], ce.team.example");
                }
            }
        }
    }

    /** A POST of {@code body} to /mcp with these header lines, Host among them (127.0.0.1 when none is). */
    private static String post(int port, String body, String... headers) {
        StringBuilder request = new StringBuilder("POST /mcp HTTP/1.1\r\n");
        if (Stream.of(headers).noneMatch(line -> line.startsWith("Host:"))) {
            request.append("Host: 127.0.0.1:").append(port).append("\r\n");
        }
        for (String header : headers) {
            request.append(header).append("\r\n");
        }
        return request.append("Content-Type: application/json\r\nAccept: application/json, text/event-stream\r\n")
                .append("Content-Length: ").append(body.length()).append("\r\n\r\n").append(body).toString();
    }

    private static String message(RawHttpConnection.Answer answer) throws Exception {
        JsonNode body = Json.mapper().readTree(answer.body());
        return body.path("error").path("message").asText();
    }

    private static List<Path> notes(Path vault) throws Exception {
        if (!Files.isDirectory(vault)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(vault)) {
            return files.filter(file -> file.toString().endsWith(".md")).toList();
        }
    }
}
