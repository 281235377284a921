package dev.pce.server.mcp;

import dev.pce.engine.CeException;
import dev.pce.server.prompts.PromptTemplate;
import io.modelcontextprotocol.server.McpServerFeatures.SyncPromptSpecification;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** PCE's prompt templates as MCP prompts: listed with their arguments, rendered as one user message. */
final class McpPrompts {

    private McpPrompts() {
    }

    static List<SyncPromptSpecification> specifications(List<PromptTemplate> templates) {
        return templates.stream().map(McpPrompts::specification).toList();
    }

    private static SyncPromptSpecification specification(PromptTemplate template) {
        List<McpSchema.PromptArgument> arguments = template.arguments().stream()
                .map(argument -> new McpSchema.PromptArgument(argument.name(), argument.description(),
                        argument.required()))
                .toList();
        McpSchema.Prompt prompt = new McpSchema.Prompt(template.name(), template.title(), template.description(),
                arguments);
        return new SyncPromptSpecification(prompt, (exchange, request) -> render(template, request.arguments()));
    }

    static McpSchema.GetPromptResult render(PromptTemplate template, Map<String, Object> arguments) {
        Map<String, String> values = new HashMap<>();
        if (arguments != null) {
            arguments.forEach((key, value) -> values.put(key, value == null ? "" : String.valueOf(value)));
        }
        try {
            String text = template.render(values);
            return new McpSchema.GetPromptResult(template.description(), List.of(
                    new McpSchema.PromptMessage(McpSchema.Role.USER, new McpSchema.TextContent(text))));
        } catch (CeException e) {
            throw McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS).message(e.describe()).build();
        }
    }
}
