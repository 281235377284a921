package dev.pce.server.tools;

import dev.pce.engine.Cancellation;

/**
 * One MCP tool. Its name is one of {@link ToolName}; its description and JSON schemas live in
 * {@code /tools/<name>.json} (see {@link ToolDefinition}); the class only turns checked arguments into a structured
 * result.
 */
public interface CeTool {

    /** Its {@link ToolName#wireName()}. */
    String name();

    /**
     * Runs the tool. Arguments have already been checked against the names the schema declares.
     *
     * @return the structured result (matching the tool's output schema) and its text
     * @throws dev.pce.engine.CeException for anything the caller can fix
     */
    ToolOutput call(ToolArgs args);

    /**
     * Runs the tool for a caller that may cancel it. A tool whose work is long (a big plan, learning, a gate over
     * many reports) overrides this and stops at safe points before it stores anything. The others run to the end
     * once started, so a change they make always reaches its caller: they commit at once.
     *
     * @throws Cancellation.Cancelled when the tool stopped: it stored nothing
     */
    default ToolOutput call(ToolArgs args, Cancellation cancellation) {
        cancellation.commit();
        return call(args);
    }
}
