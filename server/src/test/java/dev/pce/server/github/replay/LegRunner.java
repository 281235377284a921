package dev.pce.server.github.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pce.engine.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Runs the steps of one leg of a job (the job, or one matrix combination) in a fresh folder of its own: an empty
 * workspace (checkout fills it), a runner temp folder, a home. Steps run while the job is succeeding unless their
 * {@code if} says otherwise; each gets new {@code GITHUB_OUTPUT}, {@code GITHUB_ENV}, {@code GITHUB_PATH} and
 * {@code GITHUB_STEP_SUMMARY} files, read after it ends; its stdout and stderr are read for workflow commands.
 */
final class LegRunner {
    /** Variables of this JVM's environment a runner would not have (this machine's settings and sessions). */
    private static final List<String> NOT_INHERITED = List.of("ANTHROPIC_", "CLAUDE_", "CE_", "GITHUB_", "RUNNER_",
            "ACTIONS_", "MAVEN_CMD_LINE_ARGS");

    private final RunState run;
    private final WorkflowFile file;
    private final String jobId;
    private final JsonNode job;
    private final Map<String, JsonNode> contexts;
    private final Map<String, String> workflowEnv = new LinkedHashMap<>();
    private final Path workspace;
    private final Path temp;
    private final Path home;
    private final Map<String, String> exported = new LinkedHashMap<>();
    private final List<String> paths = new ArrayList<>();
    private final ObjectNode steps = Json.plain().createObjectNode();
    private final List<String> masks = new ArrayList<>();

    /**
     * @param contexts the leg's contexts so far: github, inputs, secrets, vars, needs, matrix, strategy
     */
    LegRunner(RunState run, WorkflowFile file, String jobId, JsonNode job, Map<String, JsonNode> contexts) {
        this.run = run;
        this.file = file;
        this.jobId = jobId;
        this.job = job;
        Path directory = run.newLegDirectory(jobId);
        this.workspace = directory.resolve("workspace");
        this.temp = directory.resolve("temp");
        this.home = directory.resolve("home");
        try {
            for (Path folder : List.of(workspace, temp, home, directory.resolve("tool-cache"))) {
                Files.createDirectories(folder);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.contexts = new HashMap<>(contexts);
        ObjectNode github = ((ObjectNode) contexts.get("github")).deepCopy();
        github.put("job", jobId).put("workspace", workspace.toString()).put("action", "");
        this.contexts.put("github", github);
        ObjectNode runner = Json.plain().createObjectNode().put("os", "Linux").put("arch", "X64")
                .put("name", "replay").put("environment", "github-hosted").put("temp", temp.toString())
                .put("tool_cache", directory.resolve("tool-cache").toString()).put("debug", "");
        this.contexts.put("runner", runner);
        this.contexts.put("job", Json.plain().createObjectNode().put("status", "success"));
        this.contexts.put("steps", steps);
        masks.addAll(run.masks());
    }

    LegResult run(String name, JsonNode matrix) {
        List<StepResult> results = new ArrayList<>();
        List<Annotation> annotations = new ArrayList<>();
        Map<String, String> jobEnv = new LinkedHashMap<>();
        boolean failed = false;
        try {
            // the workflow's env is evaluated on the runner, where github.workspace is this leg's
            workflowEnv.putAll(strings(Template.resolve(file.root().path("env"), evaluator(Map.of(), false))));
            jobEnv.putAll(strings(Template.resolve(job.path("env"), evaluator(Map.of(), false))));
        } catch (ExpressionException e) {
            annotations.add(Annotation.error(where("env") + ": " + e.getMessage()));
            failed = true;
        }
        JsonNode stepList = job.path("steps");
        for (int i = 0; i < stepList.size(); i++) {
            StepResult step = step(i, stepList.get(i), jobEnv, failed);
            results.add(step);
            annotations.addAll(step.annotations());
            if (!step.id().isEmpty()) {
                ObjectNode context = steps.putObject(step.id());
                context.put("outcome", step.outcome().text()).put("conclusion", step.conclusion().text());
                ObjectNode outputs = context.putObject("outputs");
                step.outputs().forEach(outputs::put);
            }
            failed |= step.conclusion() == Result.FAILURE;
            ((ObjectNode) contexts.get("job")).put("status", failed ? "failure" : "success");
        }
        Map<String, String> outputs = new LinkedHashMap<>();
        Evaluator evaluator = evaluator(env(jobEnv, Map.of()), failed);
        for (Map.Entry<String, JsonNode> output : job.path("outputs").properties()) {
            try {
                String value = Values.toText(Template.resolve(output.getValue(), evaluator));
                if (masks.stream().anyMatch(value::contains)) {
                    // GitHub drops an output holding a secret or a masked value rather than pass it on
                    annotations.add(Annotation.warning("Skip output '" + output.getKey()
                            + "' since it may contain secret."));
                } else {
                    outputs.put(output.getKey(), value);
                }
            } catch (ExpressionException e) {
                annotations.add(Annotation.error(where("outputs." + output.getKey()) + ": " + e.getMessage()));
                failed = true;
            }
        }
        Result outcome = failed ? Result.FAILURE : Result.SUCCESS;
        Result result = outcome;
        if (failed && continueOnError()) {
            result = Result.SUCCESS;
        }
        StringBuilder summary = new StringBuilder();
        results.forEach(step -> summary.append(step.summary()));
        return new LegResult(name, matrix, outcome, result, results, outputs, annotations, summary.toString(),
                workspace, Optional.empty());
    }

    private boolean continueOnError() {
        try {
            return Values.truthy(Template.resolve(job.path("continue-on-error"), evaluator(Map.of(), true)));
        } catch (ExpressionException e) {
            return false;
        }
    }

    private StepResult step(int index, JsonNode step, Map<String, String> jobEnv, boolean jobFailed) {
        String id = step.path("id").asText("");
        String where = where("steps[" + index + "]" + (id.isEmpty() ? "" : " (" + id + ")"));
        String name = defaultName(step);
        Map<String, String> stepEnv = Map.of();
        List<Annotation> annotations = new ArrayList<>();
        try {
            Evaluator before = evaluator(env(jobEnv, Map.of()), jobFailed);
            String condition = step.path("if").isMissingNode() ? "success()" : step.get("if").asText();
            boolean runs;
            try {
                runs = Template.condition(condition, before);
            } catch (ExpressionException e) {
                throw new ExpressionException("if: " + condition + ": " + e.getMessage());
            }
            if (!runs) {
                return new StepResult(id, step.has("name") ? step.get("name").asText() : name, Map.of(),
                        Result.SKIPPED, Result.SKIPPED, Map.of(), "", "", List.of(), "");
            }
            stepEnv = strings(Template.resolve(step.path("env"), before));
            Evaluator evaluator = evaluator(env(jobEnv, stepEnv), jobFailed);
            if (step.has("name")) {
                name = Template.interpolate(step.get("name").asText(), evaluator);
            }
            ((ObjectNode) contexts.get("github")).put("action", id.isEmpty() ? "__run_" + index : id);
            Execution execution = step.has("uses") ? action(step, evaluator, env(jobEnv, stepEnv))
                    : script(step, evaluator, env(jobEnv, stepEnv));
            annotations.addAll(execution.annotations);
            boolean continueOnError = Values.truthy(Template.resolve(step.path("continue-on-error"), evaluator));
            Result outcome = execution.failed ? Result.FAILURE : Result.SUCCESS;
            return new StepResult(id, name, execution.with, outcome, continueOnError ? Result.SUCCESS : outcome,
                    execution.outputs, mask(execution.stdout), mask(execution.stderr), annotations,
                    execution.summary);
        } catch (ExpressionException e) {
            annotations.add(Annotation.error("The template is not valid. " + where + ": " + e.getMessage()));
            return new StepResult(id, name, Map.of(), Result.FAILURE, Result.FAILURE, Map.of(), "", "", annotations,
                    "");
        }
    }

    /** What running a step gave. */
    private static final class Execution {
        Map<String, String> with = Map.of();
        Map<String, String> outputs = new LinkedHashMap<>();
        List<Annotation> annotations = new ArrayList<>();
        String stdout = "";
        String stderr = "";
        String summary = "";
        boolean failed;
    }

    private Execution script(JsonNode step, Evaluator evaluator, Map<String, String> env) {
        Execution execution = new Execution();
        String text = Template.interpolate(step.get("run").asText(), evaluator);
        Shell shell;
        try {
            JsonNode shellName = step.has("shell") ? Values.text(Template.interpolate(step.get("shell").asText(),
                    evaluator)) : defaultsRun("shell");
            shell = Shell.of(shellName.isNull() ? null : Values.toText(shellName));
        } catch (IllegalArgumentException e) {
            execution.failed = true;
            execution.annotations.add(Annotation.error(e.getMessage()));
            return execution;
        }
        JsonNode directory = step.has("working-directory")
                ? Values.text(Template.interpolate(step.get("working-directory").asText(), evaluator))
                : defaultsRun("working-directory");
        Path workingDirectory = directory.isNull() ? workspace : workspace.resolve(Values.toText(directory));
        Duration timeout = timeout(step, evaluator);
        StepFiles files = StepFiles.create(temp);
        try {
            Path script = temp.resolve(UUID.randomUUID() + shell.extension());
            Files.writeString(script, text);
            if (!Files.isDirectory(workingDirectory)) {
                execution.failed = true;
                execution.annotations.add(Annotation.error("An error occurred trying to start process '"
                        + shell.command(script).getFirst() + "' with working directory '" + workingDirectory
                        + "'. No such file or directory"));
                return execution;
            }
            ProcessBuilder builder = new ProcessBuilder(shell.command(script)).directory(workingDirectory.toFile());
            builder.environment().clear();
            builder.environment().putAll(processEnvironment(env, files));
            Path out = temp.resolve(script.getFileName() + ".out");
            Path err = temp.resolve(script.getFileName() + ".err");
            Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            process.getOutputStream().close();
            boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
            }
            execution.stdout = Files.readString(out, StandardCharsets.UTF_8);
            execution.stderr = Files.readString(err, StandardCharsets.UTF_8);
            commands(execution);
            if (!finished) {
                execution.failed = true;
                execution.annotations.add(Annotation.error("The action '" + defaultName(step) + "' has timed out "
                        + "after " + timeout.toMinutes() + " minutes."));
            } else if (process.exitValue() != 0) {
                execution.failed = true;
                execution.annotations.add(Annotation.error("Process completed with exit code " + process.exitValue()
                        + "."));
            }
            files.read(execution.outputs, exported, paths);
            execution.summary = files.summaryText();
        } catch (IllegalArgumentException e) {
            execution.failed = true;
            execution.annotations.add(Annotation.error(e.getMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a step ran", e);
        }
        return execution;
    }

    private Execution action(JsonNode step, Evaluator evaluator, Map<String, String> env) {
        Execution execution = new Execution();
        String uses = step.get("uses").asText();
        Action action = Actions.find(uses);
        Map<String, String> with = new TreeMap<>(action.inputs());
        JsonNode given = Template.resolve(step.path("with"), evaluator);
        List<String> unexpected = new ArrayList<>();
        given.properties().forEach(input -> {
            with.put(input.getKey(), Values.toText(input.getValue()));
            if (!action.inputs().containsKey(input.getKey())) {
                unexpected.add(input.getKey());
            }
        });
        if (!unexpected.isEmpty()) {
            execution.annotations.add(Annotation.warning("Unexpected input(s) '" + String.join("', '", unexpected)
                    + "', valid inputs are " + new TreeMap<>(action.inputs()).keySet()));
        }
        Map<String, String> passed = new LinkedHashMap<>();
        given.properties().forEach(input -> passed.put(input.getKey(), Values.toText(input.getValue())));
        execution.with = passed;
        StepFiles files = StepFiles.create(temp);
        ActionStep actionStep = new ActionStep(with, workspace, temp, home, processEnvironment(env, files), run);
        try {
            action.run(actionStep);
        } catch (Action.StepFailure e) {
            execution.failed = true;
            actionStep.annotations.add(Annotation.error(e.getMessage()));
        } catch (Exception e) {
            execution.failed = true;
            actionStep.annotations.add(Annotation.error(uses + " failed: " + e));
        }
        execution.annotations.addAll(actionStep.annotations);
        execution.outputs.putAll(actionStep.outputs);
        exported.putAll(actionStep.exportedVariables);
        paths.addAll(actionStep.addedPaths);
        execution.stdout = actionStep.stdout.toString();
        execution.stderr = actionStep.stderr.toString();
        commands(execution);
        return execution;
    }

    /** Reads the step's output for workflow commands; masks apply from then on. */
    private void commands(Execution execution) {
        WorkflowCommands commands = new WorkflowCommands();
        commands.read(execution.stdout);
        commands.read(execution.stderr);
        execution.annotations.addAll(commands.annotations);
        execution.outputs.putAll(commands.outputs);
        masks.addAll(commands.masks);
        execution.failed |= commands.failed;
    }

    private Duration timeout(JsonNode step, Evaluator evaluator) {
        JsonNode minutes = Template.resolve(step.path("timeout-minutes"), evaluator);
        return minutes.isNull() ? run.replay.stepTimeout()
                : Duration.ofMillis((long) (Values.toNumber(minutes) * 60_000));
    }

    /** {@code defaults.run.<key>} of the job, else of the workflow, else null. */
    private JsonNode defaultsRun(String key) {
        JsonNode value = job.path("defaults").path("run").path(key);
        if (value.isMissingNode()) {
            value = file.root().path("defaults").path("run").path(key);
        }
        return value.isMissingNode() ? Values.NULL : value;
    }

    /** The {@code env} context: the workflow's, the job's, $GITHUB_ENV's, the step's, later ones winning. */
    private Map<String, String> env(Map<String, String> jobEnv, Map<String, String> stepEnv) {
        Map<String, String> env = new LinkedHashMap<>(workflowEnv);
        env.putAll(jobEnv);
        env.putAll(exported);
        env.putAll(stepEnv);
        return env;
    }

    private Evaluator evaluator(Map<String, String> env, boolean jobFailed) {
        Map<String, JsonNode> all = new HashMap<>(contexts);
        ObjectNode envContext = Json.plain().createObjectNode();
        env.forEach(envContext::put);
        all.put("env", envContext);
        return new Evaluator(all, new Evaluator.Status() {
            @Override
            public boolean success() {
                return !jobFailed;
            }

            @Override
            public boolean failure() {
                return jobFailed;
            }

            @Override
            public boolean cancelled() {
                return false;
            }
        }, workspace);
    }

    /** The process environment of a step: the runner's, GitHub's variables, then the env context. */
    private Map<String, String> processEnvironment(Map<String, String> env, StepFiles files) {
        Map<String, String> environment = new HashMap<>();
        System.getenv().forEach((name, value) -> {
            if (NOT_INHERITED.stream().noneMatch(name::startsWith) && !name.equals("CI")) {
                environment.put(name, value);
            }
        });
        environment.putAll(run.replay.environment());
        environment.put("HOME", home.toString());
        JsonNode github = contexts.get("github");
        for (String field : List.of("event_name", "event_path", "run_id", "run_number", "run_attempt", "repository",
                "repository_owner", "sha", "ref", "ref_name", "ref_type", "head_ref", "base_ref", "actor",
                "triggering_actor", "job", "workflow", "workflow_ref", "server_url", "api_url", "graphql_url",
                "action", "retention_days", "workspace")) {
            environment.put("GITHUB_" + field.toUpperCase(Locale.ROOT), github.path(field).asText());
        }
        environment.put("CI", "true");
        environment.put("GITHUB_ACTIONS", "true");
        environment.put("RUNNER_OS", "Linux");
        environment.put("RUNNER_ARCH", "X64");
        environment.put("RUNNER_NAME", "replay");
        environment.put("RUNNER_ENVIRONMENT", "github-hosted");
        environment.put("RUNNER_TEMP", temp.toString());
        environment.put("RUNNER_TOOL_CACHE", contexts.get("runner").path("tool_cache").asText());
        environment.put("RUNNER_WORKSPACE", workspace.getParent().toString());
        environment.putAll(files.environment());
        environment.putAll(env);
        List<String> path = new ArrayList<>(paths.reversed());
        path.add(environment.getOrDefault("PATH", "/usr/bin:/bin"));
        environment.put("PATH", String.join(":", path));
        return environment;
    }

    private String mask(String text) {
        String masked = text;
        for (String secret : masks) {
            masked = masked.replace(secret, "***");
        }
        return masked;
    }

    private String where(String key) {
        return file.name() + ": jobs." + jobId + "." + key;
    }

    private static String defaultName(JsonNode step) {
        if (step.has("uses")) {
            return "Run " + step.get("uses").asText();
        }
        String script = step.path("run").asText().strip();
        return "Run " + (script.contains("\n") ? script.substring(0, script.indexOf('\n')) : script);
    }

    private static Map<String, String> strings(JsonNode map) {
        Map<String, String> strings = new LinkedHashMap<>();
        if (map.isObject()) {
            map.properties().forEach(entry -> strings.put(entry.getKey(), Values.toText(entry.getValue())));
        }
        return strings;
    }
}
