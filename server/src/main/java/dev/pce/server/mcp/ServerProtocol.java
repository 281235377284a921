package dev.pce.server.mcp;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
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

    private static McpSchema.Tool descriptor(ToolDefinition definition) {
        return McpSchema.Tool.builder()
                .name(definition.name())
                .title(definition.title())
                .description(definition.description())
                .inputSchema(Json.plain().convertValue(definition.inputSchema(), MAP))
                .outputSchema(Json.plain().convertValue(definition.outputSchema(), MAP))
                .build();
    }
}
