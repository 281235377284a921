package dev.pce.server.github.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.pce.engine.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** GitHub's expression functions other than the status checks, with the argument counts GitHub accepts. */
final class Functions {
    /** Lower-case name to {minimum, maximum} arguments. */
    static final Map<String, int[]> ARITY = Map.ofEntries(
            Map.entry("contains", new int[]{2, 2}), Map.entry("startswith", new int[]{2, 2}),
            Map.entry("endswith", new int[]{2, 2}), Map.entry("format", new int[]{1, Integer.MAX_VALUE}),
            Map.entry("join", new int[]{1, 2}), Map.entry("tojson", new int[]{1, 1}),
            Map.entry("fromjson", new int[]{1, 1}), Map.entry("hashfiles", new int[]{1, Integer.MAX_VALUE}),
            Map.entry("success", new int[]{0, 0}), Map.entry("always", new int[]{0, 0}),
            Map.entry("failure", new int[]{0, 0}), Map.entry("cancelled", new int[]{0, 0}));
    static final List<String> STATUS = List.of("success", "always", "failure", "cancelled");

    private Functions() {
    }

    static JsonNode call(String name, List<JsonNode> arguments, Path workspace) {
        return switch (name) {
            case "contains" -> Values.bool(contains(arguments.get(0), arguments.get(1)));
            case "startswith" -> Values.bool(lower(arguments.get(0)).startsWith(lower(arguments.get(1))));
            case "endswith" -> Values.bool(lower(arguments.get(0)).endsWith(lower(arguments.get(1))));
            case "format" -> Values.text(format(Values.toText(arguments.getFirst()), arguments.subList(1,
                    arguments.size())));
            case "join" -> Values.text(join(arguments.get(0), arguments.size() > 1
                    ? Values.toText(arguments.get(1)) : ","));
            case "tojson" -> Values.text(Values.toJson(arguments.getFirst()));
            case "fromjson" -> fromJson(Values.toText(arguments.getFirst()));
            case "hashfiles" -> Values.text(hashFiles(arguments, workspace));
            default -> throw new ExpressionException("Unrecognized function: '" + name + "'");
        };
    }

    private static boolean contains(JsonNode search, JsonNode item) {
        if (search != null && search.isArray()) {
            for (JsonNode element : search) {
                if (Values.looseEquals(element, item)) {
                    return true;
                }
            }
            return false;
        }
        return lower(search).contains(lower(item));
    }

    private static String lower(JsonNode value) {
        return Values.toText(value).toLowerCase(Locale.ROOT);
    }

    /** {@code {0}} and so on replaced by the arguments; {@code {{} and {@code }}} stand for braces. */
    static String format(String pattern, List<JsonNode> arguments) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '{' && i + 1 < pattern.length() && pattern.charAt(i + 1) == '{') {
                out.append('{');
                i++;
            } else if (c == '}' && i + 1 < pattern.length() && pattern.charAt(i + 1) == '}') {
                out.append('}');
                i++;
            } else if (c == '{') {
                int close = pattern.indexOf('}', i);
                String index = close < 0 ? "" : pattern.substring(i + 1, close);
                if (!index.matches("\\d+")) {
                    throw new ExpressionException("The following format string is invalid: " + pattern);
                }
                int n = Integer.parseInt(index);
                if (n >= arguments.size()) {
                    throw new ExpressionException("The following format string references more arguments than were "
                            + "supplied: " + pattern);
                }
                out.append(Values.toText(arguments.get(n)));
                i = close;
            } else if (c == '}') {
                throw new ExpressionException("The following format string is invalid: " + pattern);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String join(JsonNode value, String separator) {
        if (value == null || !value.isArray()) {
            return Values.toText(value);
        }
        List<String> parts = new ArrayList<>();
        value.forEach(element -> parts.add(Values.toText(element)));
        return String.join(separator, parts);
    }

    private static JsonNode fromJson(String text) {
        if (text.isBlank()) {
            throw new ExpressionException("Error reading JToken from JsonReader. Path '', line 0, position 0. "
                    + "(fromJSON of an empty string)");
        }
        try {
            return Json.plain().readTree(text);
        } catch (JsonProcessingException e) {
            throw new ExpressionException("Error parsing fromJson: " + e.getOriginalMessage() + " in: " + text);
        }
    }

    /** SHA-256 over the SHA-256 of every matched file, in match order; empty when nothing matches. */
    private static String hashFiles(List<JsonNode> patterns, Path workspace) {
        List<String> lines = patterns.stream().map(Values::toText).toList();
        List<Path> files = GlobSearch.of(workspace, String.join("\n", lines)).files(true);
        if (files.isEmpty()) {
            return "";
        }
        try {
            MessageDigest all = MessageDigest.getInstance("SHA-256");
            for (Path file : files) {
                all.update(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
            }
            return HexFormat.of().formatHex(all.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
