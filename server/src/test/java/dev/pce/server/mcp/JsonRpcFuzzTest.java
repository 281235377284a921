package dev.pce.server.mcp;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Fuzz target of the server's JSON-RPC and tool argument layer: stdin lines into a real PCE server session in this
 * JVM ({@link InProcessServer}: transport, MCP SDK, every tool, the engine, the Drools rules and the vaults, on a
 * scratch project and workspace), and what it writes to stdout checked by {@link JsonRpcAnswers}: nothing but
 * JSON-RPC, every request answered exactly once, errors that say what and how to fix, no internal error.
 *
 * <p>Two ways in: raw bytes (split into lines at line feeds, after the handshake), and tool calls built from the
 * tools' input schemas ({@link McpRequests}). The corpus is under
 * {@code src/test/resources/dev/pce/server/mcp/JsonRpcFuzzTestInputs}: real tool calls of every tool, in which
 * {@code $WORKFLOW} and {@code $CLAIM} stand for the scratch workflow and its live claim; see docs/fuzzing.md.
 */
// A session that hangs is a finding too: Jazzer makes this its per-input timeout (setup included on the first).
@Timeout(120)
class JsonRpcFuzzTest {

    @FuzzTest
    @DictionaryEntries({"{\\\"jsonrpc\\\":\\\"2.0\\\",", "\\\"id\\\":", "\\\"method\\\":\\\"tools/call\\\"",
            "\\\"params\\\":{\\\"name\\\":\\\"", "\\\"arguments\\\":{", "$WORKFLOW", "$CLAIM", "\\\"workflow_id\\\":",
            "\\\"task_id\\\":", "\\\"claim_id\\\":", "\\\"agent\\\":", "\\\"pool\\\":", "ce_plan", "ce_claim",
            "ce_complete", "ce_status", "ce_events", "ce_capture", "ce_search", "ce_note", "ce_gate", "ce_review",
            "\\x0A"})
    void answersAnyLines(byte[] input) {
        JsonRpcAnswers.check(InProcessServer.get().session(lines(input)));
    }

    @FuzzTest
    void answersToolCalls(FuzzedDataProvider data) {
        JsonRpcAnswers.check(InProcessServer.get().session(McpRequests.lines(data)));
    }

    private static List<byte[]> lines(byte[] input) {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= input.length; i++) {
            if (i == input.length || input[i] == '\n') {
                lines.add(Arrays.copyOfRange(input, start, i));
                start = i + 1;
            }
        }
        return lines;
    }
}
