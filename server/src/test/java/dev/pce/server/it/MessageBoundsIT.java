package dev.pce.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pce.server.client.McpStdioClient;
import dev.pce.server.client.Pages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static dev.pce.server.it.ServerUnderTest.args;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bounds of one message (docs/security.md, Sizes), at their limits, over real stdio: a message may be 32 MiB and
 * a string in it as long as that allows; JSON may nest 1,000 levels and a request's params 100; beyond a bound the
 * answer names it, never "not JSON", and the server goes on.
 */
class MessageBoundsIT {
    private static final int MAX_MESSAGE_BYTES = 32 * 1024 * 1024;

    @TempDir
    Path temp;

    /**
     * The report of issue 16: a valid 31 MiB message was refused as "not JSON" (Jackson's bound of 20 million
     * characters for one string).
     */
    @Test
    void aMessageOfExactly32MiBWithOneLongStringIsReadAndOneByteMoreIsRefusedAsTooLong() throws IOException {
        try (ServerUnderTest server = ServerUnderTest.start(temp.resolve("ws"))) {
            McpStdioClient client = server.client();

            JsonNode read = client.requestVerbatim(id -> captureOfBytes(id, MAX_MESSAGE_BYTES));

            // read in full: the tool itself answers, about the argument's length
            assertThat(read.path("result").path("isError").asBoolean()).as(read.toString()).isTrue();
            assertThat(read.path("result").path("content").path(0).path("text").asText())
                    .containsPattern("body is 3355\\d{4} characters long");

            client.sendRaw(captureOfBytes(0, MAX_MESSAGE_BYTES + 1));
            client.request("ping", args()); // answered after the refusal of the line before it
            assertThat(client.errorsWithoutId()).singleElement().satisfies(error -> {
                assertThat(error.path("code").asInt()).isEqualTo(-32600);
                assertThat(error.path("message").asText()).contains("longer than " + MAX_MESSAGE_BYTES + " bytes");
            });
            assertThat(server.ok("ce_status", args()).has("workflows")).as("the server goes on").isTrue();
        }
    }

    @Test
    void jsonBeyondTheReadersBoundsIsAnsweredNamingTheBoundNotAsAParseError() throws IOException {
        try (ServerUnderTest server = ServerUnderTest.start(temp.resolve("ws"))) {
            McpStdioClient client = server.client();

            client.sendRaw("{\"jsonrpc\":\"2.0\",\"id\":\"deep\",\"method\":\"ping\",\"params\":{\"x\":"
                    + arrays(999) + "}}");
            client.sendRaw("{\"jsonrpc\":\"2.0\",\"id\":\"long\",\"method\":\"ping\",\"params\":{\"x\":"
                    + "9".repeat(1_001) + "}}");
            client.request("ping", args());

            assertThat(client.errorsWithoutId()).extracting(error -> error.path("message").asText())
                    .satisfiesExactly(
                            tooDeep -> assertThat(tooDeep).contains("deeper than 1000 levels", "the most PCE reads"),
                            tooLong -> assertThat(tooLong).contains("a number longer than 1000 characters"))
                    .allSatisfy(message -> assertThat(message).doesNotContain("not JSON", "Jackson", "`"));
            assertThat(client.errorsWithoutId()).allSatisfy(error ->
                    assertThat(error.path("code").asInt()).isEqualTo(-32600));

            // 1,000 levels: the message object, params, and 998 arrays. Read, and refused for its params' depth.
            JsonNode deepest = client.requestVerbatim("ping", "{\"x\":" + arrays(998) + "}");
            assertThat(deepest.path("error").path("code").asInt()).as(deepest.toString()).isEqualTo(-32602);
            assertThat(deepest.path("error").path("message").asText()).contains("deeper than 100 levels");
        }
    }

    /**
     * Params nest at most 100 levels, far below the reader's 1,000: a tool's answer wraps what it stored in a few
     * more levels, and must still be within what can be written and read back. Data at the bound is stored and
     * answered; one level more is refused before anything is stored.
     */
    @Test
    void dataNestedToTheParamsBoundIsStoredAndAnsweredAndOneLevelMoreIsRefusedUnstored() throws IOException {
        try (ServerUnderTest server = ServerUnderTest.start(temp.resolve("ws"))) {
            String id = server.ok("ce_plan", Plans.small()).path("workflow_id").asText();
            String claim = server.ok("ce_claim", args("workflow_id", id, "pool", "planners", "agent", "p1"))
                    .path("task").path("claim_id").asText();
            String complete = "{\"name\":\"ce_complete\",\"arguments\":{\"workflow_id\":\"" + id + "\",\"task_id\":"
                    + "\"design\",\"claim_id\":\"" + claim + "\",\"agent\":\"p1\",\"summary\":\"done\",\"data\":";

            // params (1), arguments (2), data's 99 objects (3 to 101)
            JsonNode refused = server.client().requestVerbatim("tools/call", complete + objects(99) + "}}");
            assertThat(refused.path("error").path("code").asInt()).as(refused.toString()).isEqualTo(-32602);
            assertThat(refused.path("error").path("message").asText())
                    .contains("params.arguments.data", "deeper than 100 levels", "Nothing was done");
            assertThat(eventTypes(server, id)).doesNotContain("task.completed");

            JsonNode stored = server.client().requestVerbatim("tools/call", complete + objects(98) + "}}");
            assertThat(stored.path("result").path("isError").asBoolean()).as(stored.toString()).isFalse();
            List<JsonNode> events = Pages.allEvents(server.client(), id);
            JsonNode data = events.getLast().path("payload").path("data");
            assertThat(depth(data)).as("the data as stored, answered by ce_events").isEqualTo(98);
        }
    }

    /** A ce_capture request of exactly {@code bytes} bytes, its body filling what the rest leaves. */
    private static String captureOfBytes(long id, int bytes) {
        String head = "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{\"name\":"
                + "\"ce_capture\",\"arguments\":{\"title\":\"Long\",\"type\":\"insight\",\"body\":\"";
        String tail = "\"}}}";
        int filler = bytes - head.getBytes(StandardCharsets.UTF_8).length - tail.length();
        return head + "x".repeat(filler) + tail;
    }

    private static String arrays(int levels) {
        return "[".repeat(levels) + "]".repeat(levels);
    }

    private static String objects(int levels) {
        return "{\"a\":".repeat(levels) + "1" + "}".repeat(levels);
    }

    private static int depth(JsonNode node) {
        int levels = 0;
        while (node.isObject()) {
            levels++;
            node = node.path("a");
        }
        return levels;
    }

    private static List<String> eventTypes(ServerUnderTest server, String workflowId) {
        return Pages.allEvents(server.client(), workflowId).stream().map(event -> event.path("type").asText())
                .toList();
    }
}
