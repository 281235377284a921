package dev.pce.server.mcp;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pce.engine.Json;
import dev.pce.server.tools.ToolDefinition;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.ProtocolVersions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The part of the server's set-up that needs no workspace: the protocol's JSON mapper, warmed on the handshake's
 * message types, and each tool's contract and descriptor. {@link #prepareInBackground} runs it on a second thread
 * while the main thread opens the workspace and the logs; on two cores that takes a good part off start-up.
 */
public record ServerProtocol(ObjectMapper mapper, JacksonMcpJsonMapper jsonMapper, Map<String, Contract> contracts) {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    /** What Claude Code sends first; parsing one builds the deserializers the real one then finds ready. */
    private static final String SAMPLE_INITIALIZE = """
            {"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-06-18",\
            "capabilities":{"roots":{}},"clientInfo":{"name":"warm-up","version":"0"}}}""";

    /** A tool's contract (from its JSON file) and the descriptor MCP lists. */
    public record Contract(ToolDefinition definition, McpSchema.Tool descriptor) {
    }

    public ServerProtocol {
        contracts = Map.copyOf(contracts);
    }

    public static CompletableFuture<ServerProtocol> prepareInBackground(List<String> toolNames) {
        CompletableFuture<ServerProtocol> prepared = new CompletableFuture<>();
        Thread.ofPlatform().name("pce-protocol-setup").daemon().start(() -> {
            try {
                prepared.complete(prepare(toolNames));
            } catch (RuntimeException | Error e) {
                prepared.completeExceptionally(e);
            }
        });
        return prepared;
    }

    public static ServerProtocol prepare(List<String> toolNames) {
        ObjectMapper mapper = new ObjectMapper();
        JacksonMcpJsonMapper jsonMapper = new JacksonMcpJsonMapper(mapper);
        Map<String, Contract> contracts = new LinkedHashMap<>();
        for (String name : toolNames) {
            ToolDefinition definition = ToolDefinition.load(name);
            contracts.put(name, new Contract(definition, descriptor(definition)));
        }
        warmUp(jsonMapper, contracts);
        return new ServerProtocol(mapper, jsonMapper, contracts);
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

    private static McpSchema.Tool descriptor(ToolDefinition definition) {
        return McpSchema.Tool.builder()
                .name(definition.name())
                .title(definition.title())
                .description(definition.description())
                .inputSchema(Json.mapper().convertValue(definition.inputSchema(), MAP))
                .outputSchema(Json.mapper().convertValue(definition.outputSchema(), MAP))
                .build();
    }

    /** Runs the handshake's (de)serialization once, so the first real request does not pay for building it. */
    private static void warmUp(JacksonMcpJsonMapper jsonMapper, Map<String, Contract> contracts) {
        try {
            var request = (McpSchema.JSONRPCRequest) McpSchema.deserializeJsonRpcMessage(jsonMapper,
                    SAMPLE_INITIALIZE);
            jsonMapper.convertValue(request.params(), McpSchema.InitializeRequest.class);
            var result = new McpSchema.InitializeResult(ProtocolVersions.MCP_2025_06_18,
                    McpSchema.ServerCapabilities.builder().tools(false).logging().build(),
                    new McpSchema.Implementation("pce", "warm-up"), "warm-up");
            jsonMapper.writeValueAsString(new McpSchema.JSONRPCResponse(McpSchema.JSONRPC_VERSION, 0, result, null));
            var tools = new McpSchema.ListToolsResult(contracts.values().stream().map(Contract::descriptor).toList(),
                    null);
            jsonMapper.writeValueAsString(new McpSchema.JSONRPCResponse(McpSchema.JSONRPC_VERSION, 1, tools, null));
        } catch (IOException e) {
            throw new UncheckedIOException("the MCP protocol classes could not be prepared", e);
        }
    }
}
