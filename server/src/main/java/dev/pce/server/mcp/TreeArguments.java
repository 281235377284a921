package dev.pce.server.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pce.engine.Json;

import java.util.AbstractMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A tool call's arguments read from the line straight into the JSON tree the tools read, passed through the MCP SDK
 * as the map it expects. The SDK reads a line into maps and lists, and the tools read a tree: for a 100,000-task
 * plan that was two forms of the request, each about 80 MB, alive through the whole call, copied by every young
 * collection. The SDK only passes the map on; code that does read it as a map (none of PCE's on the way to a tool)
 * gets the values the SDK's reading would have made, converted when asked.
 */
final class TreeArguments extends AbstractMap<String, Object> {
    private final ObjectNode tree;
    private Map<String, Object> converted;

    TreeArguments(ObjectNode tree) {
        this.tree = tree;
    }

    /**
     * The tree as the tools read it: members whose value is null left out, as the SDK's map written as a tree leaves
     * them out ({@link ArgumentTree}); items of arrays that are null stay. Done in place: from here on the map
     * holds no such member either.
     */
    JsonNode forTools() {
        withoutNullMembers(tree);
        converted = null;
        return tree;
    }

    /** The tree as it was read, for checks that walk it. */
    ObjectNode tree() {
        return tree;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        if (converted == null) {
            @SuppressWarnings("unchecked")
            Map<String, Object> values = Json.plain().convertValue(tree, LinkedHashMap.class);
            converted = values;
        }
        return converted.entrySet();
    }

    private static void withoutNullMembers(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.properties().removeIf(member -> member.getValue().isNull());
            for (Entry<String, JsonNode> member : object.properties()) {
                withoutNullMembers(member.getValue());
            }
        } else if (node instanceof ArrayNode array) {
            for (JsonNode item : array) {
                withoutNullMembers(item);
            }
        }
    }
}
