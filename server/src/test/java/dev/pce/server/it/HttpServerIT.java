package dev.pce.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pce.engine.Json;
import dev.pce.server.client.ServerLauncher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
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
        ProcessBuilder builder = new ProcessBuilder(ServerLauncher.javaExecutable().toString(), "-jar",
                ServerLauncher.jar().toString(), "serve", "--http", "127.0.0.1:0", "--token", "s3cret")
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("CE_WORKSPACE", temp.resolve("ws").toString());
        Process server = builder.start();
        try {
            String line = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            assertThat(line).startsWith("PCE MCP server on http://");
            URI uri = URI.create(line.substring(line.indexOf("http://")));

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
            assertThat(message(init).path("result").path("serverInfo").path("name").asText()).isEqualTo("pce");
            String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
            post(uri, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}", Optional.of("s3cret"),
                    Optional.of(session));

            HttpResponse<String> plan = post(uri, """
                    {"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"ce_plan","arguments":{\
                    "goal":"over http","tasks":[{"id":"a","title":"A","kind":"build"}]}}}""",
                    Optional.of("s3cret"), Optional.of(session));
            JsonNode result = message(plan).path("result");
            assertThat(result.path("isError").asBoolean()).as(plan.body()).isFalse();
            assertThat(result.path("structuredContent").path("workflow_id").asText()).startsWith("wf-");
        } finally {
            server.destroy();
        }
    }

    @Test
    void bindingBeyondLoopbackWithoutATokenIsRefused() throws Exception {
        CeProcess.Run run = CeProcess.run(Optional.empty(), temp.resolve("ws"), Map.of(), "serve", "--http",
                "0.0.0.0:0");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("reachable beyond this machine", "--token");
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

    /** The JSON-RPC message of an answer: the body itself, or the data of its first server-sent event. */
    private static JsonNode message(HttpResponse<String> response) throws Exception {
        String body = response.body();
        if (response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream")) {
            body = List.of(body.split("\n")).stream().filter(l -> l.startsWith("data:")).findFirst().orElseThrow()
                    .substring("data:".length()).strip();
        }
        return Json.mapper().readTree(body);
    }
}
