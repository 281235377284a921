package dev.pce.server.mcp;

import com.fasterxml.jackson.databind.util.RawValue;
import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.server.tools.ToolOutput;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;

import java.util.Locale;

/**
 * Turns tool outcomes into MCP results. Success carries the structured content plus its text (the same JSON, or a
 * digest for large answers, for clients that show text to a model); failure is an {@code isError} result whose
 * text says what, where and how to fix.
 */
final class ToolResults {

    private ToolResults() {
    }

    /**
     * An answer already fitted to what clients accept ({@link AnswerFit}). The structured content goes out as it is
     * (raw), so its unpaired surrogates are escaped here: text stored before such requests were refused, which
     * UTF-8 could not carry, and the answer was lost.
     */
    static CallToolResult success(ToolOutput answer) {
        return CallToolResult.builder()
                .structuredContent(new RawValue(UnpairedSurrogates.escapedIn(answer.structuredJson())))
                .addTextContent(answer.text())
                .isError(false)
                .build();
    }

    /** Text only: the structured content of a tool is its success's. */
    static CallToolResult failure(String tool, CeException error) {
        return CallToolResult.builder()
                .addTextContent(AnswerFit.fitText(tool + " failed [" + error.code().name() + "]: " + error.describe()))
                .isError(true)
                .build();
    }

    /** The answer of a tool that stopped because its caller cancelled it; over stdio it is never sent. */
    static CallToolResult cancelled(String tool) {
        return failure(tool, new CeException(ErrorCode.CONFLICT, tool + " was cancelled before it stored anything.",
                "Call it again if you still want its result."));
    }

    /** A defect: the details (exception, stack) go to the log, never to the client. */
    static CallToolResult internalError(String tool, String logHint) {
        return failure(tool, new CeException(ErrorCode.INTERNAL, "Internal error in " + tool + ".",
                "This is a PCE bug, not your input; the server is still running. Details are in " + logHint + "."));
    }

    /**
     * The call needed more heap than the server may take. It may have stored its work before it ran out (a plan is
     * stored before its answer is built), so the caller is told to look before repeating it.
     */
    static CallToolResult outOfMemory(String tool, long heapBoundBytes, String logHint) {
        return failure(tool, new CeException(ErrorCode.INTERNAL, String.format(Locale.ROOT, "%s ran out of memory:"
                + " it needed more than the server's heap bound of %,d MiB. The server is still running; what the"
                + " call stored, if anything, ce_status and ce_events show (details in %s).", tool,
                heapBoundBytes >> 20, logHint), "Send less in one call (split a large plan into several workflows),"
                + " or give the server more heap: CE_JAVA_OPTS=-Xmx2g in the environment of ./ce serve (the env of"
                + " the pce entry in .mcp.json). Check with ce_status before repeating a call that stores."));
    }

    /**
     * The tool did its work, but its answer could not be built (a defect): the caller still learns what it answered,
     * as text, since what it stored stays stored.
     */
    static CallToolResult unsendable(String tool, ToolOutput answer, String logHint) {
        return CallToolResult.builder()
                .addTextContent(AnswerFit.fitText(tool + " did its work, but its answer could not be built [INTERNAL]: "
                        + "a PCE bug, whose details are in " + logHint + ". What it stored stays stored (ce_status and "
                        + "ce_events show it), so do not repeat the call for the same effect. Fix: Report the bug. Its "
                        + "answer, as text:\n" + answer.text()))
                .isError(true)
                .build();
    }
}
