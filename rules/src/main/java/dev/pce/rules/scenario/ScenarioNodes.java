package dev.pce.rules.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;

/**
 * Reading one scenario file's tree, field by field, naming the position of every problem
 * ("scenarios[2].given[0].depends_on[1]") so the author can find it. Unknown fields are errors, so a misspelt
 * expectation cannot pass silently.
 */
final class ScenarioNodes {
    private final String file;

    ScenarioNodes(String file) {
        this.file = file;
    }

    String file() {
        return file;
    }

    /** Checks that {@code node} is an object with no fields but {@code allowed}. */
    void object(JsonNode node, String where, Set<String> allowed) {
        if (node == null || !node.isObject()) {
            throw problem(where, "must be an object");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw problem(where, "has the unknown field '" + name + "'; allowed: "
                        + allowed.stream().sorted().toList());
            }
        }
    }

    Optional<String> text(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isValueNode() || value.isBoolean()) {
            throw problem(where + "." + field, "must be a text");
        }
        return Optional.of(value.asText());
    }

    String requiredText(JsonNode node, String field, String where) {
        return text(node, field, where).orElseThrow(() -> problem(where, "needs '" + field + "'"));
    }

    /** A text or a list of texts, as a list; absent is empty. */
    List<String> texts(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (value.isTextual()) {
            return List.of(value.asText());
        }
        if (!value.isArray()) {
            throw problem(where + "." + field, "must be a text or a list of texts");
        }
        List<String> result = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            if (!value.get(i).isTextual()) {
                throw problem(where + "." + field + "[" + i + "]", "must be a text");
            }
            result.add(value.get(i).asText());
        }
        return result;
    }

    OptionalDouble number(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return OptionalDouble.empty();
        }
        if (!value.isNumber()) {
            throw problem(where + "." + field, "must be a number");
        }
        return OptionalDouble.of(value.doubleValue());
    }

    Optional<Boolean> bool(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isBoolean()) {
            throw problem(where + "." + field, "must be true or false");
        }
        return Optional.of(value.booleanValue());
    }

    /** The field's list of objects, each read by {@code item} with its position; absent is empty. */
    <T> List<T> list(JsonNode node, String field, String where, ItemReader<T> item) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw problem(where + "." + field, "must be a list");
        }
        List<T> result = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            result.add(item.read(value.get(i), where + "." + field + "[" + i + "]"));
        }
        return result;
    }

    /** A text parsed by {@code parse}, whose exception message lists the valid values. */
    <T> T parsed(String value, String where, Function<String, T> parse) {
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException e) {
            throw problem(where, "is invalid: " + e.getMessage());
        }
    }

    CeException problem(String where, String what) {
        return new CeException(ErrorCode.INVALID_ARGUMENT, "Scenario file " + file + ", " + where + " " + what + ".",
                "Correct " + where + " in " + file + ".");
    }

    /** Reads one item of a list. */
    @FunctionalInterface
    interface ItemReader<T> {
        T read(JsonNode node, String where);
    }
}
