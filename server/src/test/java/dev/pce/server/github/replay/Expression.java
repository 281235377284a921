package dev.pce.server.github.replay;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/** A parsed GitHub Actions expression (the text between {@code ${{} and {@code }}}). */
sealed interface Expression {

    /** {@code null}, a boolean, a number or a string literal. */
    record Literal(JsonNode value) implements Expression {
    }

    /** A context by name ({@code github}, {@code env}, {@code steps}, ...); {@code position} is 1-based. */
    record Context(String name, int position) implements Expression {
    }

    /** {@code target.name}, also {@code target['name']} and {@code target[0]}. */
    record Index(Expression target, Expression key) implements Expression {
    }

    /** {@code target.*}: every element of an array or every value of an object. */
    record Filter(Expression target) implements Expression {
    }

    /** A function call; {@code position} is 1-based. */
    record Call(String function, List<Expression> arguments, int position) implements Expression {
        public Call {
            arguments = List.copyOf(arguments);
        }
    }

    record Not(Expression operand) implements Expression {
    }

    /** {@code && || == != < <= > >=}. */
    record Binary(String operator, Expression left, Expression right) implements Expression {
    }
}
