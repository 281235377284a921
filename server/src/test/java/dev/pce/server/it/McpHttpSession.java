package dev.pce.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pce.engine.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static dev.pce.server.it.ServerUnderTest.args;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One MCP session over Streamable HTTP with the JDK's HTTP client, as a test drives it: {@code initialize} (and no
 * {@code notifications/initialized}, which the server must not wait for), POSTs of requests and notifications, and
 * the session's GET stream, whose server-sent messages it collects.
 */
final class McpHttpSession implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private final URI uri;
    private final String token;
    private final String id;
    private final AtomicLong nextId = new AtomicLong(100);
    private final List<JsonNode> streamed = new CopyOnWriteArrayList<>();
    private CompletableFuture<HttpResponse<Stream<String>>> stream;

    private McpHttpSession(URI uri, String token, String id) {
        this.uri = uri;
        this.token = token;
        this.id = id;
    }

    /** Starts a session with {@code initialize}. */
    static McpHttpSession open(URI uri, String token) {
        HttpResponse<String> init = send(post(uri, token, null, args("jsonrpc", "2.0", "id", 1, "method",
                "initialize", "params", args("protocolVersion", "2025-06-18", "capabilities", args(),
                        "clientInfo", args("name", "it", "version", "1"))).toString()));
        assertThat(init.statusCode()).as(init.body()).isEqualTo(200);
        return new McpHttpSession(uri, token, init.headers().firstValue("Mcp-Session-Id").orElseThrow());
    }

    String id() {
        return id;
    }

    /** A JSON-RPC request with a new id. */
    ObjectNode newRequest(String method, JsonNode params) {
        return args("jsonrpc", "2.0", "id", nextId.incrementAndGet(), "method", method, "params", params);
    }

    /** POSTs a message of this session and waits for the answer. */
    HttpResponse<String> post(JsonNode message) {
        return send(post(uri, token, id, message.toString()));
    }

    /** POSTs a message of this session; the answer comes when the server has sent it all. */
    CompletableFuture<HttpResponse<String>> postAsync(JsonNode message) {
        return HTTP.sendAsync(post(uri, token, id, message.toString()), HttpResponse.BodyHandlers.ofString());
    }

    /** The JSON-RPC answer to a request, which must be there. */
    JsonNode answer(String method, JsonNode params) {
        HttpResponse<String> response = post(newRequest(method, params));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return message(response).orElseThrow(() -> new AssertionError(method + " got no answer: " + response));
    }

    /** The result of a request that must succeed. */
    JsonNode result(String method, JsonNode params) {
        JsonNode answer = answer(method, params);
        assertThat(answer.has("result")).as("%s answered %s", method, answer).isTrue();
        return answer.path("result");
    }

    /** The structured result of a tool call that must succeed. */
    JsonNode ok(String tool, JsonNode arguments) {
        JsonNode result = result("tools/call", args("name", tool, "arguments", arguments));
        assertThat(result.path("isError").asBoolean()).as("%s answered an error: %s", tool, result).isFalse();
        return result.path("structuredContent");
    }

    /** POSTs a notification; returns the HTTP status. */
    int notify(String method, JsonNode params) {
        return post(args("jsonrpc", "2.0", "method", method, "params", params)).statusCode();
    }

    /**
     * Opens the session's GET stream and sets the log level to {@code level}. The server sends nothing on a new
     * stream, so the client cannot see when it is attached: it makes info records (refused {@code ce_status}
     * calls) until one arrives, then sets the level.
     */
    void listen(String level) throws InterruptedException {
        HttpRequest get = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + token).header("Mcp-Session-Id", id).GET().build();
        stream = HTTP.sendAsync(get, HttpResponse.BodyHandlers.ofLines());
        stream.thenAccept(response -> Thread.ofPlatform().daemon().start(() -> collect(response.body())));
        result("logging/setLevel", args("level", "info"));
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        for (int probe = 0; logs().stream().noneMatch(text -> text.contains("wf-listening")); probe++) {
            assertThat(System.nanoTime()).as("the GET stream of session %s carries nothing", id).isLessThan(deadline);
            result("tools/call", args("name", "ce_status", "arguments", args("workflow_id",
                    "wf-listening-" + probe)));
            Thread.sleep(50);
        }
        result("logging/setLevel", args("level", level));
    }

    /** The server-sent messages of the GET stream, each an SSE event's data. */
    private void collect(Stream<String> lines) {
        StringBuilder data = new StringBuilder();
        lines.forEach(line -> {
            if (line.startsWith("data:")) {
                data.append(line.substring("data:".length()).strip());
            } else if (line.isEmpty() && !data.isEmpty()) {
                try {
                    streamed.add(Json.mapper().readTree(data.toString()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                data.setLength(0);
            }
        });
    }

    /** The texts of the log notifications the GET stream brought so far. */
    List<String> logs() {
        List<String> texts = new ArrayList<>();
        for (JsonNode message : streamed) {
            if (message.path("method").asText().equals("notifications/message")) {
                texts.add(message.path("params").path("data").asText());
            }
        }
        return texts;
    }

    /** Waits for a log notification whose text contains {@code text}; fails after {@code limit}. */
    JsonNode awaitLog(String text, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            for (JsonNode message : streamed) {
                if (message.path("method").asText().equals("notifications/message")
                        && message.path("params").path("data").asText().contains(text)) {
                    return message;
                }
            }
            assertThat(System.nanoTime()).as("no log notification with '%s' within %s; got %s", text, limit, logs())
                    .isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    /** The JSON-RPC message of a POST's answer: the body itself, or the data of its last server-sent event. */
    static Optional<JsonNode> message(HttpResponse<String> response) {
        String body = response.body();
        if (response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream")) {
            List<String> data = body.lines().filter(line -> line.startsWith("data:")).toList();
            if (data.isEmpty()) {
                return Optional.empty();
            }
            body = data.getLast().substring("data:".length()).strip();
        }
        try {
            return body.isEmpty() ? Optional.empty() : Optional.of(Json.mapper().readTree(body));
        } catch (IOException e) {
            throw new AssertionError("an answer that is not JSON: " + body, e);
        }
    }

    /** POSTs {@code body} without a session, as a client that did not initialize would. */
    static HttpResponse<String> postWithoutSession(URI uri, String token, String body) {
        return send(post(uri, token, null, body));
    }

    private static HttpRequest post(URI uri, String token, String session, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString(body));
        if (session != null) {
            request.header("Mcp-Session-Id", session);
        }
        return request.build();
    }

    /** Sends a request and waits for the whole answer; a failure to reach the server fails the test. */
    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the server", e);
        }
    }

    /** Ends the session (DELETE), which also ends its GET stream. */
    @Override
    public void close() {
        send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).header("Mcp-Session-Id", id)
                .DELETE().build());
        if (stream != null) {
            stream.cancel(true);
        }
    }
}
