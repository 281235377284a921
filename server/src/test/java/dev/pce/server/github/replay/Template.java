package dev.pce.server.github.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A workflow value with {@code ${{ }}} expressions in it. A value that is one expression alone keeps the
 * expression's type (a matrix from {@code fromJSON}, a boolean {@code continue-on-error}); otherwise each
 * expression's text is put in its place.
 */
final class Template {
    private Template() {
    }

    /** A piece of a value: literal text, or an expression's text. */
    private record Piece(String text, boolean expression) {
    }

    static boolean hasExpression(String value) {
        return value.contains("${{");
    }

    /** The expressions' texts in {@code value}. */
    static List<String> expressions(String value) {
        return pieces(value).stream().filter(Piece::expression).map(Piece::text).toList();
    }

    static JsonNode evaluate(String value, Evaluator evaluator) {
        List<Piece> pieces = pieces(value);
        if (pieces.size() == 1 && pieces.getFirst().expression()) {
            return evaluator.evaluate(ExpressionParser.parse(pieces.getFirst().text()));
        }
        StringBuilder out = new StringBuilder();
        for (Piece piece : pieces) {
            out.append(piece.expression()
                    ? Values.toText(evaluator.evaluate(ExpressionParser.parse(piece.text()))) : piece.text());
        }
        return Values.text(out.toString());
    }

    static String interpolate(String value, Evaluator evaluator) {
        return Values.toText(evaluate(value, evaluator));
    }

    /** Every string in {@code node} evaluated (mapping keys are kept as written). */
    static JsonNode resolve(JsonNode node, Evaluator evaluator) {
        if (node == null || node.isMissingNode()) {
            return Values.NULL;
        }
        if (node.isTextual()) {
            return evaluate(node.textValue(), evaluator);
        }
        if (node.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                out.set(field.getKey(), resolve(field.getValue(), evaluator));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> out.add(resolve(element, evaluator)));
            return out;
        }
        return node;
    }

    /**
     * An {@code if:} condition: written with or without {@code ${{ }}}; without a status function it means
     * {@code success() && (condition)}. A condition that is text around an expression is a non-empty string, so true.
     */
    static boolean condition(String condition, Evaluator evaluator) {
        String text = condition.strip();
        List<Piece> pieces = pieces(text);
        if (hasExpression(text) && !(pieces.size() == 1 && text.startsWith("${{") && text.endsWith("}}"))) {
            return evaluator.status().success() && Values.truthy(evaluate(text, evaluator));
        }
        Expression expression = ExpressionParser.parse(hasExpression(text) ? pieces.getFirst().text() : text);
        if (!Scope.callsStatus(expression)) {
            expression = new Expression.Binary("&&", new Expression.Call("success", List.of(), 0), expression);
        }
        return Values.truthy(evaluator.evaluate(expression));
    }

    /** The expression texts of a condition (the whole text when written without {@code ${{ }}}). */
    static List<String> conditionExpressions(String condition) {
        return hasExpression(condition) ? expressions(condition) : List.of(condition.strip());
    }

    private static List<Piece> pieces(String value) {
        List<Piece> pieces = new ArrayList<>();
        int at = 0;
        while (at < value.length()) {
            int open = value.indexOf("${{", at);
            if (open < 0) {
                pieces.add(new Piece(value.substring(at), false));
                break;
            }
            if (open > at) {
                pieces.add(new Piece(value.substring(at, open), false));
            }
            int close = closing(value, open + 3);
            if (close < 0) {
                throw new ExpressionException("An expression was not closed with '}}': " + value.substring(open));
            }
            pieces.add(new Piece(value.substring(open + 3, close).strip(), true));
            at = close + 2;
        }
        return pieces;
    }

    /** The index of the {@code }}} that ends an expression, skipping quoted strings. */
    private static int closing(String value, int from) {
        boolean quoted = false;
        for (int i = from; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '}' && i + 1 < value.length() && value.charAt(i + 1) == '}') {
                return i;
            }
        }
        return -1;
    }
}
