package dev.pce.server.github.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Evaluates parsed expressions against the contexts of one place in a run. {@code &&} and {@code ||} return an
 * operand, as in GitHub; a property of something that has none is {@code null}.
 *
 * @param contexts  by lower-case name
 * @param status    what {@code success()}, {@code failure()} and {@code cancelled()} answer here
 * @param workspace where {@code hashFiles} looks
 */
record Evaluator(Map<String, JsonNode> contexts, Status status, Path workspace) {

    /** The status checks' answers where an expression is evaluated (a job's {@code if}, a step's, ...). */
    interface Status {
        boolean success();

        boolean failure();

        boolean cancelled();
    }

    /** Where no status check may be called. */
    static final Status NO_STATUS = new Status() {
        @Override
        public boolean success() {
            throw new ExpressionException("status functions are not available here");
        }

        @Override
        public boolean failure() {
            return success();
        }

        @Override
        public boolean cancelled() {
            return success();
        }
    };

    JsonNode evaluate(Expression expression) {
        return switch (expression) {
            case Expression.Literal literal -> literal.value();
            case Expression.Context context -> {
                JsonNode value = contexts.get(context.name().toLowerCase(Locale.ROOT));
                if (value == null) {
                    throw new ExpressionException("Unrecognized named-value: '" + context.name() + "'");
                }
                yield value;
            }
            case Expression.Index index -> index(evaluate(index.target()), evaluate(index.key()),
                    index.target() instanceof Expression.Filter);
            case Expression.Filter filter -> filter(evaluate(filter.target()));
            case Expression.Not not -> Values.bool(!Values.truthy(evaluate(not.operand())));
            case Expression.Binary binary -> binary(binary);
            case Expression.Call call -> call(call);
        };
    }

    private JsonNode binary(Expression.Binary binary) {
        JsonNode left = evaluate(binary.left());
        return switch (binary.operator()) {
            case "&&" -> Values.truthy(left) ? evaluate(binary.right()) : left;
            case "||" -> Values.truthy(left) ? left : evaluate(binary.right());
            case "==" -> Values.bool(Values.looseEquals(left, evaluate(binary.right())));
            case "!=" -> Values.bool(!Values.looseEquals(left, evaluate(binary.right())));
            default -> Values.bool(Values.compare(binary.operator(), left, evaluate(binary.right())));
        };
    }

    private JsonNode call(Expression.Call call) {
        String name = call.function().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "always" -> Values.bool(true);
            case "success" -> Values.bool(status.success());
            case "failure" -> Values.bool(status.failure());
            case "cancelled" -> Values.bool(status.cancelled());
            default -> {
                List<JsonNode> arguments = new ArrayList<>();
                call.arguments().forEach(argument -> arguments.add(evaluate(argument)));
                yield Functions.call(name, arguments, workspace);
            }
        };
    }

    /** {@code a.b}, {@code a['b']}, {@code a[0]}; after a filter, the property of every element that has it. */
    private static JsonNode index(JsonNode target, JsonNode key, boolean filtered) {
        if (filtered) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            for (JsonNode element : target) {
                JsonNode value = index(element, key, false);
                if (!value.isNull()) {
                    out.add(value);
                }
            }
            return out;
        }
        if (target.isObject() && !key.isArray() && !key.isObject()) {
            return Values.property(target, Values.toText(key));
        }
        if (target.isArray() && (key.isNumber() || key.isTextual())) {
            double n = Values.toNumber(key);
            if (Double.isNaN(n) || n < 0 || n >= target.size()) {
                return Values.NULL;
            }
            return target.get((int) n);
        }
        return Values.NULL;
    }

    private static JsonNode filter(JsonNode target) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        if (target.isArray() || target.isObject()) {
            target.forEach(out::add);
        }
        return out;
    }
}
