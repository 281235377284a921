package dev.pce.server.claude;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.pce.engine.Json;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local stand-in for the Anthropic Messages API, on 127.0.0.1, for the real Claude Code CLI: every request is
 * recorded, and the assistant's turn is what the scenario's {@link Script} decides from the conversation so far,
 * streamed as server-sent events the way the API streams them. Only the model is scripted: the CLI, its MCP client,
 * its permissions and its subagents run for real. Several conversations (subagents) are served at once.
 */
public final class ModelStandIn implements AutoCloseable {

    /** The model: the next assistant turn of the conversation a request carries. */
    @FunctionalInterface
    public interface Script {
        Turn next(ModelRequest request) throws Exception;
    }

    private final HttpServer http;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Script script;
    private final List<ModelRequest> requests = new CopyOnWriteArrayList<>();
    private final List<String> scriptFailures = new CopyOnWriteArrayList<>();
    private final AtomicLong messageIds = new AtomicLong();

    private ModelStandIn(Script script) throws IOException {
        this.script = script;
        this.http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.setExecutor(threads);
        http.createContext("/", this::handle);
        http.start();
    }

    public static ModelStandIn start(Script script) throws IOException {
        return new ModelStandIn(script);
    }

    /** What to set {@code ANTHROPIC_BASE_URL} to. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + http.getAddress().getPort());
    }

    /** Every request to the Messages API, in the order they arrived. */
    public List<ModelRequest> requests() {
        return List.copyOf(requests);
    }

    /** What went wrong inside scripts (a turn they could not decide); a scenario asserts this is empty. */
    public List<String> scriptFailures() {
        return List.copyOf(scriptFailures);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            byte[] raw = exchange.getRequestBody().readAllBytes();
            if (!exchange.getRequestMethod().equals("POST")) {
                answerJson(exchange, 404, error("not_found_error", "the stand-in answers POST only"));
                return;
            }
            if (path.equals("/v1/messages/count_tokens")) {
                // Claude Code counts tokens of large tool results; a bound is enough (4 bytes per token)
                answerJson(exchange, 200, Json.mapper().createObjectNode().put("input_tokens", raw.length / 4));
                return;
            }
            if (!path.equals("/v1/messages")) {
                answerJson(exchange, 404, error("not_found_error", "no such endpoint in the stand-in: " + path));
                return;
            }
            ModelRequest request = new ModelRequest(Instant.now(), path, headers(exchange),
                    Json.mapper().readTree(raw));
            requests.add(request);
            Turn turn;
            try {
                turn = script.next(request);
            } catch (Exception | AssertionError e) {
                scriptFailures.add(e.toString());
                // a 400 ends the CLI's run at once (a 5xx would be retried with back-off)
                answerJson(exchange, 400, error("invalid_request_error", "scripted model failed: " + e));
                return;
            }
            stream(exchange, turn);
        }
    }

    private void stream(HttpExchange exchange, Turn turn) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        ObjectNode message = Json.mapper().createObjectNode().put("id", "msg_e2e_" + messageIds.incrementAndGet())
                .put("type", "message").put("role", "assistant").put("model", "stand-in");
        message.putArray("content");
        message.putNull("stop_reason");
        message.putNull("stop_sequence");
        message.putObject("usage").put("input_tokens", 10).put("output_tokens", 1);
        event(out, "message_start", Json.mapper().createObjectNode().put("type", "message_start").set("message",
                message));
        for (int index = 0; index < turn.blocks().size(); index++) {
            block(out, index, turn.blocks().get(index));
        }
        ObjectNode delta = Json.mapper().createObjectNode().put("type", "message_delta");
        delta.putObject("delta").put("stop_reason", turn.callsTools() ? "tool_use" : "end_turn").putNull("stop_sequence");
        delta.putObject("usage").put("output_tokens", 10);
        event(out, "message_delta", delta);
        event(out, "message_stop", Json.mapper().createObjectNode().put("type", "message_stop"));
    }

    private static void block(OutputStream out, int index, Turn.Block block) throws IOException {
        ObjectNode start = Json.mapper().createObjectNode().put("type", "content_block_start").put("index", index);
        ObjectNode delta = Json.mapper().createObjectNode().put("type", "content_block_delta").put("index", index);
        switch (block) {
            case Turn.Text text -> {
                start.putObject("content_block").put("type", "text").put("text", "");
                delta.putObject("delta").put("type", "text_delta").put("text", text.text());
            }
            case Turn.ToolUse use -> {
                start.putObject("content_block").put("type", "tool_use").put("id", use.id()).put("name", use.name())
                        .putObject("input");
                delta.putObject("delta").put("type", "input_json_delta")
                        .put("partial_json", Json.mapper().writeValueAsString(use.input()));
            }
        }
        event(out, "content_block_start", start);
        event(out, "content_block_delta", delta);
        event(out, "content_block_stop", Json.mapper().createObjectNode().put("type", "content_block_stop")
                .put("index", index));
    }

    private static void event(OutputStream out, String name, JsonNode data) throws IOException {
        out.write(("event: " + name + "\ndata: " + Json.mapper().writeValueAsString(data) + "\n\n")
                .getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static Map<String, String> headers(HttpExchange exchange) {
        Map<String, String> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT),
                String.join(",", values)));
        return headers;
    }

    private static ObjectNode error(String type, String message) {
        ObjectNode body = Json.mapper().createObjectNode().put("type", "error");
        body.putObject("error").put("type", type).put("message", message);
        return body;
    }

    private static void answerJson(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = Json.mapper().writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        http.stop(0);
        threads.shutdownNow();
    }
}
