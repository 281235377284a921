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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The part of the server's set-up that needs no workspace: the protocol's JSON mapper and each tool's contract
 * and descriptor. {@link ProtocolSetup} prepares it on a second thread while the main thread opens the workspace
 * and the logs; on two cores that takes a good part off start-up.
 */
public record ServerProtocol(ObjectMapper mapper, JacksonMcpJsonMapper jsonMapper, Map<String, Contract> contracts,
                             List<PromptTemplate> prompts) {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    /** Bounds the server checks itself, left out of the schemas clients are shown. */
    private static final List<String> SIZE_BOUNDS = List.of("maxLength", "minLength", "maxItems", "minItems",
            "pattern");

    /** A tool's contract (from its JSON file) and the descriptor MCP lists. */
    public record Contract(ToolDefinition definition, McpSchema.Tool descriptor) {
    }

    public ServerProtocol {
        contracts = Map.copyOf(contracts);
        prompts = List.copyOf(prompts);
    }

    /** The mapper, the tool contracts and the prompts; {@link ProtocolSetup} prepares them while a server starts. */
    public static ServerProtocol prepare(List<String> toolNames) {
        ObjectMapper mapper = Json.plain();
        return prepare(mapper, new JacksonMcpJsonMapper(mapper), toolNames);
    }

    static ServerProtocol prepare(ObjectMapper mapper, JacksonMcpJsonMapper jsonMapper, List<String> toolNames) {
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
}
