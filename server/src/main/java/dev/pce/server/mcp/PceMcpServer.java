package dev.pce.server.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pce.engine.CeException;
import dev.pce.engine.Json;
import dev.pce.server.knowledge.LearningsAccess;
import dev.pce.server.tools.CeTool;
import dev.pce.server.tools.ToolArgs;
import dev.pce.server.tools.ToolDefinition;
import dev.pce.server.tools.ToolOutput;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** The MCP server: PCE's tools over the official SDK's stdio transport. */
public final class PceMcpServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PceMcpServer.class);
    /** Largest JSON-RPC message accepted: a plan of the maximum task count fits comfortably. */
    public static final int MAX_MESSAGE_BYTES = 32 * 1024 * 1024;
    static final String INSTRUCTIONS = """
            PCE coordinates parallel compound engineering: plan -> build -> review -> learn.
            1. A planner calls ce_plan with a goal and tasks (kind/pool, estimate, reads/writes, depends_on).
            2. Agents of each pool (planners, builders, reviewers) loop: ce_claim -> do the task -> ce_complete, or
               ce_fail (retryable=true for transient problems). Report before the lease ends. ce_progress publishes a
               partial output early, so tasks that depend on it softly can start.
            3. ce_status shows progress, pools and blocked tasks; ce_events streams what happened since a cursor.
            4. Learnings: ce_plan lists past notes related to each task; ce_search finds notes of this project's vault
               and other projects' vaults; ce_note (or the resource pkm://note/{id}) reads one; ce_capture writes
               what was learned (insight, decision, failure, pattern) so the next workflow finds it.
            """;

    /** What PCE offers a client: tools, resources and prompts (none of their lists change), and logging. */
    static final McpSchema.ServerCapabilities CAPABILITIES = McpSchema.ServerCapabilities.builder().tools(false)
            .resources(false, false).prompts(false).logging().build();

    private final McpSyncServer server;
    private final CompletionStage<Void> firstAnswer;
    private final CompletableFuture<Void> offered;

    private PceMcpServer(McpSyncServer server, CompletionStage<Void> firstAnswer, CompletableFuture<Void> offered) {
        this.server = server;
        this.firstAnswer = firstAnswer;
        this.offered = offered;
    }

    /** Starts serving on the given streams; returns at once, requests are handled on the SDK's threads. */
    public static PceMcpServer start(ServerProtocol protocol, List<CeTool> tools, LearningsAccess learnings,
                                     InputStream in, OutputStream out, String version, String logHint,
                                     Runnable onEndOfInput) {
        PceMcpServer server = startHandshake(protocol.jsonMapper(), protocol.mapper(), in, out, version,
                onEndOfInput);
        server.offer(protocol, tools, learnings, logHint);
        return server;
    }

    /**
     * Starts serving on the given streams with the handshake alone: the server answers {@code initialize} at once,
     * and reads the lines after it once {@link #offer} has registered the tools, prompts and resources, which take
     * longer to prepare than the handshake. A client sees them all in its first {@code tools/list}.
     */
    public static PceMcpServer startHandshake(JacksonMcpJsonMapper jsonMapper, ObjectMapper mapper, InputStream in,
                                              OutputStream out, String version, Runnable onEndOfInput) {
        CompletableFuture<Void> offered = new CompletableFuture<>();
        StdioTransport transport = new StdioTransport(jsonMapper, in, out, MAX_MESSAGE_BYTES, onEndOfInput, offered);
        McpSyncServer server = handshake(McpServer.sync(transport), jsonMapper, mapper, version).build();
        return new PceMcpServer(server, transport.firstAnswer(), offered);
    }

    /** Registers the tools, prompts and resources; the server then reads the requests after the handshake. */
    public void offer(ServerProtocol protocol, List<CeTool> tools, LearningsAccess learnings, String logHint) {
        try {
            specifications(protocol, tools, logHint).forEach(server::addTool);
            McpPrompts.specifications(protocol.prompts()).forEach(server::addPrompt);
            NoteResources.templates(learnings).forEach(server::addResourceTemplate);
        } catch (RuntimeException | Error e) {
            offered.completeExceptionally(e);
            throw e;
        }
        offered.complete(null);
    }

    /** Serving could not start after the handshake (the wiring failed): the session ends, as the process will. */
    public void giveUp(Throwable cause) {
        offered.completeExceptionally(cause);
    }

    /**
     * Serves the same tools, resources and prompts through a Streamable HTTP transport (a servlet the caller
     * mounts), for a server shared by a team.
     */
    public static PceMcpServer startHttp(ServerProtocol protocol, List<CeTool> tools, LearningsAccess learnings,
                                         McpStreamableServerTransportProvider transport, String version,
                                         String logHint) {
        McpSyncServer server = handshake(McpServer.sync(transport), protocol.jsonMapper(), protocol.mapper(), version)
                .tools(specifications(protocol, tools, logHint))
                .resourceTemplates(NoteResources.templates(learnings))
                .prompts(McpPrompts.specifications(protocol.prompts()))
                .build();
        LOG.info("PCE MCP server {} serving {} tools over HTTP", version, tools.size());
        return new PceMcpServer(server, CompletableFuture.completedFuture(null),
                CompletableFuture.completedFuture(null));
    }

    /** What the server says and does in the handshake: who it is, how to use it, what it offers. */
    private static <S extends McpServer.SyncSpecification<S>> S handshake(S specification,
                                                                          JacksonMcpJsonMapper jsonMapper,
                                                                          ObjectMapper mapper, String version) {
        specification.serverInfo("pce", version)
                .instructions(INSTRUCTIONS)
                .jsonMapper(jsonMapper)
                .jsonSchemaValidator(OutputValidation.fromEnvironment(mapper))
                .validateToolInputs(false)
                .requestTimeout(Duration.ofMinutes(5))
                .capabilities(CAPABILITIES);
        return specification; // each setter returns the specification itself, typed less precisely
    }

    private static List<SyncToolSpecification> specifications(ServerProtocol protocol, List<CeTool> tools,
                                                              String logHint) {
        List<SyncToolSpecification> specifications = new ArrayList<>();
        for (CeTool tool : tools) {
            ServerProtocol.Contract contract = protocol.contract(tool.name());
            specifications.add(SyncToolSpecification.builder()
                    .tool(contract.descriptor())
                    .callHandler((exchange, request) -> invoke(tool, contract.definition(), request.arguments(),
                            logHint))
                    .build());
        }
        return specifications;
    }

    static CallToolResult invoke(CeTool tool, ToolDefinition definition, Map<String, Object> arguments,
                                 String logHint) {
        long started = System.nanoTime();
        try {
            JsonNode args = Json.mapper().valueToTree(arguments);
            ToolOutput result = tool.call(ToolArgs.of(args).allowOnly(definition.argumentNames()));
            LOG.debug("{} answered in {} us", tool.name(), (System.nanoTime() - started) / 1000);
            return ToolResults.success(result);
        } catch (CeException e) {
            LOG.info("{} refused: {}", tool.name(), e.describe());
            return ToolResults.failure(tool.name(), e);
        } catch (RuntimeException e) {
            LOG.error("{} failed unexpectedly", tool.name(), e);
            return ToolResults.internalError(tool.name(), e, logHint);
        }
    }

    /** Completes once the first answer is out (at once over HTTP, where answers have no one order). */
    public CompletionStage<Void> firstAnswer() {
        return firstAnswer;
    }

    @Override
    public void close() {
        server.closeGracefully();
    }
}
