package dev.pce.server.github.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed workflow file.
 *
 * @param name how errors name the file (its path relative to the repository when it is in it)
 */
record WorkflowFile(String name, JsonNode root) {
    private static final YAMLMapper YAML = new YAMLMapper();

    static WorkflowFile read(Path file, String name) {
        if (!Files.isRegularFile(file)) {
            throw new WorkflowException(name + ": no such workflow file");
        }
        try {
            JsonNode root = YAML.readTree(file.toFile());
            if (root == null || !root.isObject()) {
                throw new WorkflowException(name + ": not a workflow (the top level is not a mapping)");
            }
            return new WorkflowFile(name, root);
        } catch (IOException e) {
            throw new WorkflowException(name + ": not valid YAML: " + e.getMessage());
        }
    }

    /** The {@code on:} section as a map of event to its settings (a YAML 1.1 parser may read the key as true). */
    Map<String, JsonNode> on() {
        JsonNode on = root.has("on") ? root.get("on") : root.path("true");
        Map<String, JsonNode> events = new LinkedHashMap<>();
        if (on.isTextual()) {
            events.put(on.asText(), JsonNodeFactory.instance.objectNode());
        } else if (on.isArray()) {
            on.forEach(event -> events.put(event.asText(), JsonNodeFactory.instance.objectNode()));
        } else {
            on.properties().forEach(event -> events.put(event.getKey(), event.getValue().isObject()
                    ? event.getValue() : JsonNodeFactory.instance.objectNode()));
        }
        return events;
    }

    /** The jobs by id, in file order. */
    Map<String, JsonNode> jobs() {
        Map<String, JsonNode> jobs = new LinkedHashMap<>();
        root.path("jobs").properties().forEach(job -> jobs.put(job.getKey(), job.getValue()));
        return jobs;
    }

    /** A job's {@code needs}, as a list. */
    static List<String> needs(JsonNode job) {
        JsonNode needs = job.path("needs");
        List<String> names = new ArrayList<>();
        if (needs.isTextual()) {
            names.add(needs.asText());
        } else {
            needs.forEach(need -> names.add(need.asText()));
        }
        return names;
    }

    String displayName() {
        return root.path("name").isTextual() ? root.get("name").asText() : name;
    }
}
