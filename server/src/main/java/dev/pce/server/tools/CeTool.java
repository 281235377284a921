package dev.pce.server.tools;

/**
 * One MCP tool. Its name, description and JSON schemas live in {@code /tools/<name>.json} (see
 * {@link ToolDefinition}); the class only turns checked arguments into a structured result.
 */
public interface CeTool {

    String name();

    /**
     * Runs the tool. Arguments have already been checked against the names the schema declares.
     *
     * @return the structured result (matching the tool's output schema) and its text
     * @throws dev.pce.engine.CeException for anything the caller can fix
     */
    ToolOutput call(ToolArgs args);
}
