package dev.pce.server.mcp;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pce.engine.Json;
import dev.pce.server.prompts.PromptCatalog;
import dev.pce.server.prompts.PromptTemplate;
import dev.pce.server.tools.ToolDefinition;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The part of the server's set-up that needs no workspace: the protocol's JSON mapper and each tool's contract
 * and descriptor. {@link #prepareInBackground} runs it on a second thread
 * while the main thread opens the workspace and the logs; on two cores that takes a good part off start-up.
 */
public record ServerProtocol(ObjectMapper mapper, JacksonMcpJsonMapper jsonMapper, Map<String, Contract> contracts,
                             List<PromptTemplate> prompts) {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    /** Bounds the server checks itself, left out of the schemas clients are shown. */
    private static final List<String> SIZE_BOUNDS = List.of("maxLength", "minLength", "maxItems", "minItems",
            "pattern");
    /** A handshake as clients open it: the first thing a server reads, so its (de)serializers are built first. */
    private static final String SAMPLE_INITIALIZE = """
            {"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-06-18",\
            "capabilities":{"roots":{"listChanged":true},"sampling":{}},"clientInfo":{"name":"warm-up","version":"0"}}}""";
    /** A tool call as clients send them; parsing one builds the deserializers the real ones then find ready. */
    private static final String SAMPLE_TOOL_CALL = """
            {"jsonrpc":"2.0","id":0,"method":"tools/call","params":{"name":"ce_status","arguments":{}}}""";

    /** A tool's contract (from its JSON file) and the descriptor MCP lists. */
    public record Contract(ToolDefinition definition, McpSchema.Tool descriptor) {
    }

    public ServerProtocol {
        contracts = Map.copyOf(contracts);
        prompts = List.copyOf(prompts);
    }

    /**
     * Prepares the protocol on a second thread. The future completes as soon as the mapper and the contracts are
     * ready; the thread then goes on to warm the serializers of the answers that follow the handshake's first one
     * (the tool list), while the server already answers.
     */
    public static CompletableFuture<ServerProtocol> prepareInBackground(List<String> toolNames) {
        CompletableFuture<ServerProtocol> prepared = new CompletableFuture<>();
        Thread.ofPlatform().name("pce-protocol-setup").daemon().start(() -> {
            ServerProtocol protocol;
            try {
                protocol = prepare(toolNames);
            } catch (RuntimeException | Error e) {
                prepared.completeExceptionally(e);
                return;
            }
            prepared.complete(protocol);
            // the SDK names its session with a random UUID, whose generator seeds itself on first use (security
            // providers, the entropy source): started here, that is off the path to the first answer
            UUID.randomUUID();
            warmUp(protocol.jsonMapper(), protocol.contracts());
        });
        return prepared;
    }

    /** The mapper, the tool contracts and the prompts, without warming anything up. */
    public static ServerProtocol prepare(List<String> toolNames) {
        ObjectMapper mapper = Json.plain();
        JacksonMcpJsonMapper jsonMapper = new JacksonMcpJsonMapper(mapper);
        Map<String, Contract> contracts = new LinkedHashMap<>();
        for (String name : toolNames) {
            ToolDefinition definition = ToolDefinition.load(name);
            contracts.put(name, new Contract(definition, descriptor(definition)));
        }
        return new ServerProtocol(mapper, jsonMapper, contracts, loadPrompts());
    }

    /** The prompts; a broken prompt file (a defect the build's tests catch) costs the prompts, not the server. */
    private static List<PromptTemplate> loadPrompts() {
        try {
            return PromptCatalog.load();
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(ServerProtocol.class).error("No prompts offered: {}", e.getMessage());
            return List.of();
        }
    }

    /** The contract of {@code tool}: prepared, or loaded now for a tool that was not named in advance. */
    Contract contract(String tool) {
        Contract contract = contracts.get(tool);
        if (contract != null) {
            return contract;
        }
        ToolDefinition definition = ToolDefinition.load(tool);
        return new Contract(definition, descriptor(definition));
    }

    /**
     * A tool as {@code tools/list} shows it: name, title, annotations, description and input schema. The output
     * schema stays in the contract: clients such as Claude Code never show it to a model, and it made up 32 KB of
     * every session's tool list; the structured content still follows it ({@link OutputValidation}).
     */
    private static McpSchema.Tool descriptor(ToolDefinition definition) {
        ToolDefinition.Annotations hints = definition.annotations();
        return McpSchema.Tool.builder()
                .name(definition.name())
                .title(definition.title())
                .annotations(McpSchema.ToolAnnotations.builder().title(hints.title()).readOnlyHint(hints.readOnly())
                        .destructiveHint(hints.destructive()).idempotentHint(hints.idempotent())
                        .openWorldHint(hints.openWorld()).build())
                .description(definition.description())
                .inputSchema(Json.plain().convertValue(lean(definition.inputSchema()), MAP))
                .build();
    }

    /**
     * The input schema a client is shown: the contract's, without the size and pattern bounds of its strings and
     * lists. The server checks those itself and answers what to fix; shown, they made up a tenth of the tool list,
     * which every session's model reads.
     */
    static JsonNode lean(JsonNode schema) {
        ObjectNode copy = schema.deepCopy();
        removeBounds(copy);
        return copy;
    }

    /** Removes the bounds from a schema and the schemas inside it (properties, items, alternatives). */
    private static void removeBounds(JsonNode schema) {
        if (!(schema instanceof ObjectNode object)) {
            return;
        }
        object.remove(SIZE_BOUNDS);
        object.path("properties").forEach(ServerProtocol::removeBounds);
        removeBounds(object.path("items"));
        for (String alternatives : List.of("oneOf", "anyOf", "allOf")) {
            object.path(alternatives).forEach(ServerProtocol::removeBounds);
        }
    }

    /**
     * Runs the (de)serialization of the requests and answers that follow the first one, so they find their
     * serializers built. Best effort: a failure here only means the real request builds them.
     */
    private static void warmUp(JacksonMcpJsonMapper jsonMapper, Map<String, Contract> contracts) {
        try {
            var handshake = (McpSchema.JSONRPCRequest) McpSchema.deserializeJsonRpcMessage(jsonMapper, SAMPLE_INITIALIZE);
            McpSchema.InitializeRequest request = jsonMapper.convertValue(handshake.params(),
                    McpSchema.InitializeRequest.class);
            var answer = new McpSchema.InitializeResult(request.protocolVersion(), PceMcpServer.CAPABILITIES,
                    request.clientInfo(), PceMcpServer.INSTRUCTIONS);
            jsonMapper.writeValueAsString(new McpSchema.JSONRPCResponse(McpSchema.JSONRPC_VERSION, 0, answer, null));
            McpSchema.deserializeJsonRpcMessage(jsonMapper, SAMPLE_TOOL_CALL);
            var tools = new McpSchema.ListToolsResult(contracts.values().stream().map(Contract::descriptor).toList(),
                    null);
            jsonMapper.writeValueAsString(new McpSchema.JSONRPCResponse(McpSchema.JSONRPC_VERSION, 1, tools, null));
        } catch (IOException | RuntimeException e) {
            LoggerFactory.getLogger(ServerProtocol.class).debug("Protocol warm-up skipped: {}", e.toString());
        }
    }
}
