package dev.pce.server.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pce.engine.Cancellation;
import dev.pce.engine.CeException;
import dev.pce.engine.Json;
import dev.pce.pkm.knowledge.VaultKnowledgeStore;
import dev.pce.server.tools.CeTool;
import dev.pce.server.tools.ToolArgs;
import dev.pce.server.tools.ToolDefinition;
import dev.pce.server.tools.ToolOutput;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/** The MCP server: PCE's tools, resources and prompts on the official SDK, over PCE's stdio transport or HTTP. */
public final class PceMcpServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PceMcpServer.class);
    /** Largest JSON-RPC message accepted: a plan of the maximum task count fits comfortably. */
    public static final int MAX_MESSAGE_BYTES = Json.MAX_MESSAGE_BYTES;
    static final String INSTRUCTIONS = """
            PCE coordinates parallel compound engineering: plan -> build -> review -> learn.
            1. A planner calls ce_plan with a goal and tasks (kind/pool, estimate, reads/writes, depends_on).
            2. Agents of each pool (planners, builders, reviewers) loop: ce_claim -> do the task -> ce_complete, or
               ce_fail (retryable=true for transient problems). Report before the lease ends. ce_progress publishes a
               partial output early, so tasks that depend on it softly can start.
            3. ce_status shows progress, pools and blocked tasks; ce_events streams what happened since a cursor.
            4. Learnings: ce_plan lists past notes related to each task; ce_search finds notes of this project's vault
               and other projects' vaults; ce_note (or the resource pkm://note/{id}) reads one; ce_capture writes
               what was learned (insight, decision, failure, pattern) so the next workflow finds it; ce_note_edit
               edits, moves (links follow) or deletes a note of the project's vault.
            """;

    /**
     * What PCE offers a client: tools and prompts (their lists never change), resources (the vaults' notes, listed
     * afresh on every resources/list; no list_changed notifications, no subscriptions), and log notifications.
     */
    static final McpSchema.ServerCapabilities CAPABILITIES = McpSchema.ServerCapabilities.builder().tools(false)
            .resources(false, false).prompts(false).logging().build();

    private final McpSyncServer server;
    private final CompletionStage<Void> firstAnswer;
    private final CompletionStage<Void> toolsKnown;
    private final CompletableFuture<RequestGate> offered;
    private final ClientLog.Client clientLog;

    private PceMcpServer(McpSyncServer server, CompletionStage<Void> firstAnswer, CompletionStage<Void> toolsKnown,
                         CompletableFuture<RequestGate> offered, ClientLog.Client clientLog) {
        this.server = server;
        this.firstAnswer = firstAnswer;
        this.toolsKnown = toolsKnown;
        this.offered = offered;
        this.clientLog = clientLog;
    }

    /** Starts serving on the given streams; returns at once, requests are handled on the SDK's threads. */
    public static PceMcpServer start(ServerProtocol protocol, List<CeTool> tools, VaultKnowledgeStore learnings,
                                     InputStream in, OutputStream out, String version, String logHint,
                                     Runnable onEndOfInput) {
        PceMcpServer server = startHandshake(protocol.jsonMapper(), in, out, version, onEndOfInput);
        server.offer(protocol, tools, learnings, logHint);
        return server;
    }

    /**
     * Starts serving on the given streams with the handshake alone: the server answers {@code initialize} at once,
     * and reads the lines after it once {@link #offer} has registered the tools, prompts and resources, which take
     * longer to prepare than the handshake. A client sees them all in its first {@code tools/list}.
     */
    public static PceMcpServer startHandshake(JacksonMcpJsonMapper jsonMapper, InputStream in, OutputStream out,
                                              String version, Runnable onEndOfInput) {
        ClientLog.Client clientLog = new ClientLog().client();
        CompletableFuture<RequestGate> offered = new CompletableFuture<>();
        StdioTransport transport = new StdioTransport(jsonMapper, in, out, MAX_MESSAGE_BYTES, onEndOfInput, offered,
                clientLog);
        McpSyncServer server = handshake(McpServer.sync(transport), jsonMapper, version).build();
        return new PceMcpServer(server, transport.firstAnswer(), transport.toolsKnown(), offered, clientLog);
    }

    /** Registers the tools, prompts and resources; the server then reads the requests after the handshake. */
    public void offer(ServerProtocol protocol, List<CeTool> tools, VaultKnowledgeStore learnings, String logHint) {
        try {
            // the transport drops the answer of a request cancelled in time, whatever it is
            specifications(protocol, tools, logHint, ToolResults::cancelled).forEach(server::addTool);
            McpPrompts.specifications(protocol.prompts()).forEach(server::addPrompt);
            NoteResources.templates(learnings).forEach(server::addResourceTemplate);
        } catch (RuntimeException | Error e) {
            offered.completeExceptionally(e);
            throw e;
        }
        offered.complete(new RequestGate(tools.stream().map(CeTool::name).toList(), clientLog, learnings));
    }

    /** Serving could not start after the handshake (the wiring failed): the session ends, as the process will. */
    public void giveUp(Throwable cause) {
        offered.completeExceptionally(cause);
    }

    /**
     * Completes once the client has the tools over stdio: its first tools/list answered, or a tool called without
     * one (over HTTP at once).
     */
    public CompletionStage<Void> toolsKnown() {
        return toolsKnown;
    }

    /** Completes once the first answer (the handshake's) has been written. */
    public CompletionStage<Void> firstAnswer() {
        return firstAnswer;
    }

    /**
     * Serves the same tools, resources and prompts through a Streamable HTTP transport (the SDK's servlet, which the
     * caller mounts behind {@link HttpEndpoint}'s filters), for a server shared by a team.
     */
    public static PceMcpServer startHttp(ServerProtocol protocol, List<CeTool> tools, VaultKnowledgeStore learnings,
                                         HttpSessions sessions, String version, String logHint) {
        // the SDK sends what the handler returns: a cancelled call returns nothing, and the SDK then ends the
        // request's stream without an answer
        McpSyncServer server = handshake(McpServer.sync(sessions), protocol.jsonMapper(), version)
                .tools(specifications(protocol, tools, logHint, tool -> null))
                .resourceTemplates(NoteResources.templates(learnings))
                .prompts(McpPrompts.specifications(protocol.prompts()))
                .build();
        LOG.info("PCE MCP server {} serving {} tools over HTTP", version, tools.size());
        return new PceMcpServer(server, CompletableFuture.completedFuture(null), CompletableFuture.completedFuture(null),
                new CompletableFuture<>(),
                new ClientLog().client());
    }

    /** What the server says and does in the handshake: who it is, how to use it, what it offers. */
    private static <S extends McpServer.SyncSpecification<S>> S handshake(S specification,
                                                                          JacksonMcpJsonMapper jsonMapper,
                                                                          String version) {
        specification.serverInfo("pce", version)
                .instructions(INSTRUCTIONS)
                .jsonMapper(PlainMessages.forTheServer(jsonMapper))
                .jsonSchemaValidator(OutputValidation.forTheSdk())
                .validateToolInputs(false)
                .requestTimeout(Duration.ofMinutes(5))
                .capabilities(CAPABILITIES);
        return specification; // each setter returns the specification itself, typed less precisely
    }

    private static List<SyncToolSpecification> specifications(ServerProtocol protocol, List<CeTool> tools,
                                                              String logHint,
                                                              Function<String, CallToolResult> whenCancelled) {
        List<SyncToolSpecification> specifications = new ArrayList<>();
        for (CeTool tool : tools) {
            ServerProtocol.Contract contract = protocol.contract(tool.name());
            specifications.add(SyncToolSpecification.builder()
                    .tool(contract.descriptor())
                    .callHandler((exchange, request) -> RequestContext.logged(exchange, () -> invoke(tool,
                            contract.definition(), request.arguments(), RequestContext.cancellation(exchange),
                            logHint, whenCancelled)))
                    .build());
        }
        return specifications;
    }

    /**
     * Runs a tool call. A call cancelled before it stored anything answers {@code whenCancelled} of the tool's name,
     * which the client never sees: the stdio transport drops it, over HTTP it is no answer at all.
     */
    static CallToolResult invoke(CeTool tool, ToolDefinition definition, Map<String, Object> arguments,
                                 Cancellation cancellation, String logHint,
                                 Function<String, CallToolResult> whenCancelled) {
        long started = System.nanoTime();
        HeapRelease.PROCESS.callStarted();
        try {
            cancellation.check(); // cancelled while it waited for a thread: it never starts
            CallToolResult answer = answer(tool, definition, arguments, cancellation, logHint, started);
            // a call that stored nothing (or failed) may be cancelled up to here: then it gets no answer either
            cancellation.commit();
            return answer;
        } catch (Cancellation.Cancelled e) {
            LOG.info("{} stopped after {} ms: the client cancelled it; nothing was stored", tool.name(),
                    (System.nanoTime() - started) / 1_000_000);
            return whenCancelled.apply(tool.name());
        } finally {
            HeapRelease.PROCESS.callEnded();
        }
    }

    /** The tool's answer: its result, its refusal, or an internal error; a cancel stops it with {@code Cancelled}. */
    private static CallToolResult answer(CeTool tool, ToolDefinition definition, Map<String, Object> arguments,
                                         Cancellation cancellation, String logHint, long started) {
        try {
            LOG.debug("{} started", tool.name());
            JsonNode args = ArgumentTree.of(arguments);
            ToolOutput result = tool.call(ToolArgs.of(args).allowOnly(definition.argumentNames()), cancellation);
            LOG.debug("{} answered in {} us", tool.name(), (System.nanoTime() - started) / 1000);
            return delivered(tool, definition, result, logHint);
        } catch (Cancellation.Cancelled e) {
            throw e;
        } catch (CeException e) {
            LOG.info("{} refused: {}", tool.name(), e.describe());
            return ToolResults.failure(tool.name(), e);
        } catch (RuntimeException e) {
            LOG.error("{} failed unexpectedly", tool.name(), e);
            return ToolResults.internalError(tool.name(), logHint);
        } catch (OutOfMemoryError e) {
            // what the call allocated is garbage once it unwinds: the server goes on, the caller hears why
            long heapBound = Runtime.getRuntime().maxMemory();
            LOG.error("{} ran out of memory (heap bound {} MiB)", tool.name(), heapBound >> 20, e);
            return ToolResults.outOfMemory(tool.name(), heapBound, logHint);
        }
    }

    /**
     * The answer of a tool that did its work (and may have stored something): fitted to the client and checked. If
     * that fails, a defect, the caller still gets what the tool answered, as text: never an answer that hides what
     * was done.
     */
    private static CallToolResult delivered(CeTool tool, ToolDefinition definition, ToolOutput result,
                                            String logHint) {
        try {
            ToolOutput answer = AnswerFit.fit(result);
            Optional<String> mismatch = OutputValidation.problem(definition, answer);
            if (mismatch.isPresent()) {
                throw new IllegalStateException("the answer does not match the output schema: " + mismatch.get());
            }
            return ToolResults.success(answer);
        } catch (RuntimeException e) {
            LOG.error("{} did its work, but its answer could not be built", tool.name(), e);
            return ToolResults.unsendable(tool.name(), result, logHint);
        }
    }

    @Override
    public void close() {
        server.closeGracefully();
    }
}
