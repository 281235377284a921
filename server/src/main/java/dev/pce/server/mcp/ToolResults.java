package dev.pce.server.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.engine.Json;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;

/**
 * Turns tool outcomes into MCP results. Success carries the structured content plus the same JSON as text (for
 * clients that only show text); failure is an {@code isError} result whose text says what, where and how to fix.
 */
final class ToolResults {

    private ToolResults() {
    }

    static CallToolResult success(JsonNode structured) {
        return CallToolResult.builder()
                .structuredContent(structured)
                .addTextContent(text(structured))
                .isError(false)
                .build();
    }

    /** Text only: clients check structured content against the output schema, which describes success. */
    static CallToolResult failure(String tool, CeException error) {
        return CallToolResult.builder()
                .addTextContent(tool + " failed [" + error.code().name() + "]: " + error.describe())
                .isError(true)
                .build();
    }

    static CallToolResult internalError(String tool, RuntimeException error, String logHint) {
        return failure(tool, new CeException(ErrorCode.INTERNAL,
                "Internal error in " + tool + ": " + error + ".",
                "This is a PCE bug, not your input; the server is still running. Details are in " + logHint + "."));
    }

    private static String text(JsonNode structured) {
        try {
            return Json.mapper().writeValueAsString(structured);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("tool result is not serializable", e);
        }
    }
}
