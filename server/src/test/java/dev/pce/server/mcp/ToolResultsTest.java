package dev.pce.server.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pce.engine.Cancellation;
import dev.pce.server.tools.CeTool;
import dev.pce.server.tools.ToolArgs;
import dev.pce.server.tools.ToolDefinition;
import dev.pce.server.tools.ToolOutput;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** What a tool's answer becomes on the wire: always something the client can read, whatever the tool stored. */
class ToolResultsTest {
    private static final ServerProtocol PROTOCOL = ServerProtocol.prepare(List.of());

    /** Text stored by an earlier version with a lone surrogate failed to encode, and the client heard nothing. */
    @Test
    void anAnswerHoldingAnUnpairedSurrogateIsEncodedAndReadsBackAsStored() throws Exception {
        String goal = "end" + (char) 0xD800 + " and " + new String(Character.toChars(0x1F600));
        String json = "{\"workflow_id\":\"wf-1\",\"goal\":\"" + goal + "\"}";

        JsonNode wire = onTheWire(ToolResults.success(new ToolOutput(json, json, Optional.empty())));

        assertThat(wire.path("result").path("structuredContent").path("goal").asText()).isEqualTo(goal);
        assertThat(wire.path("result").path("content").path(0).path("text").asText()).isEqualTo(json);
    }

    @Test
    void aToolThatDidItsWorkButWhoseAnswerCannotBeBuiltStillSaysWhatItAnswered() throws Exception {
        // an answer too large to send whole, and no object: it cannot be cut (a defect of the tool)
        String items = "\"wf-20261207-stored\"," + "\"x\",".repeat(20_000) + "\"y\"";
        CeTool broken = new CeTool() {
            @Override
            public String name() {
                return "ce_status";
            }

            @Override
            public ToolOutput call(ToolArgs args) {
                String json = "[" + items + "]";
                return new ToolOutput(json, "Planned wf-20261207-stored.", Optional.empty());
            }
        };

        CallToolResult result = PceMcpServer.invoke(broken, ToolDefinition.load("ce_status"), Map.of(),
                Cancellation.none(), "the log", tool -> null);

        assertThat(result.isError()).isTrue();
        String text = onTheWire(result).path("result").path("content").path(0).path("text").asText();
        assertThat(text).contains("ce_status did its work, but its answer could not be built",
                "Planned wf-20261207-stored.", "the log").doesNotContain("Exception", "java.");
    }

    /** A plan too large for the heap killed the worker, and the request was never answered. */
    @Test
    void aCallThatRunsOutOfMemoryIsAnsweredWithTheHeapBoundAndTheFix() throws Exception {
        CeTool hungry = new CeTool() {
            @Override
            public String name() {
                return "ce_plan";
            }

            @Override
            public ToolOutput call(ToolArgs args) {
                throw new OutOfMemoryError("Java heap space");
            }
        };

        CallToolResult result = PceMcpServer.invoke(hungry, ToolDefinition.load("ce_plan"), Map.of(),
                Cancellation.none(), "the log", tool -> null);

        assertThat(result.isError()).isTrue();
        String text = onTheWire(result).path("result").path("content").path(0).path("text").asText();
        assertThat(text).contains("ce_plan ran out of memory", "heap bound of", "still running", "ce_status",
                "CE_JAVA_OPTS=-Xmx", "the log").doesNotContain("OutOfMemoryError", "java.");
    }

    private static JsonNode onTheWire(CallToolResult result) throws Exception {
        byte[] bytes = PROTOCOL.jsonMapper().writeValueAsBytes(new McpSchema.JSONRPCResponse(
                McpSchema.JSONRPC_VERSION, 1, result, null));
        return PROTOCOL.mapper().readTree(bytes);
    }
}
