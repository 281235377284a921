package dev.pce.server.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

    static CallToolResult failure(String tool, CeException error) {
        ObjectNode body = Json.mapper().createObjectNode();
        ObjectNode detail = body.putObject("error");
        detail.put("code", error.code().name());
        detail.put("message", error.getMessage());
        detail.put("fix", error.fix());
        return CallToolResult.builder()
                .structuredContent(body)
                .addTextContent(tool + " failed: " + error.describe())
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
