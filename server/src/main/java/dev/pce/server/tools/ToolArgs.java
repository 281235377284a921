package dev.pce.server.tools;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.engine.Json;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Typed, bounded access to a tool's JSON arguments. Every error names the argument by its path
 * ({@code tasks[2].depends_on[0]}), says what was expected and what arrived.
 */
public final class ToolArgs {
    private final ObjectNode node;
    // Where this object is: the arguments (no parent), a field of its parent, or an item of a field (index >= 0).
    // Spelt out only when a message needs it: a large plan has hundreds of thousands of objects and no error.
    private final ToolArgs parent;
    private final String field;
    private final int index;
    private String path;

    private ToolArgs(ObjectNode node, ToolArgs parent, String field, int index) {
        this.node = node;
        this.parent = parent;
        this.field = field;
        this.index = index;
    }

    private static ToolArgs arguments(ObjectNode node) {
        return new ToolArgs(node, null, "", -1);
    }

    /** Wraps the arguments of a call; absent arguments count as an empty object. */
    public static ToolArgs of(JsonNode arguments) {
        if (arguments == null || arguments.isNull() || arguments.isMissingNode()) {
            return arguments(JsonNodeFactory.instance.objectNode());
        }
        if (!arguments.isObject()) {
            throw new CeException(ErrorCode.INVALID_ARGUMENT,
                    "Arguments must be a JSON object, got " + kind(arguments) + ".",
                    "Pass the arguments as an object with the fields the tool's input schema lists.");
        }
        return arguments((ObjectNode) arguments);
    }

    /** Fails on any field not in {@code allowed}, suggesting the nearest known name (typos are common). */
    public ToolArgs allowOnly(Set<String> allowed) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                String suggestion = Suggestions.nearest(name, allowed)
                        .map(near -> " Did you mean '" + near + "'?").orElse("");
                throw invalid(where(name) + " is not a known argument." + suggestion,
                        "Use only " + allowed.stream().sorted().toList() + ".");
            }
        }
        return this;
    }

    public String requiredString(String field, int maxLength) {
        return optionalString(field, maxLength).orElseThrow(() -> invalid(where(field) + " is missing.",
                "Add " + where(field) + " as a string."));
    }

    /** A required string with something in it besides blanks. */
    public String requiredText(String field, int maxLength) {
        String value = requiredString(field, maxLength);
        if (value.isBlank()) {
            throw invalid(where(field) + " is empty.", "Put some text in " + where(field) + ".");
        }
        return value;
    }

    public Optional<String> optionalString(String field, int maxLength) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw invalid(where(field) + " must be a string, got " + kind(value) + ".",
                    "Send " + where(field) + " as a JSON string.");
        }
        String text = value.asText();
        checkLength(field, text, maxLength);
        return Optional.of(text);
    }

    public long integer(String field, long min, long max, long defaultValue) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return defaultValue;
        }
        if (!value.isIntegralNumber() && !(value.isNumber() && value.asDouble() == Math.rint(value.asDouble()))) {
            throw invalid(where(field) + " must be a whole number, got " + kind(value) + ".",
                    "Send a whole number between " + min + " and " + max + ".");
        }
        if (!value.canConvertToLong() || value.asLong() < min || value.asLong() > max) {
            throw invalid(where(field) + " must be between " + min + " and " + max + ", got " + value + ".",
                    "Send a whole number between " + min + " and " + max + ".");
        }
        return value.asLong();
    }

    /** A required finite number. */
    public double number(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw invalid(where(field) + " is missing.", "Add " + where(field) + " as a number.");
        }
        if (!value.isNumber() || !Double.isFinite(value.asDouble())) {
            throw invalid(where(field) + " must be a number, got " + kind(value) + ".",
                    "Send " + where(field) + " as a JSON number, e.g. 81.5.");
        }
        return value.asDouble();
    }

    /** An array of objects that may be left out (then empty). */
    public List<ToolArgs> optionalObjectList(String field, int maxItems) {
        return raw(field).isPresent() ? objectList(field, maxItems) : List.of();
    }

    public boolean bool(String field, boolean defaultValue) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return defaultValue;
        }
        if (!value.isBoolean()) {
            throw invalid(where(field) + " must be true or false, got " + kind(value) + ".",
                    "Send " + where(field) + " as a JSON boolean.");
        }
        return value.asBoolean();
    }

    /** A raw field for callers with their own rules (e.g. estimates: number or duration text). */
    public Optional<JsonNode> raw(String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
    }

    public List<String> stringList(String field, int maxItems, int maxLength) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw invalid(where(field) + " must be an array of strings, got " + kind(value) + ".",
                    "Send " + where(field) + " as [\"...\", ...].");
        }
        checkCount(field, value.size(), maxItems);
        List<String> items = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (!item.isTextual()) {
                throw invalid(where(field + "[" + i + "]") + " must be a string, got " + kind(item) + ".",
                        "Send every item of " + where(field) + " as a string.");
            }
            if (item.asText().length() > maxLength) {
                checkLength(field + "[" + i + "]", item.asText(), maxLength);
            }
            items.add(item.asText());
        }
        return items;
    }

    /**
     * An optional array whose items are objects or, as a shorthand, strings: a string item {@code "x"} reads as the
     * object {@code {"<shorthandKey>": "x"}}. Absent means empty.
     */
    public List<ToolArgs> objectOrStringList(String field, int maxItems, String shorthandKey) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw invalid(where(field) + " must be an array, got " + kind(value) + ".",
                    "Send " + where(field) + " as [\"...\", {...}, ...].");
        }
        checkCount(field, value.size(), maxItems);
        List<ToolArgs> items = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (item.isTextual()) {
                // read-only, so one entry needs no map of its own
                items.add(new ToolArgs(new ObjectNode(JsonNodeFactory.instance, Map.of(shorthandKey, item)), this,
                        field, i));
            } else if (item.isObject()) {
                items.add(new ToolArgs((ObjectNode) item, this, field, i));
            } else {
                throw invalid(where(field + "[" + i + "]") + " must be a string or an object, got " + kind(item) + ".",
                        "Send every item of " + where(field) + " as a string or a JSON object.");
            }
        }
        return items;
    }

    public List<ToolArgs> objectList(String field, int maxItems) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw invalid(where(field) + " is missing.", "Add " + where(field) + " as an array of objects.");
        }
        if (!value.isArray()) {
            throw invalid(where(field) + " must be an array of objects, got " + kind(value) + ".",
                    "Send " + where(field) + " as [{...}, ...].");
        }
        checkCount(field, value.size(), maxItems);
        List<ToolArgs> items = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (!item.isObject()) {
                throw invalid(where(field + "[" + i + "]") + " must be an object, got " + kind(item) + ".",
                        "Send every item of " + where(field) + " as a JSON object.");
            }
            items.add(new ToolArgs((ObjectNode) item, this, field, i));
        }
        return items;
    }

    /** A required object field, read like the arguments themselves (its errors name {@code field.x}). */
    public ToolArgs requiredObject(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw invalid(where(field) + " is missing.", "Add " + where(field) + " as a JSON object.");
        }
        if (!value.isObject()) {
            throw invalid(where(field) + " must be an object, got " + kind(value) + ".",
                    "Send " + where(field) + " as {...}.");
        }
        return new ToolArgs((ObjectNode) value, this, field, -1);
    }

    /** A free-form JSON object, bounded in serialized size. Absent means an empty object. */
    public JsonNode object(String field, int maxBytes) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (!value.isObject()) {
            throw invalid(where(field) + " must be an object, got " + kind(value) + ".",
                    "Send " + where(field) + " as a JSON object.");
        }
        int size;
        try {
            size = Json.mapper().writeValueAsString(value).getBytes(StandardCharsets.UTF_8).length;
        } catch (JsonProcessingException e) {
            throw invalid(where(field) + " cannot be serialized.", "Send plain JSON.");
        }
        if (size > maxBytes) {
            throw invalid(where(field) + " is " + size + " bytes, more than the limit of " + maxBytes + ".",
                    "Store large outputs as files and pass their paths in artifacts.");
        }
        return value;
    }

    /** The path of a field of this object, for messages. */
    public String where(String field) {
        String at = path();
        return at.isEmpty() ? field : at + "." + field;
    }

    private String path() {
        if (path == null) {
            path = parent == null ? "" : parent.where(index < 0 ? field : field + "[" + index + "]");
        }
        return path;
    }

    public static CeException invalid(String message, String fix) {
        return new CeException(ErrorCode.INVALID_ARGUMENT, message, fix);
    }

    private void checkLength(String field, String text, int maxLength) {
        if (text.length() > maxLength) {
            throw invalid(where(field) + " is " + text.length() + " characters long, more than the limit of "
                    + maxLength + ".", "Shorten it; put long content in a file and pass the path.");
        }
    }

    private void checkCount(String field, int count, int maxItems) {
        if (count > maxItems) {
            throw invalid(where(field) + " has " + count + " items, more than the limit of " + maxItems + ".",
                    "Send fewer items.");
        }
    }

    static String kind(JsonNode value) {
        if (value.isTextual()) {
            return "string \"" + clip(value.asText()) + "\"";
        }
        if (value.isNumber()) {
            return "number " + value;
        }
        if (value.isBoolean()) {
            return "boolean " + value;
        }
        if (value.isArray()) {
            return "an array";
        }
        if (value.isObject()) {
            return "an object";
        }
        return "null";
    }

    private static String clip(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }
}
