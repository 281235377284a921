package dev.pce.server.client;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pce.engine.Json;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * A minimal MCP client speaking newline-delimited JSON-RPC to a server process over its stdin/stdout, as Claude
 * Code does. Used by the demo, the benchmark and the integration tests. It records every stdout line that is not
 * JSON-RPC, so callers can prove the server keeps stdout clean. Thread-safe: several agents may share one.
 */
public final class McpStdioClient implements AutoCloseable {
    public static final String PROTOCOL_VERSION = "2025-06-18";
    private static final ObjectMapper JSON = Json.plain();

    private final Optional<Process> process;
    private final InputStream stdout;
    private final OutputStream stdin;
    private final AtomicLong nextId = new AtomicLong(1);
    private final Map<Long, CompletableFuture<String>> pending = new ConcurrentHashMap<>();
    private final List<String> protocolViolations = new CopyOnWriteArrayList<>();
    private final List<JsonNode> notifications = new CopyOnWriteArrayList<>();
    private final List<JsonNode> errorsWithoutId = new CopyOnWriteArrayList<>();
    private final Duration timeout;

    private McpStdioClient(Optional<Process> process, InputStream stdout, OutputStream stdin, Duration timeout) {
        this.process = process;
        this.stdout = stdout;
        this.stdin = stdin;
        this.timeout = timeout;
        Thread reader = new Thread(this::readLoop,
                "mcp-client-reader-" + process.map(p -> String.valueOf(p.pid())).orElse("in-process"));
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts the server process; its stderr goes where {@code builder} says (inherit, a file, discard). */
    public static McpStdioClient start(ProcessBuilder builder, Duration timeout) throws IOException {
        Process process = builder.start();
        return new McpStdioClient(Optional.of(process), process.getInputStream(), process.getOutputStream(), timeout);
    }

    /** Talks to a server in this process over the given streams (its stdout and its stdin). */
    public static McpStdioClient connect(InputStream serverStdout, OutputStream serverStdin, Duration timeout) {
        return new McpStdioClient(Optional.empty(), serverStdout, serverStdin, timeout);
    }

    /** The server's process id, when this client started the server. */
    public Optional<Long> pid() {
        return process.map(Process::pid);
    }

    /** Performs the MCP handshake and returns the server's initialize result. */
    public JsonNode initialize(String clientName) {
        ObjectNode params = JSON.createObjectNode();
        params.put("protocolVersion", PROTOCOL_VERSION);
        params.putObject("capabilities");
        ObjectNode info = params.putObject("clientInfo");
        info.put("name", clientName);
        info.put("version", "1");
        JsonNode result = request("initialize", params);
        notify("notifications/initialized", JSON.createObjectNode());
        return result;
    }

    /** Sends a request and waits for its result; a JSON-RPC error becomes an exception. */
    public JsonNode request(String method, JsonNode params) {
        JsonNode response = parse(requestLine(method, params));
        if (response.has("error")) {
            throw new McpClientException(method + " failed: " + response.get("error"));
        }
        return response.get("result");
    }

    /** Sends a request that must fail and returns its JSON-RPC error ({@code code}, {@code message}, ...). */
    public JsonNode requestError(String method, JsonNode params) {
        JsonNode response = parse(requestLine(method, params));
        if (!response.has("error")) {
            throw new McpClientException(method + " succeeded where an error was expected: " + response);
        }
        return response.get("error");
    }

    /**
     * Sends a request and returns its answer as the raw JSON-RPC line, unparsed: the round trip a benchmark times
     * ends when the answer has arrived, before the client's own parsing.
     */
    public String requestLine(String method, JsonNode params) {
        return await(method, send(method, params));
    }

    /**
     * Sends a request written in full by {@code line} (given the id to put in it), verbatim, and returns its answer,
     * a result or an error: for tests of what no JSON mapper writes, such as an escaped lone surrogate
     * (U+D800 alone), nesting beyond a mapper's bounds, or a message of an exact size.
     */
    public JsonNode requestVerbatim(LongFunction<String> line) {
        long id = nextId.getAndIncrement();
        CompletableFuture<String> answer = new CompletableFuture<>();
        pending.put(id, answer);
        write((line.apply(id) + "\n").getBytes(StandardCharsets.UTF_8));
        return parse(await("the verbatim request " + id, new Pending(id, answer)));
    }

    /** A request of {@code method} whose params are the JSON text {@code params}, sent verbatim. */
    public JsonNode requestVerbatim(String method, String params) {
        return requestVerbatim(id -> "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method
                + "\",\"params\":" + params + "}");
    }

    private String await(String method, Pending sent) {
        long id = sent.id();
        try {
            return sent.answer().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new McpClientException(method + " got no answer within " + timeout
                    + process.filter(p -> !p.isAlive()).map(p -> "; the server exited with " + p.exitValue())
                    .orElse(""));
        } catch (ExecutionException e) {
            throw new McpClientException(method + " failed: " + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new McpClientException(method + " was interrupted");
        } finally {
            pending.remove(id);
        }
    }

    /** A request sent, and its answer line once it comes. */
    public record Pending(long id, CompletableFuture<String> answer) {
    }

    /** Sends a request without waiting for its answer, e.g. to cancel it with {@link #cancel}. */
    public Pending send(String method, JsonNode params) {
        long id = nextId.getAndIncrement();
        CompletableFuture<String> answer = new CompletableFuture<>();
        pending.put(id, answer);
        ObjectNode message = JSON.createObjectNode();
        message.put("jsonrpc", "2.0");
        message.put("id", id);
        message.put("method", method);
        message.set("params", params);
        send(message);
        return new Pending(id, answer);
    }

    /** Cancels a request sent with {@link #send}: {@code notifications/cancelled} with its id. */
    public void cancel(Pending request, String reason) {
        ObjectNode params = JSON.createObjectNode();
        params.put("requestId", request.id());
        params.put("reason", reason);
        notify("notifications/cancelled", params);
    }

    /** The tools/call request for {@link #requestLine}. */
    public static ObjectNode toolCall(String name, JsonNode arguments) {
        ObjectNode params = JSON.createObjectNode();
        params.put("name", name);
        params.set("arguments", arguments);
        return params;
    }

    /** A tool call's answer line (from {@link #requestLine}) as a tool response. */
    public ToolResponse toolResponse(String line) {
        JsonNode response = parse(line);
        if (response.has("error")) {
            throw new McpClientException("tools/call failed: " + response.get("error"));
        }
        JsonNode result = response.get("result");
        return new ToolResponse(result.path("isError").asBoolean(false), result.get("structuredContent"),
                result.path("content").path(0).path("text").asText(""));
    }

    private JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            protocolViolations.add(line);
            throw new McpClientException("the answer is not JSON: " + e.getMessage());
        }
    }

    /** Calls a tool and returns its result, error results included (check {@link ToolResponse#isError}). */
    public ToolResponse callTool(String name, JsonNode arguments) {
        return toolResponse(requestLine("tools/call", toolCall(name, arguments)));
    }

    public void notify(String method, JsonNode params) {
        ObjectNode message = JSON.createObjectNode();
        message.put("jsonrpc", "2.0");
        message.put("method", method);
        message.set("params", params);
        send(message);
    }

    /** Writes a raw line to the server, for tests of malformed input. */
    public void sendRaw(String line) {
        write((line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Stdout lines that were not JSON-RPC messages (must stay empty). */
    public List<String> protocolViolations() {
        return List.copyOf(protocolViolations);
    }

    public List<JsonNode> notifications() {
        return List.copyOf(notifications);
    }

    /**
     * The errors the server answered with a null id, in the order they came: its answers to lines whose id it could
     * not read (not JSON, too long, nested too deep). A request sent after such a line is answered after them.
     */
    public List<JsonNode> errorsWithoutId() {
        return List.copyOf(errorsWithoutId);
    }

    private void send(ObjectNode message) {
        try {
            write((JSON.writeValueAsString(message) + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new McpClientException("cannot encode " + message.path("method"));
        }
    }

    private synchronized void write(byte[] bytes) {
        try {
            stdin.write(bytes);
            stdin.flush();
        } catch (IOException e) {
            throw new McpClientException("the server's stdin is closed (" + e.getMessage() + ")");
        }
    }

    private void readLoop() {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(stdout, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                accept(line);
            }
        } catch (IOException e) {
            // the process ended; pending requests time out with the exit code
        }
        pending.values().forEach(future -> future.completeExceptionally(
                new McpClientException("the server closed stdout")));
    }

    private void accept(String line) {
        // Answers are handed to the waiting caller unparsed (it parses them); everything else is checked here.
        CompletableFuture<String> waiting = responseId(line).map(pending::get).orElse(null);
        if (waiting != null) {
            waiting.complete(line);
            return;
        }
        JsonNode message;
        try {
            message = JSON.readTree(line);
        } catch (IOException e) {
            protocolViolations.add(line);
            return;
        }
        if (message == null || !message.isObject() || !"2.0".equals(message.path("jsonrpc").asText())) {
            protocolViolations.add(line);
        } else if (!message.has("id") || !(message.has("result") || message.has("error"))) {
            notifications.add(message);
        } else if (message.path("id").isNull() && message.has("error")) {
            errorsWithoutId.add(message.get("error"));
        } else if (message.path("id").canConvertToLong()) {
            // an answer whose id comes after its result (JSON fields have no order; the Node.js SDK writes them so)
            CompletableFuture<String> answer = pending.get(message.path("id").asLong());
            if (answer != null) {
                answer.complete(line);
            }
        }
    }

    /**
     * The id of a JSON-RPC response, read without parsing the rest: servers write {@code jsonrpc} and {@code id}
     * before the result. Empty when the line is not such a response (it is then parsed in full).
     */
    private static Optional<Long> responseId(String line) {
        try (JsonParser parser = JSON.getFactory().createParser(line)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                    return Optional.empty();
                }
                if (field.equals("id")) {
                    return value == JsonToken.VALUE_NUMBER_INT ? Optional.of(parser.getLongValue()) : Optional.empty();
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Closes stdin (the MCP way to end a stdio session) and waits for a server process to exit. */
    @Override
    public void close() {
        closeInput();
        process.ifPresent(McpStdioClient::awaitExit);
    }

    /** Closes stdin without waiting: the server ends its session; {@link #close} then waits for its exit. */
    public void closeInput() {
        try {
            stdin.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    private static void awaitExit(Process process) {
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** A tool call's outcome as the client sees it. */
    public record ToolResponse(boolean isError, JsonNode structured, String text) {
    }

    /** A protocol-level failure: timeout, JSON-RPC error, dead server. */
    public static final class McpClientException extends RuntimeException {
        public McpClientException(String message) {
            super(message);
        }
    }
}
