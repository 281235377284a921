package dev.pce.server.mcp;

import dev.pce.engine.CeException;
import dev.pce.server.prompts.PromptTemplate;
import io.modelcontextprotocol.server.McpServerFeatures.SyncPromptSpecification;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * PCE's prompt templates as MCP prompts: listed with their arguments, rendered as one user message.
 *
 * <p>Claude Code offers a prompt as {@code /mcp__pce__<name>}, splits the line typed after it on spaces (quotes
 * are not honoured) and hands argument k the k-th word, dropping the words beyond the last argument; the whole
 * line goes to the model beside the prompt's text, as {@code <command-args>}. So for Claude Code a free-text
 * argument is rendered as a pointer to that line, whose words all arrive, instead of the one word the server got.
 */
final class McpPrompts {
    /** The client name Claude Code sends in {@code initialize}. */
    static final String CLAUDE_CODE = "claude-code";

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
        return new SyncPromptSpecification(prompt, (exchange, request) -> render(template, request.arguments(),
                exchange.getClientInfo() != null && CLAUDE_CODE.equals(exchange.getClientInfo().name())));
    }

    static McpSchema.GetPromptResult render(PromptTemplate template, Map<String, Object> arguments,
                                            boolean wholeLineBesideText) {
        Map<String, String> values = new HashMap<>();
        if (arguments != null) {
            arguments.forEach((key, value) -> values.put(key, value == null ? "" : String.valueOf(value)));
        }
        try {
            String text = template.render(values);
            if (wholeLineBesideText && template.textArgument().isPresent()) {
                // a text argument is its prompt's only argument: every placeholder is it
                text = template.fill(argument -> "the " + argument.name() + " typed after the command (all of "
                        + "<command-args> above, every word)");
            }
            return new McpSchema.GetPromptResult(template.description(), List.of(
                    new McpSchema.PromptMessage(McpSchema.Role.USER, new McpSchema.TextContent(text))));
        } catch (CeException e) {
            throw McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS).message(e.describe()).build();
        }
    }
}
