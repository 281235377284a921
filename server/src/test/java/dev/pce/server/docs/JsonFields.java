package dev.pce.server.docs;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The field paths of a documented JSON value that a real one lacks; an array's elements are compared to all. */
final class JsonFields {
    private JsonFields() {
    }

    static List<String> missing(JsonNode documented, JsonNode real) {
        List<String> missing = new ArrayList<>();
        Set<String> present = new HashSet<>();
        paths(real, "$", present);
        Set<String> shown = new HashSet<>();
        paths(documented, "$", shown);
        shown.stream().filter(path -> !present.contains(path)).sorted().forEach(missing::add);
        return missing;
    }

    /** Every field path of {@code value}, array positions written as {@code []}. */
    private static void paths(JsonNode value, String path, Set<String> into) {
        if (value.isObject()) {
            for (Map.Entry<String, JsonNode> field : value.properties()) {
                String fieldPath = path + "." + field.getKey();
                into.add(fieldPath);
                paths(field.getValue(), fieldPath, into);
            }
        } else if (value.isArray()) {
            value.forEach(element -> paths(element, path + "[]", into));
        }
    }
}
