package dev.pce.server.mcp;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pce.engine.Cancellation;
import dev.pce.engine.Json;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerSession;
import io.modelcontextprotocol.spec.McpServerTransport;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * MCP over stdio: one JSON-RPC message per line in each direction. Replaces the SDK's stdio transport, which stops
 * reading for good at the first line it cannot parse, drops requests still being answered when stdin closes,
 * and scans every outgoing message three times for line breaks that serialized JSON cannot contain.
 *
 * <ul>
 *   <li>Each line is parsed once, and a plain request's params are not copied again ({@link PlainMessages}); a line that is not JSON, not a JSON-RPC message or too long is answered with a
 *       JSON-RPC error (id kept when it can be read) and dropped, and reading goes on.</li>
 *   <li>The lifecycle is kept as the specification says ({@link Handshake}): a request before {@code initialize}
 *       is answered with an error, and the session serves requests once {@code initialize} is answered, whether or
 *       not the client sends {@code notifications/initialized}.</li>
 *   <li>Every message but an {@code initialize} request waits until the server offers its tools, prompts and
 *       resources: the handshake is answered while they are still being registered, and the client's first
 *       {@code tools/list} sees them all.</li>
 *   <li>Requests the SDK answers wrongly are answered by PCE ({@link RequestGate}); the others are handed to the
 *       session as they arrive and may run concurrently, each with its {@link dev.pce.engine.Cancellation}.</li>
 *   <li>{@code notifications/cancelled} stops the request it names ({@link InFlightRequests}); a request cancelled
 *       before it stored anything gets no answer.</li>
 *   <li>Every message goes out as one write of its UTF-8 bytes and a newline, under a lock, then a flush. Once the
 *       session is initialized, PCE's log goes to the client as log notifications ({@link ClientLog}).</li>
 *   <li>At the end of input (how an MCP client ends a stdio session) requests already read are answered first,
 *       for at most {@link #DRAIN_TIMEOUT}; then {@code onEndOfInput} runs.</li>
 * </ul>
 */
final class StdioTransport implements McpServerTransportProvider {
    private static final Logger LOG = LoggerFactory.getLogger(StdioTransport.class);
    static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(10);
    private static final int PARSE_ERROR = -32700;
    private static final int INVALID_REQUEST = -32600;
    private static final int INTERNAL_ERROR = -32603;

    private static final McpSchema.JSONRPCNotification INITIALIZED = new McpSchema.JSONRPCNotification(
            McpSchema.JSONRPC_VERSION, McpSchema.METHOD_NOTIFICATION_INITIALIZED, null);

    private final McpJsonMapper mapper;
    private final BoundedLineReader lines;
    private final OutputStream out;
    private final int maxLineBytes;
    private final Runnable onEndOfInput;
    private final CompletionStage<RequestGate> offered;
    private final ClientLog.Client clientLog;
    private final CompletableFuture<Void> firstAnswer = new CompletableFuture<>();
    private final CompletableFuture<Void> toolsKnown = new CompletableFuture<>();
    /** The ids of the tools/list requests not answered yet: the first answer to one completes toolsKnown. */
    private final Set<Object> toolListRequests = ConcurrentHashMap.newKeySet();
    private final Handshake handshake = new Handshake();
    private final InFlightRequests inFlight = new InFlightRequests();
    private volatile McpServerSession session;

    /**
     * @param offered what every message but an {@code initialize} request waits for: the server answers the handshake
     *                while its tools, prompts and resources are still being registered; then comes the gate that
     *                answers the requests the SDK would answer wrongly
     */
    StdioTransport(McpJsonMapper mapper, InputStream in, OutputStream out, int maxLineBytes, Runnable onEndOfInput,
                   CompletionStage<RequestGate> offered, ClientLog.Client clientLog) {
        this.mapper = mapper;
        // a request on its way in is work: the idle heap's full collection must not stop the reading of a large one
        this.lines = new BoundedLineReader(in, maxLineBytes, HeapRelease.PROCESS::callStarted);
        this.out = out;
        this.maxLineBytes = maxLineBytes;
        this.onEndOfInput = onEndOfInput;
        this.offered = offered;
        this.clientLog = clientLog;
    }

    @Override
    public void setSessionFactory(McpServerSession.Factory factory) {
        session = factory.create(new SessionTransport());
        Thread.ofPlatform().name("pce-stdio-in").daemon().start(this::readLoop);
    }

    @Override
    public Mono<Void> notifyClients(String method, Object params) {
        McpServerSession current = session;
        return current == null ? Mono.empty() : current.sendNotification(method, params);
    }

    @Override
    public Mono<Void> closeGracefully() {
        clientLog.disconnect();
        McpServerSession current = session;
        return current == null ? Mono.empty() : current.closeGracefully();
    }

    private void readLoop() {
        try {
            byte[] line;
            boolean goOn = true;
            while (goOn && (line = lines.next()) != null) {
                try {
                    if (line == BoundedLineReader.OVERSIZE) {
                        reject(null, INVALID_REQUEST, "Message longer than " + maxLineBytes + " bytes; it was "
                                + "dropped. Send smaller requests (large outputs belong in files).");
                    } else if (line.length > 0) {
                        goOn = read(new String(line, StandardCharsets.UTF_8));
                    }
                } finally {
                    HeapRelease.PROCESS.callEnded(); // the line is handed on; a tool call counts itself
                }
            }
        } catch (IOException e) {
            LOG.warn("Reading stdin failed; ending the session: {}", e.toString());
        } finally {
            // Whatever happened, the session ends: a server that stops reading but never ends would hang its client.
            awaitAnswers();
            onEndOfInput.run();
        }
    }

    /** Waits until the server offers its tools; false when it could not, which ends the session. */
    private boolean featuresOffered() {
        try {
            offered.toCompletableFuture().join();
            return true;
        } catch (CompletionException | CancellationException e) {
            LOG.error("The server could not offer its tools; ending the session", e.getCause());
            return false;
        }
    }

    /**
     * One line; a defect in handling it costs that line an error answer, never the session its reader. False when
     * the session must end: the server could not offer its tools.
     */
    private boolean read(String line) {
        try {
            return dispatch(line);
        } catch (RuntimeException e) {
            LOG.error("Reading an input line failed", e);
            reject(null, INTERNAL_ERROR, "Internal error reading the line; it was dropped. This is a PCE bug (the "
                    + "details are in its log); the server goes on reading.");
            return true;
        }
    }

    private boolean dispatch(String line) {
        McpSchema.JSONRPCMessage message;
        try {
            message = PlainMessages.read(mapper, line);
        } catch (IOException | RuntimeException e) {
            rejectUnreadable(line);
            return true;
        }
        if (!isInitialize(message) && !featuresOffered()) {
            return false;
        }
        switch (message) {
            case McpSchema.JSONRPCRequest request -> request(request, UnpairedSurrogates.mayBeEscapedIn(line));
            case McpSchema.JSONRPCNotification notification when InFlightRequests.isCancel(notification) ->
                    inFlight.cancel(InFlightRequests.cancelledId(notification));
            default -> session.handle(message).subscribe(null, error -> LOG.error("Handling a message failed",
                    error));
        }
        return true;
    }

    private static boolean isInitialize(McpSchema.JSONRPCMessage message) {
        return message instanceof McpSchema.JSONRPCRequest request
                && McpSchema.METHOD_INITIALIZE.equals(request.method());
    }

    /** @param mayHoldSurrogates whether the request's line holds an escaped surrogate ({@link RequestParams}) */
    private void request(McpSchema.JSONRPCRequest request, boolean mayHoldSurrogates) {
        Optional<McpSchema.JSONRPCResponse> refused = handshake.beforeInitialize(request);
        if (refused.isPresent()) {
            send(refused.get());
            return;
        }
        noteToolsRequest(request);
        Cancellation cancellation = inFlight.started(request);
        Consumer<Throwable> failed = error -> {
            LOG.error("Handling a {} request failed", request.method(), error);
            inFlight.finished(request.id());
        };
        // the handshake is answered before the gate exists (its params are checked as the gate checks every
        // request's); every other request waited for it (dispatch)
        Optional<Mono<McpSchema.JSONRPCResponse>> own = isInitialize(request)
                ? RequestParams.refusal(request).map(Mono::just)
                : offered.toCompletableFuture().join().answer(request, mayHoldSurrogates);
        if (own.isPresent()) {
            own.get().subscribe(this::answer, failed);
        } else {
            session.handle(request).contextWrite(RequestContext.carrying(cancellation)).subscribe(null, failed);
        }
    }

    /**
     * Sends the answer to a request, unless the request was cancelled in time. The successful answer to
     * {@code initialize} opens the session: the SDK's session is told the client is initialized (it serves nothing
     * before), and PCE's log starts going to the client.
     */
    private void answer(McpSchema.JSONRPCResponse response) {
        try {
            if (!inFlight.answering(response.id())) {
                LOG.debug("Dropped the answer to request {}: the client cancelled it", response.id());
                return;
            }
            send(response);
            if (toolListRequests.remove(response.id()) && !toolsKnown.isDone()) {
                LOG.debug("Tool list answered"); // before completing: the work that waits for it logs after this line
                toolsKnown.complete(null);
            }
            if (handshake.completedBy(response)) {
                session.handle(INITIALIZED).subscribe(null, error -> LOG.error("Opening the session failed", error));
                clientLog.connect(notification -> send(new McpSchema.JSONRPCNotification(McpSchema.JSONRPC_VERSION,
                        McpSchema.METHOD_NOTIFICATION_MESSAGE, notification)));
            }
        } finally {
            // only now: the end of input waits for this count, and the answer must be out by then
            inFlight.finished(response.id());
        }
    }

    /**
     * Sends a message. An answer that cannot be encoded still gets one: an error under its id that says so, never
     * silence, as the request may have stored something.
     */
    private void send(McpSchema.JSONRPCMessage message) {
        byte[] json;
        try {
            json = mapper.writeValueAsBytes(message);
        } catch (IOException | RuntimeException e) {
            LOG.error("Could not encode a message to the client", e);
            if (message instanceof McpSchema.JSONRPCResponse response) {
                sendError(Errors.MAPPER.valueToTree(response.id()), INTERNAL_ERROR, "PCE could not encode its answer "
                        + "to this request as JSON (a PCE bug; the details are in its log). If the request stores "
                        + "something (a tool call such as ce_plan or ce_complete), it may have done so: ce_status and "
                        + "ce_events show what was stored; do not repeat it blindly.");
            }
            return;
        }
        try {
            write(json);
        } catch (IOException e) {
            LOG.warn("Could not send a message to the client: {}", e.toString());
        }
    }

    /** Answers a line the SDK could not read: a parse error, or an invalid request with its id when it has one. */
    private void rejectUnreadable(String line) {
        JsonNode tree;
        try {
            tree = Errors.MAPPER.readTree(line);
        } catch (StreamConstraintsException e) {
            reject(null, INVALID_REQUEST, beyondBounds(e));
            return;
        } catch (IOException e) {
            reject(null, PARSE_ERROR, "Parse error: the line is not JSON. Send one JSON-RPC 2.0 message per line.");
            return;
        } catch (NumberFormatException e) {
            // a number no one can read exactly (found by fuzzing: an exponent beyond 32 bits): no id to send back
            tree = null;
            if (!isJson(line)) {
                reject(null, PARSE_ERROR, "Parse error: the line is not JSON. Send one JSON-RPC 2.0 message per line.");
                return;
            }
        }
        JsonNode id = tree != null && tree.isObject() ? tree.get("id") : null;
        reject(id, INVALID_REQUEST, "Invalid request: not a JSON-RPC 2.0 message PCE can answer (" + whyNot(tree)
                + "). Send an object with \"jsonrpc\":\"2.0\", a method and a string or whole-number id; "
                + "batches are not supported.");
    }

    /**
     * JSON beyond a bound of the reader ({@link Json}): said with the bound, so the client knows it is no syntax
     * error. Jackson's message names its own classes; only the kind of bound is taken from it.
     */
    static String beyondBounds(StreamConstraintsException e) {
        String detail = String.valueOf(e.getMessage());
        String bound = detail.contains("nesting depth")
                ? "it nests objects and arrays deeper than " + Json.MAX_NESTING_DEPTH + " levels"
                : detail.contains("Number value length")
                ? "it has a number longer than " + Json.MAX_NUMBER_DIGITS + " characters"
                : "it is beyond the bounds PCE reads (" + (Json.MAX_MESSAGE_BYTES >> 20) + " MiB, "
                + Json.MAX_NESTING_DEPTH + " levels of nesting, numbers of " + Json.MAX_NUMBER_DIGITS + " characters)";
        return "Invalid request: the line is JSON, but " + bound + ", the most PCE reads; it was dropped. Send "
                + "flatter, smaller values (docs/security.md, Sizes).";
    }

    private boolean isJson(String line) {
        try {
            mapper.readValue(line, JsonNode.class);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static String kind(JsonNode value) {
        return switch (value.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT, POJO -> "an object";
            case STRING, BINARY -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL, MISSING -> "null";
        };
    }

    /** Why the SDK refused a line that is JSON, in the client's terms (the SDK's own reason names its classes). */
    private static String whyNot(JsonNode tree) {
        if (tree == null) {
            return "it has a number no one can read exactly, such as an exponent beyond 32 bits";
        }
        if (!tree.isObject()) {
            return "it is " + kind(tree) + ", not an object";
        }
        JsonNode id = tree.get("id");
        if (id != null && !(id.isTextual() || id.isIntegralNumber() && id.canConvertToLong())) {
            return id.isNumber() ? "its id " + id + " is not a whole number of at most 64 bits"
                    : "its id is " + kind(id);
        }
        JsonNode method = tree.get("method");
        if (method != null && (method.isContainerNode() || method.isNull())) { // the SDK takes other scalars
            return "its method is " + kind(method) + ", not a string";
        }
        if (method == null && !tree.has("result") && !tree.has("error")) {
            return "it has no method (a request or a notification) and no result or error (an answer)";
        }
        return "a field of it is not of the kind JSON-RPC 2.0 gives it";
    }

    private void reject(JsonNode id, int code, String message) {
        LOG.warn("Dropped an input line: {}", message);
        sendError(id, code, message);
    }

    /** An error answer built from plain JSON nodes: it encodes whatever went wrong with the answer it replaces. */
    private void sendError(JsonNode id, int code, String message) {
        ObjectNode response = Errors.MAPPER.createObjectNode();
        response.put("jsonrpc", McpSchema.JSONRPC_VERSION);
        response.set("id", id == null || !(id.isTextual() || id.isNumber()) ? Errors.MAPPER.nullNode() : id);
        response.putObject("error").put("code", code).put("message", message);
        try {
            write(Errors.MAPPER.writeValueAsBytes(response));
        } catch (IOException e) {
            LOG.warn("Could not send an error answer: {}", e.toString());
        }
    }

    private void write(byte[] json) throws IOException {
        synchronized (out) {
            out.write(json);
            out.write('\n');
            out.flush();
        }
        if (!firstAnswer.isDone()) {
            LOG.debug("First answer written"); // before completing: the work that waits for it logs after this line
            firstAnswer.complete(null);
        }
    }

    /**
     * A tools/list is remembered until its answer is written; a tools/call means the client knows the tools without
     * asking (it kept the list of an earlier session), so nothing more is waited for.
     */
    private void noteToolsRequest(McpSchema.JSONRPCRequest request) {
        if (McpSchema.METHOD_TOOLS_LIST.equals(request.method())) {
            toolListRequests.add(request.id());
        } else if (McpSchema.METHOD_TOOLS_CALL.equals(request.method()) && !toolsKnown.isDone()) {
            LOG.debug("A tool is called before the tools were listed");
            toolsKnown.complete(null);
        }
    }

    /**
     * Completes once the client has the tools: the answer to its first tools/list is written, or it calls a tool
     * without listing them. Claude Code does not wait for a server before its first model turn, so a tool list that
     * comes late is a tool the model cannot call yet: work that would compete with that answer waits for this.
     */
    CompletionStage<Void> toolsKnown() {
        return toolsKnown;
    }

    /** Completes once the first line has been written: work that waits for it does not delay that answer. */
    CompletionStage<Void> firstAnswer() {
        return firstAnswer;
    }

    private void awaitAnswers() {
        try {
            if (!inFlight.awaitAnswers(DRAIN_TIMEOUT)) {
                LOG.warn("stdin closed with {} request(s) unanswered after {}; ending anyway.", inFlight.count(),
                        DRAIN_TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Reads the id of a line it rejects exactly: 1e999 or 2^70 go back as sent, not as "Infinity" or rounded. Built
     * on the first rejected line, not while the server starts.
     */
    private static final class Errors {
        static final ObjectMapper MAPPER = Json.plain().copy().enable(
                DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);
    }

    /**
     * The SDK answers a failure of its own with -32603 and the exception's message, which names Jackson's and its
     * own classes (params of a kind its records do not take, say); PCE checks params first ({@link RequestParams}),
     * and what still fails is a defect, logged with its details where it happened. The client is told so, without
     * the internals.
     */
    static McpSchema.JSONRPCResponse withoutInternals(McpSchema.JSONRPCResponse response) {
        McpSchema.JSONRPCResponse.JSONRPCError error = response.error();
        if (error == null || error.code() != INTERNAL_ERROR) {
            return response;
        }
        return new McpSchema.JSONRPCResponse(response.jsonrpc(), response.id(), null,
                new McpSchema.JSONRPCResponse.JSONRPCError(INTERNAL_ERROR, "PCE could not answer this request: an "
                        + "internal error (a PCE bug; the details are in its log, and the server goes on). Check that "
                        + "the request is as the MCP specification describes; if it is, report the bug.", null));
    }

    /** The session's side: sends each message as one line. */
    private final class SessionTransport implements McpServerTransport {
        @Override
        public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
            return Mono.fromRunnable(() -> {
                if (message instanceof McpSchema.JSONRPCResponse response) {
                    answer(withoutInternals(response));
                } else {
                    send(message);
                }
            });
        }

        @Override
        public <T> T unmarshalFrom(Object data, TypeRef<T> type) {
            return mapper.convertValue(data, type);
        }

        @Override
        public Mono<Void> closeGracefully() {
            return Mono.empty();
        }
    }
}
