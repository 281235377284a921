package dev.pce.pkm.note;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads front matter YAML into a {@link FrontMatter}. YAML that does not parse, has duplicate keys, or is not a
 * mapping makes the note unusable; a known field with a value of the wrong shape is only left out, with a warning.
 */
final class FrontMatterReader {
    /** Decimals as {@link java.math.BigDecimal} first; {@link #decimals} makes doubles of those a double can hold. */
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final Pattern TAG_SEPARATORS = Pattern.compile("[,\\s]+");

    /** The outcome: front matter with warnings, or the reason the YAML is unusable. */
    sealed interface Outcome {
    }

    record Read(FrontMatter frontMatter, List<NoteProblem> warnings) implements Outcome {
    }

    record Unusable(NoteProblem problem) implements Outcome {
    }

    private final String path;
    private final List<NoteProblem> warnings = new ArrayList<>();

    private FrontMatterReader(String path) {
        this.path = path;
    }

    static Outcome read(String path, String yaml) {
        return new FrontMatterReader(path).read(yaml);
    }

    private Outcome read(String yaml) {
        JsonNode root;
        try {
            root = decimals(YAML.readTree(yaml));
        } catch (JsonProcessingException e) {
            return new Unusable(new NoteProblem(path, NoteProblem.Kind.BAD_YAML,
                    "The front matter is not valid YAML: " + firstLine(e.getOriginalMessage()) + where(e),
                    "Correct the YAML between the two '---' lines at the start of the note (key: value per line; "
                            + "quote values that contain ': ' or start with '[', '{', '#', '@' or '`')."));
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return new Read(FrontMatter.EMPTY, List.of());
        }
        if (!root.isObject()) {
            return new Unusable(new NoteProblem(path, NoteProblem.Kind.BAD_YAML,
                    "The front matter is a " + (root.isArray() ? "list" : "single value") + ", not key: value pairs.",
                    "Write the front matter as 'key: value' lines, or remove the '---' lines if the note has none."));
        }
        FrontMatter.Builder builder = FrontMatter.builder();
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            String key = field.getKey();
            JsonNode value = field.getValue();
            switch (key) {
                case "id" -> scalar(key, value).ifPresent(text -> {
                    if (NoteId.isValidName(text)) {
                        builder.id(new NoteId(text));
                    } else {
                        warn(key, "'" + NoteId.clip(text) + "' is not a note id, so the file name is the id.",
                                "Use 1 to " + NoteId.MAX_LENGTH + " characters without '/', '\\' or control "
                                        + "characters, or remove the id field.");
                    }
                });
                case "title" -> scalar(key, value).filter(t -> !t.isBlank()).map(String::strip)
                        .ifPresent(builder::title);
                case "date" -> scalar(key, value).ifPresent(text -> NoteDate.parse(text).ifPresentOrElse(
                        builder::date,
                        () -> warn(key, "'" + NoteId.clip(text) + "' is not a date.",
                                "Write the date as 2024-08-24, 2024-08-24 16:04 or 2024-08-24T16:04:00Z.")));
                case "type" -> scalar(key, value).filter(t -> !t.isBlank()).map(String::strip)
                        .ifPresent(builder::type);
                case "status" -> scalar(key, value).filter(t -> !t.isBlank()).map(String::strip)
                        .ifPresent(builder::status);
                case "project" -> scalar(key, value).filter(t -> !t.isBlank()).map(String::strip)
                        .ifPresent(builder::project);
                case "tags" -> tags(value, builder);
                case "links" -> links(value, builder);
                default -> builder.extra(key, value);
            }
        }
        return new Read(builder.build(), List.copyOf(warnings));
    }

    /**
     * Decimals as doubles, the way they are written back ({@code 2.} as {@code 2.0}), except those beyond a double:
     * as a double {@code 2024E408251} is Infinity, which the renderer writes as text, so a rewritten note would
     * change; as a decimal it is written and read back as the same number.
     */
    private static JsonNode decimals(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isBigDecimal()) {
            double value = node.doubleValue();
            return Double.isFinite(value) ? DoubleNode.valueOf(value) : node;
        }
        if (node instanceof ObjectNode object) {
            object.properties().forEach(field -> field.setValue(decimals(field.getValue())));
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, decimals(array.get(i)));
            }
        }
        return node;
    }

    /** A text, number or boolean as text; null as absent; a list or mapping is a warning. */
    private Optional<String> scalar(String key, JsonNode value) {
        if (value.isNull()) {
            return Optional.empty();
        }
        if (value.isValueNode()) {
            return Optional.of(value.asText());
        }
        warn(key, "'" + key + "' is a " + (value.isArray() ? "list" : "mapping") + ", not a single value.",
                "Give '" + key + "' one value, such as " + key + ": something.");
        return Optional.empty();
    }

    private void tags(JsonNode value, FrontMatter.Builder builder) {
        List<String> candidates = new ArrayList<>();
        if (value.isArray()) {
            for (JsonNode item : value) {
                if (item.isValueNode() && !item.isNull()) {
                    splitTags(item.asText(), candidates);
                } else if (!item.isNull()) {
                    warn("tags", "A tag is a list or mapping, not a name.", "List tags as names: tags: [a, b].");
                }
            }
        } else if (value.isValueNode() && !value.isNull()) {
            splitTags(value.asText(), candidates);
        } else if (value.isObject()) {
            warn("tags", "'tags' is a mapping.", "List tags as names: tags: [a, b] or tags: a, b.");
        }
        List<String> invalid = new ArrayList<>();
        for (String candidate : candidates) {
            String name = candidate.startsWith("#") ? candidate.substring(1) : candidate;
            if (Tags.isValid(name)) {
                builder.tag(name);
            } else if (!name.isEmpty()) {
                invalid.add(candidate);
            }
        }
        if (!invalid.isEmpty()) {
            warn("tags", "Not tag names, left out: " + String.join(", ", invalid) + ".",
                    "Use letters, digits, '_', '-' and '/' with at least one letter, '_' or '-' (e.g. 'y2024', not "
                            + "'2024').");
        }
    }

    private static void splitTags(String text, List<String> into) {
        for (String part : TAG_SEPARATORS.split(text.strip())) {
            if (!part.isEmpty()) {
                into.add(part);
            }
        }
    }

    private void links(JsonNode value, FrontMatter.Builder builder) {
        List<JsonNode> items = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(items::add);
        } else if (!value.isNull()) {
            items.add(value);
        }
        for (JsonNode item : items) {
            if (item.isNull()) {
                continue;
            }
            if (!item.isValueNode()) {
                warn("links", "A link is a list or mapping, not a note.",
                        "List links as note ids or \"[[note]]\" texts: links: [\"[[202408241604-x]]\"].");
                continue;
            }
            String target = linkTarget(item.asText());
            if (FrontMatter.isLinkTarget(target)) {
                builder.link(target);
            } else if (!target.isEmpty()) {
                warn("links", "'" + NoteId.clip(item.asText()) + "' is not a link to a note.",
                        "Write each link as a note id or \"[[note]]\", without '[', ']' or line breaks inside.");
            }
        }
    }

    /** {@code [[target#heading|alias]]} or {@code target} to {@code target}. */
    static String linkTarget(String text) {
        String t = text.strip();
        if (t.startsWith("[[") && t.endsWith("]]") && t.length() >= 4) {
            t = t.substring(2, t.length() - 2);
        }
        int bar = t.indexOf('|');
        if (bar >= 0) {
            t = t.substring(0, bar);
        }
        int hash = t.indexOf('#');
        if (hash >= 0) {
            t = t.substring(0, hash);
        }
        return t.strip();
    }

    private void warn(String key, String what, String fix) {
        warnings.add(new NoteProblem(path, NoteProblem.Kind.BAD_FIELD, "Front matter '" + key + "': " + what, fix));
    }

    private static String where(JsonProcessingException e) {
        if (e.getLocation() == null || e.getLocation().getLineNr() < 1) {
            return ".";
        }
        // the YAML starts on the file's second line, after the opening '---'
        return " (line " + (e.getLocation().getLineNr() + 1) + " of the file).";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        String line = message.strip();
        int nl = line.indexOf('\n');
        return nl < 0 ? line : line.substring(0, nl);
    }
}
