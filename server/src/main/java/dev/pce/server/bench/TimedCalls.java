package dev.pce.server.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pce.server.client.McpStdioClient;
import dev.pce.server.client.McpStdioClient.ToolResponse;

/** Tool calls over stdio as the benchmarks time them. */
public final class TimedCalls {
    private TimedCalls() {
    }

    /** A tool's answer and its round trip. */
    public record Timed(ToolResponse response, long nanos) {
    }

    /**
     * Calls a tool and times the round trip: from writing the request until its whole answer line has been read.
     * Parsing the answer is the client's own work and comes after.
     */
    public static Timed timed(McpStdioClient client, String tool, JsonNode arguments) {
        ObjectNode request = McpStdioClient.toolCall(tool, arguments);
        long started = System.nanoTime();
        String answer = client.requestLine("tools/call", request);
        long nanos = System.nanoTime() - started;
        return new Timed(client.toolResponse(answer), nanos);
    }

    /** Calls a tool and adds its round trip (see {@link #timed}) to {@code samples}. */
    public static ToolResponse timedCall(McpStdioClient client, Samples samples, String tool, JsonNode arguments) {
        Timed timed = timed(client, tool, arguments);
        samples.add(timed.nanos());
        return timed.response();
    }

    /** The response, or an exception naming the tool's error when the call failed. */
    public static ToolResponse requireSuccess(ToolResponse response) {
        if (response.isError()) {
            throw new IllegalStateException("a tool call failed during the benchmark: " + response.text());
        }
        return response;
    }
}
