package dev.pce.server.claude;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One request Claude Code sent to the Messages API, as the stand-in received it, with the questions the scripts
 * and the assertions ask of it.
 *
 * @param headers lower-case header names
 * @param body    the JSON body ({@code model}, {@code system}, {@code messages}, {@code tools}, ...)
 */
public record ModelRequest(Instant received, String path, Map<String, String> headers, JsonNode body) {

    /** Claude Code marks a subagent's requests with its id; the main agent's carry none. */
    public Optional<String> agentId() {
        return Optional.ofNullable(headers.get("x-claude-code-agent-id"));
    }

    public boolean isSubagent() {
        return agentId().isPresent();
    }

    /** The system prompt's text, however it was sent (a string or text blocks). */
    public String systemText() {
        return text(body.path("system"));
    }

    public List<String> toolNames() {
        List<String> names = new ArrayList<>();
        body.path("tools").forEach(tool -> names.add(tool.path("name").asText()));
        return names;
    }

    /** Everything the user side said (prompts, expanded commands, reminders), in order. */
    public List<String> userTexts() {
        List<String> texts = new ArrayList<>();
        for (JsonNode message : body.path("messages")) {
            if (message.path("role").asText().equals("user")) {
                JsonNode content = message.path("content");
                if (content.isTextual()) {
                    texts.add(content.asText());
                }
                content.forEach(block -> {
                    if (block.path("type").asText().equals("text")) {
                        texts.add(block.path("text").asText());
                    }
                });
            }
        }
        return texts;
    }

    /** The first user text containing {@code marker}, e.g. an expanded command after its name. */
    public Optional<String> userTextContaining(String marker) {
        return userTexts().stream().filter(text -> text.contains(marker)).findFirst();
    }

    /** How many turns the model has taken so far in this conversation. */
    public int assistantTurns() {
        int turns = 0;
        for (JsonNode message : body.path("messages")) {
            if (message.path("role").asText().equals("assistant")) {
                turns++;
            }
        }
        return turns;
    }

    /** The results of the tool calls the previous turn made, in its order: what Claude Code answered each call. */
    public List<ToolResult> lastToolResults() {
        Map<String, String> callNames = new HashMap<>();
        List<ToolResult> results = new ArrayList<>();
        for (JsonNode message : body.path("messages")) {
            for (JsonNode block : message.path("content")) {
                switch (block.path("type").asText()) {
                    case "tool_use" -> callNames.put(block.path("id").asText(), block.path("name").asText());
                    case "tool_result" -> results.add(new ToolResult(
                            callNames.getOrDefault(block.path("tool_use_id").asText(), "?"),
                            text(block.path("content")), block.path("is_error").asBoolean(false)));
                    default -> {
                    }
                }
            }
            if (message.path("role").asText().equals("assistant")) {
                results.clear(); // only the results after the last assistant turn count
            }
        }
        return results;
    }

    /** The last result of a call to {@code tool}, if the previous turn called it. */
    public Optional<ToolResult> lastResultOf(String tool) {
        return lastToolResults().stream().filter(result -> result.tool().equals(tool)).reduce((a, b) -> b);
    }

    /** A tool result as the model sees it: the tool's name, its text, whether Claude Code marked it an error. */
    public record ToolResult(String tool, String text, boolean isError) {
    }

    private static String text(JsonNode content) {
        if (content.isTextual()) {
            return content.asText();
        }
        StringBuilder text = new StringBuilder();
        content.forEach(block -> {
            if (block.has("text")) {
                text.append(block.path("text").asText());
            }
        });
        return text.toString();
    }
}
