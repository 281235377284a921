package dev.pce.server.mcp;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pce.server.tools.ToolCatalog;
import dev.pce.server.tools.ToolDefinition;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * MCP requests built from a fuzzer's choices, for the server's fuzz target. Mostly tool calls shaped by each tool's
 * own input schema: known argument names with plausible values (the scratch workflow, its tasks and its live claim,
 * pools, notes of the vaults, the project's evidence files) or, now and then, a value of the wrong type, an
 * unknown argument, a text or list just past its limit, a path out of the project. Around them: odd ids, other
 * methods, notifications, arguments that are no object, and lines cut short.
 */
final class McpRequests {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Map<String, ObjectNode> SCHEMAS = ToolCatalog.TOOL_NAMES.stream()
            .collect(Collectors.toMap(Function.identity(), name -> ToolDefinition.load(name).inputSchema()));
    private static final List<String> METHODS = List.of("tools/list", "ping", "resources/templates/list",
            "resources/list", "resources/read", "prompts/list", "prompts/get", "logging/setLevel",
            "completion/complete", "initialize", "notifications/cancelled", "no/such/method");
    /** Values a client would send, and values meant to hurt: ids, pools, notes, files, limits, odd text. */
    private static final List<String> STRINGS = List.of(InProcessServer.WORKFLOW, InProcessServer.WORKFLOW,
            "wf-20990101-000000-000000", InProcessServer.CLAIM_TOKEN, "cl-000000000000", "design-policy",
            "build-store", "review-code", "planners", "builders", "reviewers", "planner-1", "builder-2",
            "202408241604-retries-need-jitter", "insights/202408241604-retries-need-jitter.md", "examples", "fuzz",
            "target/surefire-reports", "target/site/jacoco/jacoco.xml", "build/reports/semgrep.sarif", "target",
            "../../../../etc/hostname", "/etc/hostname", "~", ".", "", " ", "\t\n", "null", "0", "-1",
            "task.claimed", "workflow.planned", "tests", "coverage", "2024-08-24", "45m", "2h30m", "retries",
            "[[202408241604-retries-need-jitter]]", "#tag", "a/b/../../c", "\u0000", "\uD800", "😀", "日本語",
            "pkm://note/202408241604-retries-need-jitter", "CON", "x".repeat(129), "é".repeat(70_000));

    private final FuzzedDataProvider data;

    private McpRequests(FuzzedDataProvider data) {
        this.data = data;
    }

    /** One to four request lines. */
    static List<byte[]> lines(FuzzedDataProvider data) {
        McpRequests requests = new McpRequests(data);
        List<byte[]> lines = new ArrayList<>();
        for (int i = data.consumeInt(1, 4); i > 0; i--) {
            lines.add(requests.line());
        }
        return lines;
    }

    private byte[] line() {
        ObjectNode message = JSON.objectNode();
        if (data.consumeInt(0, 15) > 0) {
            message.put("jsonrpc", "2.0");
        } else {
            message.set("jsonrpc", anyValue(0));
        }
        if (data.consumeInt(0, 7) > 0) {
            message.set("id", id());
        }
        boolean toolCall = data.consumeInt(0, 3) > 0;
        message.put("method", toolCall ? "tools/call" : data.pickValue(METHODS));
        if (toolCall) {
            ObjectNode params = message.putObject("params");
            String tool = data.consumeInt(0, 15) > 0 ? data.pickValue(ToolCatalog.TOOL_NAMES) : string();
            params.put("name", tool);
            params.set("arguments", data.consumeInt(0, 15) > 0 ? object(SCHEMAS.getOrDefault(tool,
                    JSON.objectNode()), 0) : anyValue(0));
        } else if (data.consumeBoolean()) {
            message.set("params", data.consumeBoolean() ? anyValue(0) : stringsObject());
        }
        byte[] bytes = message.toString().getBytes(StandardCharsets.UTF_8);
        // a line cut short, as a client that died mid-write leaves it
        return data.consumeInt(0, 31) > 0 ? bytes : Arrays.copyOf(bytes, data.consumeInt(0, bytes.length));
    }

    private JsonNode id() {
        return switch (data.consumeInt(0, 7)) {
            case 0 -> JSON.textNode(data.consumeString(20));
            case 1 -> JSON.numberNode(data.consumeLong());
            case 2 -> JSON.numberNode(data.consumeDouble());
            case 3 -> JSON.numberNode(new BigDecimal("1e" + data.consumeInt(-400, 400)));
            case 4 -> anyValue(1);
            default -> JSON.numberNode(data.consumeInt(0, 1000));
        };
    }

    /** An object for {@code schema}: some of its properties, now and then an unknown one. */
    private ObjectNode object(JsonNode schema, int depth) {
        ObjectNode object = JSON.objectNode();
        schema.path("properties").properties().forEach(property -> {
            if (data.consumeInt(0, 3) > 0) {
                object.set(property.getKey(), value(property.getValue(), depth + 1));
            }
        });
        if (data.consumeInt(0, 15) == 0) {
            object.set(string(), anyValue(depth + 1));
        }
        return object;
    }

    private JsonNode value(JsonNode schema, int depth) {
        if (data.consumeInt(0, 15) == 0 || depth > 4) {
            return anyValue(depth);
        }
        JsonNode type = schema.path("type");
        String kind = type.isArray() ? type.path(data.consumeInt(0, type.size() - 1)).asText() : type.asText();
        return switch (kind) {
            case "string" -> schema.has("enum") && data.consumeBoolean()
                    ? schema.path("enum").path(data.consumeInt(0, schema.path("enum").size() - 1))
                    : JSON.textNode(schema.has("maxLength") && data.consumeInt(0, 31) == 0
                            ? "x".repeat(schema.path("maxLength").asInt() + 1) : string());
            case "integer" -> JSON.numberNode(data.consumeBoolean() ? data.consumeLong(-2, 2000) : data.consumeLong());
            case "number" -> JSON.numberNode(data.consumeBoolean() ? data.consumeDouble() : data.consumeInt(-1, 200));
            case "boolean" -> JSON.booleanNode(data.consumeBoolean());
            case "array" -> array(schema, depth);
            case "object" -> object(schema, depth);
            default -> anyValue(depth);
        };
    }

    private ArrayNode array(JsonNode schema, int depth) {
        ArrayNode array = JSON.arrayNode();
        int max = schema.path("maxItems").asInt(Integer.MAX_VALUE);
        if (max <= 1000 && data.consumeInt(0, 31) == 0) {
            for (int i = 0; i <= max; i++) {
                array.add("x");
            }
            return array;
        }
        for (int i = data.consumeInt(0, 3); i > 0; i--) {
            array.add(value(schema.path("items"), depth + 1));
        }
        return array;
    }

    /** Any JSON value, of any type. */
    private JsonNode anyValue(int depth) {
        return switch (depth > 3 ? data.consumeInt(0, 4) : data.consumeInt(0, 7)) {
            case 0 -> JSON.nullNode();
            case 1 -> JSON.booleanNode(data.consumeBoolean());
            case 2 -> JSON.numberNode(data.consumeLong());
            case 3 -> JSON.numberNode(data.consumeDouble());
            case 4 -> JSON.textNode(string());
            case 5 -> {
                ArrayNode array = JSON.arrayNode();
                for (int i = data.consumeInt(0, 3); i > 0; i--) {
                    array.add(anyValue(depth + 1));
                }
                yield array;
            }
            case 6 -> nested(data.consumeInt(1, 990));
            default -> stringsObject();
        };
    }

    /** Arrays in arrays, just within the nesting JSON parsers accept (the raw target goes deeper). */
    private static JsonNode nested(int depth) {
        JsonNode node = JSON.arrayNode();
        for (int i = 0; i < depth; i++) {
            node = JSON.arrayNode().add(node);
        }
        return node;
    }

    private ObjectNode stringsObject() {
        ObjectNode object = JSON.objectNode();
        for (int i = data.consumeInt(0, 3); i > 0; i--) {
            object.put(string(), string());
        }
        return object;
    }

    private String string() {
        return data.consumeBoolean() ? data.pickValue(STRINGS) : data.consumeString(100);
    }
}
