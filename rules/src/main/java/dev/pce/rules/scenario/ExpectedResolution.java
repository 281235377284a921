package dev.pce.rules.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.pce.engine.Json;
import dev.pce.engine.conflict.ConflictKind;
import dev.pce.engine.conflict.ContenderOutcome;
import dev.pce.engine.conflict.QualityResolution;
import dev.pce.engine.conflict.Resolution;
import dev.pce.engine.conflict.ResourceResolution;
import dev.pce.engine.conflict.TimelineResolution;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.StreamSupport;

/**
 * The fields of a resolution a conflict scenario expects, named as in the resolution's JSON (the event payload):
 * {@code rule}, {@code decision}, {@code shared_files}, ... Only the fields given are compared: {@code reason} and
 * {@code suggestion} must contain the expected text; lists of texts compare in any order; numbers by value;
 * {@code outcomes} lists the contenders to check, each by its {@code task_id}, with the same comparisons.
 *
 * @param fields the expected fields, in file order
 */
public record ExpectedResolution(Map<String, JsonNode> fields) {
    private static final Set<String> CONTAINED = Set.of("reason", "suggestion");
    private static final String OUTCOMES = "outcomes";
    private static final String TASK_ID = "task_id";

    public ExpectedResolution {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** The fields a scenario may expect of a resolution of {@code kind}. */
    static Set<String> allowedFields(ConflictKind kind) {
        return jsonNames(switch (kind) {
            case RESOURCE -> ResourceResolution.class;
            case QUALITY -> QualityResolution.class;
            case TIMELINE -> TimelineResolution.class;
        });
    }

    /** The fields a scenario may expect of one contender's outcome. */
    static Set<String> outcomeFields() {
        return jsonNames(ContenderOutcome.class);
    }

    /** What differs from {@code actual}, one line each. */
    List<String> mismatches(Resolution actual) {
        JsonNode json = Json.mapper().valueToTree(actual);
        List<String> mismatches = new ArrayList<>();
        fields.forEach((name, expected) -> {
            if (name.equals(OUTCOMES)) {
                compareOutcomes(expected, json.path(OUTCOMES), mismatches);
            } else {
                compare(name, expected, json.path(name), mismatches);
            }
        });
        return mismatches;
    }

    private static void compareOutcomes(JsonNode expected, JsonNode actual, List<String> mismatches) {
        for (JsonNode wanted : expected) {
            String task = wanted.path(TASK_ID).asText();
            Optional<JsonNode> found = StreamSupport.stream(actual.spliterator(), false)
                    .filter(outcome -> outcome.path(TASK_ID).asText().equals(task)).findFirst();
            if (found.isEmpty()) {
                mismatches.add("missing outcome of " + task);
                continue;
            }
            for (Map.Entry<String, JsonNode> field : wanted.properties()) {
                compare("outcome of " + task + " " + field.getKey(), field.getKey(), field.getValue(),
                        found.get().path(field.getKey()), mismatches);
            }
        }
    }

    private static void compare(String name, JsonNode expected, JsonNode actual, List<String> mismatches) {
        compare(name, name, expected, actual, mismatches);
    }

    private static void compare(String label, String field, JsonNode expected, JsonNode actual,
                                List<String> mismatches) {
        if (CONTAINED.contains(field)) {
            if (!actual.asText().contains(expected.asText())) {
                mismatches.add(label + " does not contain '" + expected.asText() + "': " + actual.asText());
            }
            return;
        }
        boolean same;
        if (expected.isArray()) {
            same = actual.isArray() && texts(expected).equals(texts(actual));
        } else if (expected.isNumber()) {
            same = actual.isNumber() && expected.doubleValue() == actual.doubleValue();
        } else {
            same = actual.isValueNode() && expected.asText().equals(actual.asText());
        }
        if (!same) {
            mismatches.add(label + ": expected " + show(expected) + ", got " + show(actual));
        }
    }

    /** "x", "[a, b]", "nothing": values as the scenario file writes them. */
    private static String show(JsonNode node) {
        if (node.isMissingNode()) {
            return "nothing";
        }
        if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.forEach(item -> items.add(show(item)));
            return items.toString();
        }
        return node.isValueNode() ? node.asText() : node.toString();
    }

    private static Set<String> texts(JsonNode list) {
        Set<String> texts = new HashSet<>();
        list.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    private static Set<String> jsonNames(Class<? extends Record> type) {
        PropertyNamingStrategies.NamingBase snake =
                (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;
        Set<String> names = new HashSet<>();
        Arrays.stream(type.getRecordComponents()).forEach(c -> names.add(snake.translate(c.getName())));
        return names;
    }
}
