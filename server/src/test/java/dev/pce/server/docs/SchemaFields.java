package dev.pce.server.docs;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The fields of a documented JSON value that its schema does not declare. A schema that allows more fields would
 * accept a misspelt or renamed field in the docs; this finds them.
 */
final class SchemaFields {
    private SchemaFields() {
    }

    static List<String> undeclared(JsonNode value, JsonNode schema) {
        List<String> found = new ArrayList<>();
        walk(value, schema, schema, "$", found);
        return found;
    }

    private static void walk(JsonNode value, JsonNode schema, JsonNode root, String path, List<String> found) {
        JsonNode resolved = resolve(schema, root);
        for (String combinator : List.of("anyOf", "oneOf")) {
            if (resolved.has(combinator)) {
                List<String> best = null;
                for (JsonNode branch : resolved.get(combinator)) {
                    List<String> branchFound = new ArrayList<>();
                    walk(value, branch, root, path, branchFound);
                    if (best == null || branchFound.size() < best.size()) {
                        best = branchFound;
                    }
                }
                found.addAll(best == null ? List.of() : best);
                return;
            }
        }
        if (value.isObject()) {
            JsonNode properties = resolved.path("properties");
            JsonNode additional = resolved.path("additionalProperties");
            for (Map.Entry<String, JsonNode> field : value.properties()) {
                String fieldPath = path + "." + field.getKey();
                if (properties.has(field.getKey())) {
                    walk(field.getValue(), properties.get(field.getKey()), root, fieldPath, found);
                } else if (additional.isObject()) {
                    walk(field.getValue(), additional, root, fieldPath, found);
                } else if (properties.size() > 0 || additional.isBoolean() && !additional.asBoolean()) {
                    found.add(fieldPath);
                }
            }
        } else if (value.isArray() && resolved.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                walk(value.get(i), resolved.get("items"), root, path + "[" + i + "]", found);
            }
        }
    }

    private static JsonNode resolve(JsonNode schema, JsonNode root) {
        JsonNode current = schema;
        while (current.has("$ref")) {
            JsonNode target = root;
            for (String part : current.get("$ref").asText().replaceFirst("^#/?", "").split("/")) {
                if (!part.isEmpty()) {
                    target = target.path(part);
                }
            }
            if (target.isMissingNode()) {
                throw new IllegalStateException("unresolvable " + current.get("$ref"));
            }
            current = target;
        }
        return current;
    }
}
