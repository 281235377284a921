package dev.pce.server.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pce.engine.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A tool's public contract, read from {@code /tools/<name>.json}: title, annotations, description, input and output
 * JSON schemas. Keeping it in one JSON file makes the schema the single source of truth for argument names.
 */
public record ToolDefinition(String name, String title, Annotations annotations, String description,
                             ObjectNode inputSchema, ObjectNode outputSchema) {
    private static final ObjectNode SHARED_DEFS = withoutComment(readResource("/tools/_defs.json"));

    /**
     * What a client may assume about a tool (MCP tool annotations), declared in full by every contract: its
     * display title; whether it only reads; whether it may destroy or overwrite what it did not create; whether
     * calling it again with the same arguments changes nothing more; whether it reaches beyond the project's
     * workspace and vaults (PCE's tools never do).
     */
    public record Annotations(String title, boolean readOnly, boolean destructive, boolean idempotent,
                              boolean openWorld) {
        /** The names the contract declares them under, in the order of the record. */
        public static final List<String> FIELDS = List.of("title", "readOnlyHint", "destructiveHint",
                "idempotentHint", "openWorldHint");

        static Annotations read(String tool, JsonNode json) {
            if (!json.isObject()) {
                throw new IllegalStateException("/tools/" + tool + ".json declares no annotations; add "
                        + "\"annotations\" with " + FIELDS);
            }
            for (String field : FIELDS) {
                JsonNode value = json.get(field);
                boolean expected = field.equals("title") ? value != null && value.isTextual()
                        : value != null && value.isBoolean();
                if (!expected) {
                    throw new IllegalStateException("/tools/" + tool + ".json: annotations." + field + " is missing "
                            + "or not a " + (field.equals("title") ? "string" : "boolean"));
                }
            }
            return new Annotations(json.get("title").asText(), json.get("readOnlyHint").asBoolean(),
                    json.get("destructiveHint").asBoolean(), json.get("idempotentHint").asBoolean(),
                    json.get("openWorldHint").asBoolean());
        }
    }

    public static ToolDefinition load(String name) {
        JsonNode json = readResource("/tools/" + name + ".json");
        return new ToolDefinition(name, json.path("title").asText(name),
                Annotations.read(name, json.path("annotations")), json.path("description").asText(),
                (ObjectNode) json.get("inputSchema"), withSharedDefs((ObjectNode) json.get("outputSchema")));
    }

    /**
     * Output schemas refer to shared definitions with {@code #/$defs/...}; each gets its own copy of the ones it
     * reaches, directly or through other definitions, so it stands alone and the tool list carries no definition a
     * tool does not use. A schema that is only a reference is replaced by its target (MCP wants an object schema at
     * the top).
     */
    private static ObjectNode withSharedDefs(ObjectNode schema) {
        ObjectNode resolved = schema;
        JsonNode ref = resolved.get("$ref");
        if (ref != null && resolved.size() == 1) {
            resolved = (ObjectNode) SHARED_DEFS.get(defName(ref.asText()));
        }
        resolved = resolved.deepCopy();
        Set<String> reached = new LinkedHashSet<>();
        collectRefs(resolved, reached);
        ObjectNode defs = resolved.objectNode();
        for (String name : reached) {
            defs.set(name, SHARED_DEFS.get(name).deepCopy());
        }
        if (!defs.isEmpty()) {
            resolved.set("$defs", defs);
        }
        return resolved;
    }

    /** Adds to {@code reached} every shared definition {@code node} refers to, and those they refer to. */
    private static void collectRefs(JsonNode node, Set<String> reached) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual()) {
                String name = defName(ref.asText());
                if (reached.add(name)) {
                    collectRefs(SHARED_DEFS.get(name), reached);
                }
            }
        }
        node.forEach(child -> collectRefs(child, reached));
    }

    private static String defName(String ref) {
        String prefix = "#/$defs/";
        if (!ref.startsWith(prefix) || !SHARED_DEFS.has(ref.substring(prefix.length()))) {
            throw new IllegalStateException("tool schema refers to " + ref + ", which is not in /tools/_defs.json");
        }
        return ref.substring(prefix.length());
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
            return Json.plain().readTree(in);
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
