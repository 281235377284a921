package dev.pce.server.github.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.pce.engine.Json;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * The type rules of GitHub's expressions: what is truthy, how a value becomes text or a number, and loose
 * comparison (other types are compared as numbers; strings ignore case; arrays and objects only equal themselves).
 */
final class Values {
    static final JsonNode NULL = JsonNodeFactory.instance.nullNode();
    /** {@code toJSON}'s layout: two spaces, one value per line, {@code "name": value}. */
    private static final ObjectWriter PRETTY = Json.plain().writer(new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("").withArrayEmptySeparator(""))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private Values() {
    }

    static JsonNode text(String value) {
        return JsonNodeFactory.instance.textNode(value);
    }

    static JsonNode bool(boolean value) {
        return JsonNodeFactory.instance.booleanNode(value);
    }

    /** Falsy: {@code false}, {@code 0}, {@code -0}, {@code NaN}, {@code ''} and {@code null}; all else is truthy. */
    static boolean truthy(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return false;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isNumber()) {
            double number = value.doubleValue();
            return number != 0 && !Double.isNaN(number);
        }
        if (value.isTextual()) {
            return !value.textValue().isEmpty();
        }
        return true;
    }

    /** As put into a string: {@code null} is empty, arrays and objects are {@code Array} and {@code Object}. */
    static String toText(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "";
        }
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isBoolean()) {
            return value.booleanValue() ? "true" : "false";
        }
        if (value.isNumber()) {
            return number(value.decimalValue());
        }
        return value.isArray() ? "Array" : "Object";
    }

    static String number(BigDecimal number) {
        BigDecimal stripped = number.stripTrailingZeros();
        return stripped.scale() <= 0 ? stripped.toBigInteger().toString() : stripped.toPlainString();
    }

    /** Null 0, booleans 1 and 0, strings in JSON number form (empty: 0, else NaN), arrays and objects NaN. */
    static double toNumber(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return 0;
        }
        if (value.isBoolean()) {
            return value.booleanValue() ? 1 : 0;
        }
        if (value.isNumber()) {
            return value.doubleValue();
        }
        if (value.isTextual()) {
            String text = value.textValue().strip();
            if (text.isEmpty()) {
                return 0;
            }
            try {
                String unsigned = text.startsWith("-") ? text.substring(1) : text;
                if (unsigned.startsWith("0x")) {
                    long hex = Long.parseLong(unsigned.substring(2), 16);
                    return text.startsWith("-") ? -hex : hex;
                }
                if (!text.matches("-?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
                    return Double.NaN;
                }
                return Double.parseDouble(text);
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        return Double.NaN;
    }

    static boolean looseEquals(JsonNode left, JsonNode right) {
        left = orNull(left);
        right = orNull(right);
        if (kind(left) == kind(right)) {
            return switch (kind(left)) {
                case NULL -> true;
                case STRING -> left.textValue().equalsIgnoreCase(right.textValue());
                case BOOLEAN -> left.booleanValue() == right.booleanValue();
                case NUMBER -> left.doubleValue() == right.doubleValue();
                case ARRAY, OBJECT -> left == right;
            };
        }
        return toNumber(left) == toNumber(right);
    }

    /** {@code < <= > >=}: strings by text ignoring case, everything else as numbers; NaN compares false. */
    static boolean compare(String operator, JsonNode left, JsonNode right) {
        left = orNull(left);
        right = orNull(right);
        int order;
        if (left.isTextual() && right.isTextual()) {
            order = left.textValue().toLowerCase(Locale.ROOT).compareTo(right.textValue().toLowerCase(Locale.ROOT));
        } else {
            double a = toNumber(left);
            double b = toNumber(right);
            if (Double.isNaN(a) || Double.isNaN(b)) {
                return false;
            }
            order = Double.compare(a, b);
        }
        return switch (operator) {
            case "<" -> order < 0;
            case "<=" -> order <= 0;
            case ">" -> order > 0;
            case ">=" -> order >= 0;
            default -> throw new IllegalArgumentException(operator);
        };
    }

    /** {@code toJSON}: two-space indentation as GitHub prints it. */
    static String toJson(JsonNode value) {
        try {
            return PRETTY.writeValueAsString(orNull(value));
        } catch (JsonProcessingException e) {
            throw new ExpressionException("toJSON failed: " + e.getOriginalMessage());
        }
    }

    /** A property of an object by name, ignoring case as GitHub's contexts do. */
    static JsonNode property(JsonNode object, String name) {
        JsonNode exact = object.get(name);
        if (exact != null) {
            return exact;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getKey().equalsIgnoreCase(name)) {
                return field.getValue();
            }
        }
        return NULL;
    }

    static JsonNode orNull(JsonNode value) {
        return value == null || value.isMissingNode() ? NULL : value;
    }

    private enum Kind { NULL, BOOLEAN, NUMBER, STRING, ARRAY, OBJECT }

    private static Kind kind(JsonNode value) {
        if (value.isNull()) {
            return Kind.NULL;
        }
        if (value.isBoolean()) {
            return Kind.BOOLEAN;
        }
        if (value.isNumber()) {
            return Kind.NUMBER;
        }
        if (value.isTextual()) {
            return Kind.STRING;
        }
        return value.isArray() ? Kind.ARRAY : Kind.OBJECT;
    }
}
