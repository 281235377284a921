package dev.pce.server.mcp;

import dev.pce.pkm.knowledge.VaultKnowledgeStore;
import dev.pce.server.tools.Suggestions;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse;
import io.modelcontextprotocol.spec.McpSchema.LoggingLevel;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static dev.pce.server.mcp.RequestParams.invalidParams;
import static dev.pce.server.mcp.RequestParams.kind;

/**
 * The requests PCE answers itself, before the SDK's session sees them, because the SDK's answer breaks the
 * specification (revision 2025-06-18) or tells the caller nothing to act on:
 * <ul>
 *   <li>{@code tools/call} naming an unknown tool, or with {@code arguments} that are no object: the SDK answers
 *       "Unknown tool: invalid_tool_name" without the name sent, or an internal error quoting Jackson. PCE answers
 *       -32602 naming the tool sent and the tools there are, or saying what the arguments must be.</li>
 *   <li>{@code logging/setLevel}: the SDK accepts any level. PCE refuses an unknown one (-32602 naming the valid
 *       ones) and sends its log at the level set ({@link ClientLog}).</li>
 *   <li>{@code resources/list}: the SDK lists only resources registered in advance, all at once. PCE lists the
 *       vaults' notes a page at a time ({@link NoteResources#list}).</li>
 * </ul>
 * Before any of that, every request's params are checked ({@link RequestParams}): a problem there is answered
 * -32602 and the request goes no further. Every other request goes to the session. Each session has its gate: over
 * stdio the one, over HTTP one per session.
 */
final class RequestGate {
    private static final List<String> LEVELS = Arrays.stream(LoggingLevel.values())
            .map(level -> level.name().toLowerCase(Locale.ROOT)).toList();

    private final List<String> tools;
    private final ClientLog.Client clientLog;
    private final VaultKnowledgeStore learnings;

    /** @param clientLog the log of the client whose requests this gate answers (one gate per session) */
    RequestGate(Collection<String> tools, ClientLog.Client clientLog, VaultKnowledgeStore learnings) {
        this.tools = List.copyOf(tools);
        this.clientLog = clientLog;
        this.learnings = learnings;
    }

    /** PCE's own answer to {@code request}; empty when the session answers it. */
    Optional<Mono<JSONRPCResponse>> answer(McpSchema.JSONRPCRequest request) {
        return answer(request, true);
    }

    /**
     * As {@link #answer(McpSchema.JSONRPCRequest)}; {@code mayHoldSurrogates} false when the request's JSON text
     * holds no escaped surrogate, so its strings need no check ({@link RequestParams#problem}).
     */
    Optional<Mono<JSONRPCResponse>> answer(McpSchema.JSONRPCRequest request, boolean mayHoldSurrogates) {
        Optional<String> problem = (McpSchema.METHOD_TOOLS_CALL.equals(request.method())
                ? toolCallProblem(request.params()) : Optional.<String>empty())
                .or(() -> RequestParams.problem(request, mayHoldSurrogates));
        if (problem.isPresent()) {
            return Optional.of(Mono.just(invalidParams(request, problem.get())));
        }
        return switch (request.method()) {
            case McpSchema.METHOD_LOGGING_SET_LEVEL -> Optional.of(Mono.just(setLevel(request)));
            // reading the vault's index: off the thread that reads stdin or serves the HTTP request
            case McpSchema.METHOD_RESOURCES_LIST -> Optional.of(Mono.fromCallable(() -> listNotes(request))
                    .subscribeOn(Schedulers.boundedElastic()));
            default -> Optional.empty();
        };
    }

    /** What is wrong with the params of a tools/call before the SDK reads them; empty when nothing is. */
    private Optional<String> toolCallProblem(Object params) {
        String example = " Send params as {\"name\": \"ce_status\", \"arguments\": {...}}.";
        if (!(params instanceof Map<?, ?> call)) {
            return Optional.of("tools/call needs params: an object with the tool's name and its arguments, got "
                    + kind(params) + "." + example);
        }
        if (!(call.get("name") instanceof String name)) {
            return Optional.of("tools/call names no tool: params.name must be the name of one of the tools "
                    + String.join(", ", tools) + "." + example);
        }
        if (!tools.contains(name)) {
            String suggestion = Suggestions.nearest(name, tools).map(near -> " Did you mean '" + near + "'?")
                    .orElse("");
            return Optional.of("Unknown tool '" + name + "'." + suggestion + " The tools are "
                    + String.join(", ", tools) + " (tools/list describes them).");
        }
        Object arguments = call.get("arguments");
        if (arguments != null && !(arguments instanceof Map)) {
            return Optional.of("The arguments of the tools/call of '" + name + "' must be a JSON object, got "
                    + kind(arguments) + ". Send them as {\"argument\": value, ...}, as the tool's inputSchema in "
                    + "tools/list describes, or leave them out.");
        }
        return Optional.empty();
    }

    private JSONRPCResponse setLevel(McpSchema.JSONRPCRequest request) {
        Object level = request.params() instanceof Map<?, ?> params ? params.get("level") : null;
        if (!(level instanceof String name) || !LEVELS.contains(name)) {
            return invalidParams(request, "Unknown log level " + (level instanceof String name ? "'" + name + "'"
                    : kind(level)) + " in logging/setLevel; the levels are " + String.join(", ", LEVELS)
                    + ". Send params as {\"level\": \"info\"}.");
        }
        clientLog.setLevel(LoggingLevel.valueOf(name.toUpperCase(Locale.ROOT)));
        return JSONRPCResponse.result(request.id(), Map.of());
    }

    private JSONRPCResponse listNotes(McpSchema.JSONRPCRequest request) {
        // a cursor that is no string was refused (RequestParams)
        Object cursor = request.params() instanceof Map<?, ?> params ? params.get("cursor") : null;
        try {
            return JSONRPCResponse.result(request.id(), NoteResources.list(learnings,
                    Optional.ofNullable((String) cursor)));
        } catch (McpError e) {
            return JSONRPCResponse.error(request.id(), e.getJsonRpcError());
        }
    }
}
