package dev.pce.server.github.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pce.engine.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the jobs of one run share, called workflows included: the run's id and folder, the event, the
 * {@code github} context, secrets and variables, and the artifacts.
 */
final class RunState {
    private static final AtomicLong RUN_IDS = new AtomicLong(System.currentTimeMillis() / 1000 * 1000);

    final WorkflowReplay replay;
    final String runId;
    final Path directory;
    final Path eventFile;
    final ObjectNode github;
    final Artifacts artifacts;
    private final AtomicInteger legs = new AtomicInteger();

    private RunState(WorkflowReplay replay, String runId, Path directory, Path eventFile, ObjectNode github) {
        this.replay = replay;
        this.runId = runId;
        this.directory = directory;
        this.eventFile = eventFile;
        this.github = github;
        this.artifacts = new Artifacts(directory.resolve("artifacts"));
    }

    static RunState start(WorkflowReplay replay, WorkflowFile workflow, Trigger trigger) {
        Map<String, JsonNode> events = workflow.on();
        if (!events.containsKey(trigger.eventName())) {
            throw new WorkflowException(workflow.name() + ": on: the workflow is not triggered by '"
                    + trigger.eventName() + "' (it listens to " + events.keySet() + ")");
        }
        JsonNode types = events.get(trigger.eventName()).path("types");
        if (types.isArray() && !types.isEmpty() && trigger.payload().has("action")) {
            String action = trigger.payload().get("action").asText();
            if (types.valueStream().noneMatch(type -> type.asText().equals(action))) {
                throw new WorkflowException(workflow.name() + ": on." + trigger.eventName() + ".types: activity '"
                        + action + "' does not trigger the workflow (types " + types + ")");
            }
        }
        String runId = Long.toString(RUN_IDS.incrementAndGet());
        try {
            Path directory = Files.createDirectories(replay.workDirectory().resolve("run-" + runId));
            Path eventFile = directory.resolve("event.json");
            Files.writeString(eventFile, Json.plain().writeValueAsString(trigger.payload()));
            ObjectNode github = Json.plain().createObjectNode();
            github.put("event_name", trigger.eventName());
            github.set("event", trigger.payload());
            github.put("event_path", eventFile.toString());
            github.put("run_id", runId).put("run_number", "1").put("run_attempt", "1");
            github.put("repository", "replay/" + replay.repository().getFileName())
                    .put("repository_owner", "replay");
            github.put("ref", "refs/heads/main").put("ref_name", "main").put("ref_type", "branch");
            github.put("sha", "0".repeat(40)).put("head_ref", "").put("base_ref", "");
            github.put("actor", "replay").put("triggering_actor", "replay");
            github.put("server_url", "https://github.com").put("api_url", "https://api.github.com")
                    .put("graphql_url", "https://api.github.com/graphql");
            github.put("workflow", workflow.displayName()).put("workflow_ref", workflow.name() + "@refs/heads/main");
            github.put("token", replay.secrets().getOrDefault("GITHUB_TOKEN", "ghs_replay_token"));
            github.put("retention_days", "90");
            return new RunState(replay, runId, directory, eventFile, github);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh folder for one leg of a job: its workspace, runner temp, tool cache and home. */
    Path newLegDirectory(String job) {
        try {
            return Files.createDirectories(directory.resolve("jobs").resolve(legs.incrementAndGet() + "-" + job));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The top-level workflow's {@code inputs} context (only workflow_dispatch passes inputs to it). */
    ObjectNode inputsFor(WorkflowFile workflow, Trigger trigger) {
        JsonNode declarations = workflow.on().get(trigger.eventName()).path("inputs");
        Map<String, JsonNode> given = new LinkedHashMap<>();
        trigger.inputs().forEach((name, value) -> given.put(name, Values.text(value)));
        if (!trigger.eventName().equals("workflow_dispatch")) {
            return Json.plain().createObjectNode();
        }
        Evaluator defaults = new Evaluator(Map.of("github", github, "vars", variables(),
                "inputs", Json.plain().createObjectNode()), Evaluator.NO_STATUS, directory);
        ObjectNode inputs = Inputs.resolve(declarations, given, text -> Template.evaluate(text, defaults), false,
                workflow.name() + ": workflow_dispatch inputs");
        // the event's inputs are text, defaults filled in, as GitHub's workflow_dispatch payload has them
        ObjectNode eventInputs = ((ObjectNode) github.get("event")).putObject("inputs");
        inputs.properties().forEach(input -> eventInputs.put(input.getKey(), Values.toText(input.getValue())));
        try {
            Files.writeString(eventFile, Json.plain().writeValueAsString(github.get("event")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return inputs;
    }

    /** The {@code secrets} context of the top-level workflow. */
    ObjectNode secrets() {
        ObjectNode secrets = Json.plain().createObjectNode();
        secrets.put("GITHUB_TOKEN", github.get("token").asText());
        replay.secrets().forEach(secrets::put);
        return secrets;
    }

    ObjectNode variables() {
        ObjectNode vars = Json.plain().createObjectNode();
        replay.variables().forEach(vars::put);
        return vars;
    }

    /** Values the logs show as {@code ***}: every secret. */
    List<String> masks() {
        List<String> masks = new ArrayList<>(replay.secrets().values());
        masks.add(github.get("token").asText());
        masks.removeIf(String::isEmpty);
        return masks;
    }
}
