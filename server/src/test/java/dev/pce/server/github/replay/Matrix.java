package dev.pce.server.github.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Expands {@code strategy.matrix} as GitHub does: the product of the vectors in their order, {@code exclude} (a
 * partial match excludes) before {@code include}; an include entry is added to every combination whose original
 * values it does not change, and becomes a combination of its own when it fits none. A matrix that defines no
 * combination is an error, as on GitHub, where it fails the run.
 */
final class Matrix {
    private Matrix() {
    }

    /** @throws ExpressionException with GitHub's message when the matrix is invalid or empty */
    static List<ObjectNode> expand(JsonNode matrix) {
        if (!matrix.isObject()) {
            throw new ExpressionException("Unexpected value '" + Values.toText(matrix) + "': a matrix is a mapping");
        }
        List<ObjectNode> combinations = new ArrayList<>();
        List<String> vectors = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : matrix.properties()) {
            String key = entry.getKey();
            if (key.equals("include") || key.equals("exclude")) {
                if (!entry.getValue().isArray()) {
                    throw new ExpressionException("Unexpected value: matrix '" + key + "' must be a sequence");
                }
                continue;
            }
            if (!entry.getValue().isArray()) {
                throw new ExpressionException("Unexpected value '" + Values.toText(entry.getValue())
                        + "': matrix vector '" + key + "' must be a sequence");
            }
            if (entry.getValue().isEmpty()) {
                throw new ExpressionException("Matrix vector '" + key + "' does not contain any values");
            }
            vectors.add(key);
        }
        if (!vectors.isEmpty()) {
            combinations.add(JsonNodeFactory.instance.objectNode());
            for (String vector : vectors) {
                List<ObjectNode> next = new ArrayList<>();
                for (ObjectNode combination : combinations) {
                    for (JsonNode value : matrix.get(vector)) {
                        next.add(combination.deepCopy().set(vector, value));
                    }
                }
                combinations = next;
            }
        }
        for (JsonNode exclude : matrix.path("exclude")) {
            combinations.removeIf(combination -> partOf(exclude, combination));
        }
        Set<String> original = Set.copyOf(vectors);
        List<ObjectNode> added = new ArrayList<>();
        for (JsonNode include : matrix.path("include")) {
            if (!include.isObject()) {
                throw new ExpressionException("Unexpected value: a matrix include entry must be a mapping");
            }
            boolean fitted = false;
            for (ObjectNode combination : combinations) {
                if (keepsOriginalValues(include, combination, original)) {
                    combination.setAll((ObjectNode) include.deepCopy());
                    fitted = true;
                }
            }
            if (!fitted) {
                added.add(((ObjectNode) include).deepCopy());
            }
        }
        combinations.addAll(added);
        if (combinations.isEmpty()) {
            throw new ExpressionException("Matrix must define at least one vector");
        }
        return combinations;
    }

    private static boolean partOf(JsonNode partial, ObjectNode combination) {
        for (Map.Entry<String, JsonNode> entry : partial.properties()) {
            if (!entry.getValue().equals(combination.get(entry.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private static boolean keepsOriginalValues(JsonNode include, ObjectNode combination, Set<String> original) {
        for (Map.Entry<String, JsonNode> entry : include.properties()) {
            if (original.contains(entry.getKey()) && !entry.getValue().equals(combination.get(entry.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** A leg's name as GitHub shows it: {@code job (value, value)}, nested values as their JSON. */
    static String legName(String job, JsonNode combination) {
        if (combination.isEmpty()) {
            return job;
        }
        List<String> values = new ArrayList<>();
        combination.forEach(value -> values.add(value.isValueNode() ? Values.toText(value) : value.toString()));
        return job + " (" + String.join(", ", values) + ")";
    }
}
