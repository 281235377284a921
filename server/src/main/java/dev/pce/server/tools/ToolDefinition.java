package dev.pce.server.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A tool's public contract, read from {@code /tools/<name>.json}: title, description, input and output JSON schemas.
 * Keeping it in one JSON file makes the schema the single source of truth for argument names.
 */
public record ToolDefinition(String name, String title, String description, ObjectNode inputSchema,
                             ObjectNode outputSchema) {
    private static final ObjectMapper PLAIN = new ObjectMapper();

    private static final ObjectNode SHARED_DEFS = withoutComment(readResource("/tools/_defs.json"));

    public static ToolDefinition load(String name) {
        JsonNode json = readResource("/tools/" + name + ".json");
        return new ToolDefinition(name, json.path("title").asText(name), json.path("description").asText(),
                (ObjectNode) json.get("inputSchema"), withSharedDefs((ObjectNode) json.get("outputSchema")));
    }

    /**
     * Output schemas refer to shared definitions with {@code #/$defs/...}; each gets its own copy so it stands
     * alone. A schema that is only a reference is replaced by its target (MCP wants an object schema at the top).
     */
    private static ObjectNode withSharedDefs(ObjectNode schema) {
        ObjectNode resolved = schema.deepCopy();
        JsonNode ref = resolved.get("$ref");
        if (ref != null && resolved.size() == 1) {
            resolved = (ObjectNode) SHARED_DEFS.get(ref.asText().substring("#/$defs/".length())).deepCopy();
        }
        resolved.set("$defs", SHARED_DEFS.deepCopy());
        return resolved;
    }

    private static ObjectNode withoutComment(JsonNode defs) {
        ObjectNode copy = (ObjectNode) defs.deepCopy();
        copy.remove("$comment");
        return copy;
    }

    private static JsonNode readResource(String resource) {
        try (InputStream in = ToolDefinition.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing tool definition " + resource);
            }
            return PLAIN.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read tool definition " + resource, e);
        }
    }

    /** The argument names the input schema declares. */
    public Set<String> argumentNames() {
        Set<String> names = new LinkedHashSet<>();
        Iterator<String> fields = inputSchema.path("properties").fieldNames();
        fields.forEachRemaining(names::add);
        return names;
    }
}
