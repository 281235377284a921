package dev.pce.server.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What is wrong with a request's params, checked before anything handles the request, whatever its method: what
 * cannot be answered is refused before anything is done. Each problem is answered with -32602 naming where it is.
 * <ul>
 *   <li>params, when sent, are an object (MCP names every parameter), and so is their {@code _meta};</li>
 *   <li>the parameters the SDK reads into its records have the kind it expects (a string {@code uri}, a prompt's
 *       {@code arguments} as an object of strings, ...): the SDK answered -32603 quoting Jackson's classes;</li>
 *   <li>every string and name is Unicode text: a UTF-16 surrogate without its pair ({@link UnpairedSurrogates})
 *       made tools store what their answers could not carry;</li>
 *   <li>params nest at most {@link #MAX_DEPTH} levels, far below the reader's bound: an answer wraps what a tool
 *       stored in a few more levels, and must still be within the bound to be written and read back.</li>
 * </ul>
 */
final class RequestParams {
    /** How deep objects and arrays may nest in a request's params (the params object is level 1). */
    static final int MAX_DEPTH = 100;
    private static final int MAX_SHOWN_PATH = 200;

    /** The kinds of value a parameter the SDK reads may have. */
    private enum Kind {
        STRING("a string"), OBJECT("an object"), OBJECT_OF_STRINGS("an object whose values are strings");

        private final String described;

        Kind(String described) {
            this.described = described;
        }

        boolean fits(Object value) {
            return switch (this) {
                case STRING -> value instanceof String;
                case OBJECT -> value instanceof Map;
                case OBJECT_OF_STRINGS -> value instanceof Map<?, ?> map
                        && map.values().stream().allMatch(String.class::isInstance);
            };
        }
    }

    /** A parameter the SDK reads into its records, and what to send instead of a wrong one. */
    private record Param(String name, Kind kind, boolean required, String hint) {
    }

    private static final Param META = new Param("_meta", Kind.OBJECT, false, "an object of metadata, or leave it out");
    private static final Param CURSOR = new Param("cursor", Kind.STRING, false,
            "the nextCursor of an earlier answer, or leave it out for the first page");
    private static final Map<String, List<Param>> PARAMS = Map.of(
            McpSchema.METHOD_INITIALIZE, List.of(
                    new Param("protocolVersion", Kind.STRING, false, "a protocol version such as \"2025-06-18\""),
                    new Param("capabilities", Kind.OBJECT, false, "the client's capabilities, {} for none"),
                    new Param("clientInfo", Kind.OBJECT, false, "{\"name\": ..., \"version\": ...}")),
            McpSchema.METHOD_PROMPT_GET, List.of(
                    new Param("name", Kind.STRING, true, "the name of a prompt from prompts/list"),
                    new Param("arguments", Kind.OBJECT_OF_STRINGS, false,
                            "the prompt's arguments by name, each value a string")),
            McpSchema.METHOD_RESOURCES_READ, List.of(
                    new Param("uri", Kind.STRING, true, "a resource URI such as pkm://note/<id>")),
            McpSchema.METHOD_TOOLS_LIST, List.of(CURSOR),
            McpSchema.METHOD_PROMPT_LIST, List.of(CURSOR),
            McpSchema.METHOD_RESOURCES_LIST, List.of(CURSOR),
            McpSchema.METHOD_RESOURCES_TEMPLATES_LIST, List.of(CURSOR));

    private RequestParams() {
    }

    /** The -32602 answer to {@code request} when its params have a problem; empty when they have none. */
    static Optional<JSONRPCResponse> refusal(McpSchema.JSONRPCRequest request) {
        return problem(request).map(problem -> invalidParams(request, problem));
    }

    static JSONRPCResponse invalidParams(McpSchema.JSONRPCRequest request, String message) {
        return JSONRPCResponse.error(request.id(), new JSONRPCResponse.JSONRPCError(
                McpSchema.ErrorCodes.INVALID_PARAMS, message));
    }

    /** What is wrong with the request's params, said so the caller can fix it; empty when nothing is. */
    static Optional<String> problem(McpSchema.JSONRPCRequest request) {
        return problem(request, true);
    }

    /**
     * As {@link #problem(McpSchema.JSONRPCRequest)}; {@code mayHoldSurrogates} false when the request's JSON text
     * holds no escaped surrogate ({@link UnpairedSurrogates#mayBeEscapedIn}), so its strings need no check.
     */
    static Optional<String> problem(McpSchema.JSONRPCRequest request, boolean mayHoldSurrogates) {
        Object params = request.params();
        List<Param> known = request.method() == null ? List.of() : PARAMS.getOrDefault(request.method(), List.of());
        String method = UnpairedSurrogates.shown(String.valueOf(request.method()));
        if (params == null) {
            return known.stream().filter(Param::required).findFirst()
                    .map(param -> method + " needs params with " + param.name() + ": " + param.hint() + ".");
        }
        if (!(params instanceof Map<?, ?> named)) {
            return Optional.of("The params of " + method + " must be an object (MCP names every parameter), got "
                    + kind(params) + ". Send them as {\"name\": value, ...}, or leave them out.");
        }
        return Optional.ofNullable(problemIn(named, 1, mayHoldSurrogates))
                .map(found -> found.message("params") + " Nothing was done.")
                .or(() -> kinds(known, method, named));
    }

    /** Whether the parameters the SDK reads have their kinds; the first that does not, said plainly. */
    private static Optional<String> kinds(List<Param> known, String method, Map<?, ?> params) {
        List<Param> expected = new ArrayList<>(List.of(META));
        expected.addAll(known);
        for (Param param : expected) {
            Object value = params.get(param.name());
            if (value == null ? param.required() : !param.kind().fits(value)) {
                String got = value == null ? "nothing" : kind(value);
                return Optional.of("params." + param.name() + " of " + method + " must be "
                        + param.kind().described + ", got " + got + ". Send " + param.hint() + ".");
            }
        }
        return Optional.empty();
    }

    /**
     * The first string or name that is not Unicode (when {@code strings} are to be checked), or container nested
     * too deep, in {@code value}; null when there is none. Where it is, is learnt on the way back out of the walk,
     * so a request without a problem costs no path: a 100,000-task plan has a million values.
     */
    private static Found problemIn(Object value, int depth, boolean strings) {
        Object plain = value instanceof TreeArguments arguments ? arguments.tree() : value;
        Iterable<? extends Map.Entry<?, ?>> members = members(plain);
        Iterable<?> items = items(plain);
        if ((members != null || items != null) && depth > MAX_DEPTH) {
            return new Found(RequestParams::tooDeep);
        }
        if (members != null) {
            for (Map.Entry<?, ?> member : members) {
                String name = String.valueOf(member.getKey());
                if (strings && UnpairedSurrogates.firstIn(name) >= 0) {
                    return new Found(path -> text(name, "The name " + shown(path)).orElseThrow()).in(name);
                }
                Found found = problemIn(member.getValue(), depth + 1, strings);
                if (found != null) {
                    return found.in(name);
                }
            }
        } else if (items != null) {
            int index = 0;
            for (Object item : items) {
                Found found = problemIn(item, depth + 1, strings);
                if (found != null) {
                    return found.in(index);
                }
                index++;
            }
        } else if (strings && textOf(plain) instanceof String text && UnpairedSurrogates.firstIn(text) >= 0) {
            return new Found(path -> text(text, shown(path)).orElseThrow());
        }
        return null; // numbers, booleans and null are what they are
    }

    /** The members of an object, read as maps or as a tree; null for any other value. */
    private static Iterable<? extends Map.Entry<?, ?>> members(Object value) {
        return switch (value) {
            case Map<?, ?> map -> map.entrySet();
            case ObjectNode object -> object.properties();
            case null, default -> null;
        };
    }

    /** The items of an array, read as lists or as a tree; null for any other value. */
    private static Iterable<?> items(Object value) {
        return switch (value) {
            case List<?> list -> list;
            case ArrayNode array -> array;
            case null, default -> null;
        };
    }

    private static String textOf(Object value) {
        return switch (value) {
            case String text -> text;
            case JsonNode node when node.isTextual() -> node.textValue();
            case null, default -> null;
        };
    }

    /** A problem and the steps to its value (member names and item indices), innermost first. */
    private static final class Found {
        private final Function<String, String> message;
        private final List<Object> steps = new ArrayList<>();

        Found(Function<String, String> message) {
            this.message = message;
        }

        Found in(Object step) {
            steps.add(step);
            return this;
        }

        /** The message, with the value's path from {@code root}: {@code params.tasks[2].title}. */
        String message(String root) {
            StringBuilder path = new StringBuilder(root);
            for (Object step : steps.reversed()) {
                path.append(step instanceof Integer index ? "[" + index + "]"
                        : "." + UnpairedSurrogates.shown((String) step));
            }
            return message.apply(path.toString());
        }
    }

    private static Optional<String> text(String text, String what) {
        int at = UnpairedSurrogates.firstIn(text);
        if (at < 0) {
            return Optional.empty();
        }
        return Optional.of(what + " holds an unpaired UTF-16 surrogate (" + UnpairedSurrogates.escape(text.charAt(at))
                + " at character " + (at + 1) + "), which is no Unicode character: no answer could quote it. Send "
                + "Unicode text; a character beyond U+FFFF is escaped as a pair, a high surrogate (\\uD800-\\uDBFF) "
                + "followed by a low one (\\uDC00-\\uDFFF).");
    }

    private static String tooDeep(String path) {
        return shown(path) + " nests objects and arrays deeper than " + MAX_DEPTH + " levels, the most PCE takes in "
                + "a request's params. Send flatter values (put deep structures in a file and pass its path).";
    }

    private static String shown(String path) {
        return path.length() <= MAX_SHOWN_PATH ? path : path.substring(0, MAX_SHOWN_PATH) + "...";
    }

    /** A JSON value's kind, as a caller would name it. */
    static String kind(Object value) {
        return switch (value) {
            case null -> "nothing";
            case Map<?, ?> map -> "an object";
            case List<?> list -> "an array";
            case String text -> "a string";
            case Number number -> "a number";
            case Boolean flag -> "a boolean";
            default -> "another kind of value";
        };
    }
}
