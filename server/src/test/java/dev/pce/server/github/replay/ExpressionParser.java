package dev.pce.server.github.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses GitHub Actions expressions: literals ({@code null}, booleans, numbers in JSON or hex form, strings in single
 * quotes with {@code ''} for a quote), contexts, property dereference ({@code a.b}, {@code a['b']}, {@code a[0]},
 * {@code a.*}), function calls and the operators {@code ! < <= > >= == != && ||} in that order of precedence.
 * There is no arithmetic, so a {@code -} belongs to a number or a name.
 */
final class ExpressionParser {
    private final String text;
    private int at;

    private ExpressionParser(String text) {
        this.text = text;
    }

    /** @throws ExpressionException when the text is not an expression */
    static Expression parse(String text) {
        ExpressionParser parser = new ExpressionParser(text);
        parser.skipSpace();
        if (parser.at == text.length()) {
            throw new ExpressionException("An expression was expected");
        }
        Expression expression = parser.or();
        parser.skipSpace();
        if (parser.at < text.length()) {
            throw parser.unexpected();
        }
        return expression;
    }

    private Expression or() {
        Expression left = and();
        while (take("||")) {
            left = new Expression.Binary("||", left, and());
        }
        return left;
    }

    private Expression and() {
        Expression left = equality();
        while (take("&&")) {
            left = new Expression.Binary("&&", left, equality());
        }
        return left;
    }

    private Expression equality() {
        Expression left = comparison();
        while (true) {
            String operator = take("==") ? "==" : take("!=") ? "!=" : null;
            if (operator == null) {
                return left;
            }
            left = new Expression.Binary(operator, left, comparison());
        }
    }

    private Expression comparison() {
        Expression left = unary();
        while (true) {
            String operator = take("<=") ? "<=" : take(">=") ? ">=" : take("<") ? "<" : take(">") ? ">" : null;
            if (operator == null) {
                return left;
            }
            left = new Expression.Binary(operator, left, unary());
        }
    }

    private Expression unary() {
        skipSpace();
        if (peek() == '!' && peekAt(1) != '=') {
            at++;
            return new Expression.Not(unary());
        }
        return postfix(primary());
    }

    private Expression postfix(Expression target) {
        while (true) {
            skipSpace();
            if (peek() == '.') {
                at++;
                if (peek() == '*') {
                    at++;
                    target = new Expression.Filter(target);
                } else {
                    String name = name();
                    if (name == null) {
                        throw unexpected();
                    }
                    target = new Expression.Index(target, new Expression.Literal(Values.text(name)));
                }
            } else if (peek() == '[') {
                at++;
                skipSpace();
                if (peek() == '*') {
                    at++;
                    target = new Expression.Filter(target);
                } else {
                    target = new Expression.Index(target, or());
                }
                expect(']');
            } else {
                return target;
            }
        }
    }

    private Expression primary() {
        skipSpace();
        int start = at;
        char c = peek();
        if (c == '(') {
            at++;
            Expression inner = or();
            expect(')');
            return inner;
        }
        if (c == '\'') {
            return new Expression.Literal(JsonNodeFactory.instance.textNode(string()));
        }
        if (c == '-' || c == '.' || Character.isDigit(c)) {
            return new Expression.Literal(number());
        }
        String name = name();
        if (name == null) {
            throw unexpected();
        }
        switch (name) {
            case "true", "false" -> {
                return new Expression.Literal(JsonNodeFactory.instance.booleanNode(name.equals("true")));
            }
            case "null" -> {
                return new Expression.Literal(JsonNodeFactory.instance.nullNode());
            }
            default -> {
            }
        }
        skipSpace();
        if (peek() == '(') {
            at++;
            List<Expression> arguments = new ArrayList<>();
            skipSpace();
            if (!take(")")) {
                do {
                    arguments.add(or());
                } while (take(","));
                expect(')');
            }
            return new Expression.Call(name, arguments, start + 1);
        }
        return new Expression.Context(name, start + 1);
    }

    private String string() {
        StringBuilder value = new StringBuilder();
        at++;
        while (true) {
            if (at >= text.length()) {
                throw new ExpressionException("Unexpected end of expression: a string is not closed");
            }
            char c = text.charAt(at++);
            if (c == '\'') {
                if (peek() != '\'') {
                    return value.toString();
                }
                at++;
            }
            value.append(c);
        }
    }

    private JsonNode number() {
        int start = at;
        while (at < text.length() && (Character.isLetterOrDigit(peek()) || "+-.".indexOf(peek()) >= 0)) {
            at++;
        }
        String word = text.substring(start, at);
        try {
            String unsigned = word.startsWith("-") ? word.substring(1) : word;
            if (unsigned.startsWith("0x")) {
                BigInteger hex = new BigInteger(unsigned.substring(2), 16);
                return JsonNodeFactory.instance.numberNode(word.startsWith("-") ? hex.negate() : hex);
            }
            return JsonNodeFactory.instance.numberNode(new BigDecimal(word));
        } catch (NumberFormatException e) {
            throw new ExpressionException("Unexpected symbol: '" + word + "'. Located at position " + (start + 1)
                    + " within expression: " + text);
        }
    }

    private String name() {
        int start = at;
        if (at < text.length() && (Character.isLetter(peek()) || peek() == '_')) {
            at++;
            while (at < text.length() && (Character.isLetterOrDigit(peek()) || peek() == '_' || peek() == '-')) {
                at++;
            }
            return text.substring(start, at);
        }
        return null;
    }

    private boolean take(String token) {
        skipSpace();
        if (text.startsWith(token, at)) {
            at += token.length();
            return true;
        }
        return false;
    }

    private void expect(char c) {
        skipSpace();
        if (peek() != c) {
            throw unexpected();
        }
        at++;
    }

    private ExpressionException unexpected() {
        if (at >= text.length()) {
            return new ExpressionException("Unexpected end of expression: " + text);
        }
        return new ExpressionException("Unexpected symbol: '" + text.charAt(at) + "'. Located at position " + (at + 1)
                + " within expression: " + text);
    }

    private void skipSpace() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }

    private char peek() {
        return peekAt(0);
    }

    private char peekAt(int offset) {
        return at + offset < text.length() ? text.charAt(at + offset) : '\0';
    }
}
