package dev.pce.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** ce serve --http: the same tools over Streamable HTTP, behind a bearer token; refused beyond loopback without one. */
class HttpServerIT {
    private static final String INIT = """
            {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",\
            "capabilities":{},"clientInfo":{"name":"it","version":"1"}}}""";

    @TempDir
    Path temp;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void aTokenGuardedServerAnswersTheProtocolOverHttp() throws Exception {
        try (HttpServerProcess server = HttpServerProcess.start(temp, "s3cret")) {
            URI uri = server.uri();
            assertThat(post(uri, INIT, Optional.empty(), Optional.empty()).statusCode()).isEqualTo(401);
            assertThat(post(uri, INIT, Optional.of("wrong"), Optional.empty()).statusCode()).isEqualTo(401);
            // a web page cannot drive it, even holding the token (DNS rebinding)
            HttpResponse<String> fromPage = http.send(HttpRequest.newBuilder(uri).header("Origin",
                    "https://evil.example").header("Authorization", "Bearer s3cret").header("Content-Type",
                    "application/json").POST(HttpRequest.BodyPublishers.ofString(INIT)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(fromPage.statusCode()).isEqualTo(403);
            assertThat(fromPage.body()).contains("other hosts");

            HttpResponse<String> init = post(uri, INIT, Optional.of("s3cret"), Optional.empty());
            assertThat(init.statusCode()).isEqualTo(200);
            assertThat(McpHttpSession.message(init).orElseThrow().path("result").path("serverInfo").path("name")
                    .asText()).isEqualTo("pce");
            String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
            post(uri, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}", Optional.of("s3cret"),
                    Optional.of(session));

            HttpResponse<String> plan = post(uri, """
                    {"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"ce_plan","arguments":{\
                    "goal":"over http","tasks":[{"id":"a","title":"A","kind":"build"}]}}}""",
                    Optional.of("s3cret"), Optional.of(session));
            JsonNode result = McpHttpSession.message(plan).orElseThrow().path("result");
            assertThat(result.path("isError").asBoolean()).as(plan.body()).isFalse();
            assertThat(result.path("structuredContent").path("workflow_id").asText()).startsWith("wf-");
        }
    }

    /**
     * The reported defect: on a kept-alive connection, after a request with a lower-case {@code bearer} every later
     * request with the right token was refused. Jetty reused the connection's earlier header line, matched
     * without regard to case, so the filter saw {@code bearer} again; the same reuse let a token differing only
     * in case through after the right one.
     */
    @Test
    void onOneKeptAliveConnectionEachRequestIsJudgedByItsOwnAuthorizationHeader() throws Exception {
        try (HttpServerProcess server = HttpServerProcess.start(temp, "s3cret-Token");
             RawHttpConnection connection = new RawHttpConnection(server.port())) {
            // the scheme is case-insensitive (RFC 9110, RFC 6750)
            assertThat(connection.post(INIT, "Authorization: bearer s3cret-Token").status()).isEqualTo(200);
            for (int i = 0; i < 3; i++) {
                assertThat(connection.post(INIT, "Authorization: Bearer s3cret-Token").status()).isEqualTo(200);
            }
            // the token is not
            RawHttpConnection.Answer otherCase = connection.post(INIT, "Authorization: Bearer S3CRET-TOKEN");
            assertThat(otherCase.status()).isEqualTo(401);
            assertThat(otherCase.header("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
            assertThat(connection.post(INIT, "Authorization: BEARER s3cret-Token").status()).isEqualTo(200);
            assertThat(connection.post(INIT, "Authorization: Bearer s3cret-token").status()).isEqualTo(401);
        }
    }

    /**
     * A refusal is decided on the headers, often before the body has arrived; Jetty ended such a connection
     * silently once the answer was out, and the client's next request on it failed. The body is read first now.
     */
    @Test
    void aRefusedRequestLeavesItsConnectionServingTheNextOne() throws Exception {
        try (HttpServerProcess server = HttpServerProcess.start(temp, "s3cret");
             RawHttpConnection connection = new RawHttpConnection(server.port())) {
            for (String authorization : List.of("Authorization: Bearer wrong", "Origin: https://evil.example")) {
                RawHttpConnection.Answer refused = connection.post(Duration.ofMillis(300), INIT, authorization);
                assertThat(refused.status()).isIn(401, 403);
                assertThat(refused.header("Connection")).isEmpty();
                assertThat(connection.post(INIT, "Authorization: Bearer s3cret").status()).isEqualTo(200);
            }
            // a body too large to read first: the client is told the connection ends
            RawHttpConnection.Answer large = connection.send("POST /mcp HTTP/1.1\r\nHost: 127.0.0.1:" + server.port()
                    + "\r\nContent-Type: application/json\r\nContent-Length: 2000000\r\n\r\n");
            assertThat(large.status()).isEqualTo(401);
            assertThat(large.header("Connection")).hasValue("close");
        }
    }

    @Test
    void bindingBeyondLoopbackWithoutATokenIsRefused() throws Exception {
        CeProcess.Run run = CeProcess.run(Optional.empty(), temp.resolve("ws"), Map.of(), "serve", "--http",
                "0.0.0.0:0");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("reachable beyond this machine", "--token");
    }

    /**
     * The reported defect: {@code --token ""} on 0.0.0.0 started a server that refused every request, saying
     * nothing; an empty {@code CE_HTTP_TOKEN} made a loopback server serve without a token. Both are refused at the
     * start now, and so is a token no client could send as it is.
     */
    @Test
    void aTokenNoClientCouldSendIsRefusedAtTheStartWhereverItComesFrom() throws Exception {
        record Start(Map<String, String> environment, List<String> arguments, String says) {
        }
        List<Start> starts = List.of(
                new Start(Map.of(), List.of("--http", "0.0.0.0:0", "--token", ""), "--token is empty"),
                new Start(Map.of(), List.of("--http", "127.0.0.1:0", "--token", "  "), "--token is empty"),
                new Start(Map.of("CE_HTTP_TOKEN", ""), List.of("--http", "0.0.0.0:0"), "CE_HTTP_TOKEN is empty"),
                new Start(Map.of("CE_HTTP_TOKEN", ""), List.of("--http", "127.0.0.1:0"), "CE_HTTP_TOKEN is empty"),
                new Start(Map.of(), List.of("--http", "127.0.0.1:0", "--token", " s3cret"),
                        "starts or ends with a space"));
        for (Start start : starts) {
            List<String> arguments = new ArrayList<>(List.of("serve"));
            arguments.addAll(start.arguments());
            CeProcess.Run run = CeProcess.run(Optional.empty(), temp.resolve("ws"), start.environment(),
                    arguments.toArray(String[]::new));
            assertThat(run.exitCode()).as(start + ": " + run.err()).isEqualTo(2);
            assertThat(run.err()).contains(start.says(), "openssl rand -hex 32");
            assertThat(run.out()).doesNotContain("PCE MCP server on");
        }
    }

    private HttpResponse<String> post(URI uri, String body, Optional<String> token, Optional<String> session)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        token.ifPresent(value -> request.header("Authorization", "Bearer " + value));
        session.ifPresent(value -> request.header("Mcp-Session-Id", value));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
