package dev.pce.server.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pce.engine.Json;
import dev.pce.server.client.McpStdioClient.ToolResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Reads what the server answers a page at a time, whole: a workflow's status with every task ({@code ce_status}
 * pages its tasks) and its whole history ({@code ce_events} pages its events). For callers that need everything,
 * such as the load audit; an agent reads one page and acts.
 */
public final class Pages {
    private static final int PAGE = 1_000;

    private Pages() {
    }

    /** {@code ce_status}'s {@code workflow}, with the tasks of every page in its {@code tasks}. */
    public static ObjectNode fullStatus(McpStdioClient client, String workflowId) {
        ObjectNode workflow = null;
        ArrayNode tasks = Json.mapper().createArrayNode();
        int offset = 0;
        while (true) {
            JsonNode answer = ok(client.callTool("ce_status", Json.mapper().createObjectNode()
                    .put("workflow_id", workflowId).put("offset", offset).put("limit", PAGE)));
            if (workflow == null) {
                workflow = (ObjectNode) answer.path("workflow").deepCopy();
            }
            answer.path("workflow").path("tasks").forEach(tasks::add);
            JsonNode next = answer.path("tasks_page").path("next_offset");
            if (!next.canConvertToInt() || next.asInt() <= offset) {
                workflow.set("tasks", tasks);
                return workflow;
            }
            offset = next.asInt();
        }
    }

    /** Every event of the workflow, in order: {@code ce_events} from the start until it has no more. */
    public static List<JsonNode> allEvents(McpStdioClient client, String workflowId) {
        return allEvents(arguments -> ok(client.callTool("ce_events", arguments)), workflowId);
    }

    /**
     * Every event of the workflow, with {@code ceEvents} calling {@code ce_events} with the given arguments and
     * returning its structured answer (a client of any transport).
     */
    public static List<JsonNode> allEvents(UnaryOperator<JsonNode> ceEvents, String workflowId) {
        List<JsonNode> events = new ArrayList<>();
        long after = 0;
        while (true) {
            JsonNode page = ceEvents.apply(Json.mapper().createObjectNode()
                    .put("workflow_id", workflowId).put("after", after).put("limit", PAGE));
            page.path("events").forEach(events::add);
            if (!page.path("has_more").asBoolean()) {
                return events;
            }
            if (page.path("next_after").asLong() <= after) {
                throw new McpStdioClient.McpClientException("ce_events did not move its cursor past " + after);
            }
            after = page.path("next_after").asLong();
        }
    }

    private static JsonNode ok(ToolResponse response) {
        if (response.isError()) {
            throw new McpStdioClient.McpClientException("the server refused a page: " + response.text());
        }
        return response.structured();
    }
}
