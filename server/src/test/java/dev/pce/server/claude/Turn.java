package dev.pce.server.claude;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pce.engine.Json;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One scripted assistant turn: the content blocks the stand-in streams back, as the model would. A turn with tool
 * calls ends with stop reason {@code tool_use}, so Claude Code runs them and asks again; a turn of text alone ends
 * the agent's run.
 */
public record Turn(List<Block> blocks) {
    private static final AtomicLong IDS = new AtomicLong();

    /** A content block of the Messages API. */
    public sealed interface Block permits Text, ToolUse {
    }

    public record Text(String text) implements Block {
    }

    /** A tool call; Claude Code answers it with a {@code tool_result} naming {@code id}. */
    public record ToolUse(String id, String name, JsonNode input) implements Block {
    }

    public Turn {
        blocks = List.copyOf(blocks);
    }

    public static Turn text(String text) {
        return new Turn(List.of(new Text(text)));
    }

    /** Calls {@code name} (as Claude Code names it, e.g. {@code mcp__pce__ce_claim}) with {@code input}. */
    public static Turn call(String name, Object input) {
        return new Turn(List.of(use(name, input)));
    }

    public static ToolUse use(String name, Object input) {
        return new ToolUse("toolu_e2e_" + IDS.incrementAndGet(), name, Json.mapper().valueToTree(input));
    }

    public boolean callsTools() {
        return blocks.stream().anyMatch(ToolUse.class::isInstance);
    }
}
