package dev.pce.server.github.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The {@code inputs} context from an event's input declarations ({@code on.workflow_dispatch.inputs},
 * {@code on.workflow_call.inputs}): defaults filled in, required inputs and undeclared ones refused, values typed
 * ({@code boolean}, {@code number}, {@code choice}, {@code string}) as GitHub types them.
 */
final class Inputs {
    private Inputs() {
    }

    /**
     * @param given    the values passed, by name
     * @param defaults evaluates a declaration's {@code default} (it may hold expressions)
     * @param strict   whether a boolean or number input refuses text (workflow_call checks types; the dispatch API
     *                 passes text)
     * @throws WorkflowException naming {@code where} on any problem
     */
    static ObjectNode resolve(JsonNode declarations, Map<String, JsonNode> given, Function<String, JsonNode> defaults,
                              boolean strict, String where) {
        List<String> problems = new ArrayList<>();
        for (String name : given.keySet()) {
            if (!declarations.has(name)) {
                problems.add("Invalid input, " + name + " is not defined in the referenced workflow.");
            }
        }
        ObjectNode inputs = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> declaration : declarations.properties()) {
            String name = declaration.getKey();
            JsonNode spec = declaration.getValue();
            String type = spec.path("type").asText("string");
            JsonNode value = given.get(name);
            if (value == null && spec.has("default")) {
                value = spec.get("default").isTextual() ? defaults.apply(spec.get("default").asText())
                        : spec.get("default");
            }
            if (value == null) {
                if (spec.path("required").asBoolean(false)) {
                    problems.add("Input " + name + " is required, but not provided while calling.");
                    continue;
                }
                value = switch (type) {
                    case "boolean" -> Values.bool(false);
                    case "number" -> JsonNodeFactory.instance.numberNode(0);
                    default -> Values.text("");
                };
            }
            try {
                inputs.set(name, typed(name, type, value, spec, strict));
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new WorkflowException(where + ": " + String.join(" ", problems));
        }
        return inputs;
    }

    private static JsonNode typed(String name, String type, JsonNode value, JsonNode spec, boolean strict) {
        switch (type) {
            case "boolean" -> {
                if (value.isBoolean()) {
                    return value;
                }
                String text = Values.toText(value);
                if (!strict && (text.equals("true") || text.equals("false"))) {
                    return Values.bool(text.equals("true"));
                }
                throw new IllegalArgumentException("Unexpected type of value '" + text + "' for input '" + name
                        + "', expected type: Boolean.");
            }
            case "number" -> {
                if (value.isNumber()) {
                    return value;
                }
                double number = Values.toNumber(value);
                if (strict || Double.isNaN(number)) {
                    throw new IllegalArgumentException("Unexpected type of value '" + Values.toText(value)
                            + "' for input '" + name + "', expected type: Number.");
                }
                return JsonNodeFactory.instance.numberNode(BigDecimal.valueOf(number));
            }
            case "choice" -> {
                String text = Values.toText(value);
                for (JsonNode option : spec.path("options")) {
                    if (option.asText().equals(text)) {
                        return Values.text(text);
                    }
                }
                throw new IllegalArgumentException("Provided value '" + text + "' for input '" + name
                        + "' not in the list of allowed values");
            }
            default -> {
                if (!value.isValueNode()) {
                    throw new IllegalArgumentException("Unexpected type of value for input '" + name
                            + "', expected type: String.");
                }
                return Values.text(Values.toText(value));
            }
        }
    }
}
