package dev.pce.server.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pce.engine.Json;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.ProtocolVersions;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

/**
 * The protocol's set-up while a server starts, shared between two threads so that the first answer waits for as
 * little as possible. A background thread builds the JSON mapper, then Jackson's serializers of the
 * {@code initialize} answer, seeds the random generator of the session id, and loads the tool contracts and prompts
 * ({@link ServerProtocol#prepare}). The thread that starts the server, once it has opened the workspace, builds the
 * deserializers of the {@code initialize} request with that mapper meanwhile ({@link #prepareHandshake}). What
 * follows the handshake (the tool list, tool calls) is warmed up only once the first answer is out
 * ({@link #firstAnswerWritten}), so that it never competes with it for the processor.
 */
public final class ProtocolSetup {
    /** A handshake as clients open it: the first thing a server reads. */
    private static final String SAMPLE_INITIALIZE = """
            {"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-06-18",\
            "capabilities":{"roots":{"listChanged":true},"sampling":{}},"clientInfo":{"name":"warm-up","version":"0"}}}""";
    /** A tool call as clients send them; parsing one builds the deserializers the real ones then find ready. */
    private static final String SAMPLE_TOOL_CALL = """
            {"jsonrpc":"2.0","id":0,"method":"tools/call","params":{"name":"ce_status","arguments":{}}}""";

    private final CompletableFuture<JacksonMcpJsonMapper> jsonMapper = new CompletableFuture<>();
    private final CompletableFuture<ServerProtocol> protocol = new CompletableFuture<>();
    private final CountDownLatch firstAnswer = new CountDownLatch(1);

    private ProtocolSetup() {
    }

    /** Starts preparing the protocol for {@code toolNames} on a thread of its own. */
    public static ProtocolSetup startInBackground(List<String> toolNames) {
        ProtocolSetup setup = new ProtocolSetup();
        Thread.ofPlatform().name("pce-protocol-setup").daemon().start(() -> setup.prepare(toolNames));
        return setup;
    }

    private void prepare(List<String> toolNames) {
        ServerProtocol prepared;
        try {
            ObjectMapper mapper = Json.plain();
            jsonMapper.complete(new JacksonMcpJsonMapper(mapper));
            prepareAnswer(jsonMapper.join());
            prepared = ServerProtocol.prepare(mapper, jsonMapper.join(), toolNames);
        } catch (RuntimeException | Error e) {
            jsonMapper.completeExceptionally(e);
            protocol.completeExceptionally(e);
            return;
        }
        protocol.complete(prepared);
        try {
            firstAnswer.await();
        } catch (InterruptedException e) {
            return; // the server is ending
        }
        warmUpSession(prepared);
    }

    /**
     * Builds Jackson's deserializers of the {@code initialize} request on the calling thread, as soon as the mapper
     * is there. Best effort: a failure here only means the real handshake builds them.
     */
    public void prepareHandshake() {
        try {
            JacksonMcpJsonMapper mapper = jsonMapper.join();
            var handshake = (McpSchema.JSONRPCRequest) McpSchema.deserializeJsonRpcMessage(mapper, SAMPLE_INITIALIZE);
            mapper.convertValue(handshake.params(), McpSchema.InitializeRequest.class);
        } catch (IOException | RuntimeException e) {
            LoggerFactory.getLogger(ProtocolSetup.class).debug("Handshake warm-up skipped: {}", e.toString());
        }
    }

    /** The serializers of the {@code initialize} answer, and the session id's generator (it seeds on first use). */
    private static void prepareAnswer(JacksonMcpJsonMapper mapper) {
        try {
            var answer = new McpSchema.InitializeResult(ProtocolVersions.MCP_2025_06_18, PceMcpServer.CAPABILITIES,
                    new McpSchema.Implementation("pce", "0"), PceMcpServer.INSTRUCTIONS);
            mapper.writeValueAsString(new McpSchema.JSONRPCResponse(McpSchema.JSONRPC_VERSION, 0, answer, null));
        } catch (IOException | RuntimeException e) {
            LoggerFactory.getLogger(ProtocolSetup.class).debug("Handshake warm-up skipped: {}", e.toString());
        }
        UUID.randomUUID();
    }

    /** The protocol's JSON mapper (Jackson's defaults); waits for it. */
    public ObjectMapper mapper() {
        return jsonMapper.join().getObjectMapper();
    }

    /** The protocol's JSON mapper as the SDK takes it; waits for it. */
    public JacksonMcpJsonMapper jsonMapper() {
        return jsonMapper.join();
    }

    /** The mapper, the tool contracts and the prompts; waits for them. */
    public ServerProtocol protocol() {
        return protocol.join();
    }

    /** The server's first answer is out: the rest of the warm-up may run. */
    public void firstAnswerWritten() {
        firstAnswer.countDown();
    }

    /** The (de)serialization of a tool call and of the tool list, so the first real ones find them built. */
    private static void warmUpSession(ServerProtocol protocol) {
        try {
            JacksonMcpJsonMapper mapper = protocol.jsonMapper();
            McpSchema.deserializeJsonRpcMessage(mapper, SAMPLE_TOOL_CALL);
            var tools = new McpSchema.ListToolsResult(protocol.contracts().values().stream()
                    .map(ServerProtocol.Contract::descriptor).toList(), null);
            mapper.writeValueAsString(new McpSchema.JSONRPCResponse(McpSchema.JSONRPC_VERSION, 1, tools, null));
        } catch (IOException | RuntimeException e) {
            LoggerFactory.getLogger(ProtocolSetup.class).debug("Protocol warm-up skipped: {}", e.toString());
        }
    }
}
