package dev.pce.server.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pce.engine.Json;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * A tool call's arguments, as the SDK read them (maps, lists, strings, numbers, booleans, nulls), as the JSON tree
 * the tools read: node by node, the nodes {@code Json.mapper().valueToTree} makes of these values, without writing
 * them out to a token buffer and reading them back (a copy of a 100,000-task plan that cost 3% of its call). A value of
 * another kind is converted by the mapper, as before.
 */
final class ArgumentTree {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ArgumentTree() {
    }

    static JsonNode of(Map<String, Object> arguments) {
        if (arguments instanceof TreeArguments read) {
            return read.forTools(); // read from the line as this tree already
        }
        return arguments == null ? Json.mapper().valueToTree(null) : node(arguments);
    }

    private static JsonNode node(Object value) {
        return switch (value) {
            case null -> NODES.nullNode();
            case String text -> NODES.textNode(text);
            case Boolean flag -> NODES.booleanNode(flag);
            case Integer number -> NODES.numberNode(number.intValue());
            case Long number -> NODES.numberNode(number.longValue());
            case Double number -> NODES.numberNode(number.doubleValue());
            case BigInteger number -> NODES.numberNode(number);
            case Map<?, ?> map when allKeysAreStrings(map) -> object(map);
            case List<?> list -> array(list);
            default -> Json.mapper().valueToTree(value);
        };
    }

    private static ObjectNode object(Map<?, ?> map) {
        ObjectNode object = NODES.objectNode();
        map.forEach((key, value) -> {
            if (value != null) { // the mapper leaves out null entries of a map (NON_ABSENT); a list keeps its nulls
                object.set((String) key, node(value));
            }
        });
        return object;
    }

    private static ArrayNode array(List<?> list) {
        ArrayNode array = NODES.arrayNode(list.size());
        for (Object item : list) {
            array.add(node(item));
        }
        return array;
    }

    private static boolean allKeysAreStrings(Map<?, ?> map) {
        for (Object key : map.keySet()) {
            if (!(key instanceof String)) {
                return false;
            }
        }
        return true;
    }
}
