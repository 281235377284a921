package dev.pce.server.github.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pce.engine.Json;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs the jobs of one workflow file (the top-level one or a called one) one at a time in {@code needs} order: a
 * job's {@code if} (default {@code success()}: every job it depends on, directly or not, succeeded) decides whether
 * it runs, its matrix gives its legs, {@code fail-fast} cancels the legs after a failed one, and a job that calls a
 * reusable workflow runs that file's jobs with the inputs, secrets and outputs GitHub passes.
 */
final class WorkflowRunner {
    private final RunState run;
    private final WorkflowFile file;
    private final ObjectNode inputs;
    private final ObjectNode secrets;
    private final int depth;

    WorkflowRunner(RunState run, WorkflowFile file, ObjectNode inputs, ObjectNode secrets, int depth) {
        this.run = run;
        this.file = file;
        this.inputs = inputs;
        this.secrets = secrets;
        this.depth = depth;
    }

    RunResult run() {
        Map<String, JsonNode> jobs = file.jobs();
        Map<String, JobResult> results = new LinkedHashMap<>();
        for (String id : WorkflowValidation.order(file)) {
            results.put(id, job(id, jobs.get(id), results));
        }
        Result conclusion = results.values().stream().anyMatch(job -> job.result() == Result.FAILURE)
                ? Result.FAILURE : results.values().stream().anyMatch(job -> job.result() == Result.CANCELLED)
                ? Result.CANCELLED : Result.SUCCESS;
        return new RunResult(run.runId, conclusion, results, outputs(results), run.artifacts.all());
    }

    /** {@code on.workflow_call.outputs}, from the {@code jobs} context. */
    private Map<String, String> outputs(Map<String, JobResult> results) {
        JsonNode declared = Optional.ofNullable(file.on().get("workflow_call")).map(call -> call.path("outputs"))
                .orElse(Values.NULL);
        Map<String, String> outputs = new LinkedHashMap<>();
        if (depth == 1 || !declared.isObject()) {
            return outputs;
        }
        ObjectNode jobsContext = Json.plain().createObjectNode();
        results.forEach((id, job) -> {
            ObjectNode context = jobsContext.putObject(id).put("result", job.result().text());
            ObjectNode jobOutputs = context.putObject("outputs");
            job.outputs().forEach(jobOutputs::put);
        });
        Evaluator evaluator = new Evaluator(Map.of("github", run.github, "inputs", inputs, "vars", run.variables(),
                "jobs", jobsContext), Evaluator.NO_STATUS, run.directory);
        declared.properties().forEach(output -> outputs.put(output.getKey(),
                Template.interpolate(output.getValue().path("value").asText(), evaluator)));
        return outputs;
    }

    private JobResult job(String id, JsonNode job, Map<String, JobResult> results) {
        ObjectNode needs = Json.plain().createObjectNode();
        for (String need : WorkflowFile.needs(job)) {
            ObjectNode context = needs.putObject(need).put("result", results.get(need).result().text());
            ObjectNode outputs = context.putObject("outputs");
            results.get(need).outputs().forEach(outputs::put);
        }
        Map<String, JsonNode> contexts = new HashMap<>(Map.of("github", run.github, "inputs", inputs,
                "vars", run.variables(), "needs", needs, "secrets", secrets));
        Set<Result> ancestors = new HashSet<>();
        ancestors(id, results).forEach(ancestor -> ancestors.add(results.get(ancestor).result()));
        Evaluator.Status status = new Evaluator.Status() {
            @Override
            public boolean success() {
                return ancestors.stream().allMatch(result -> result == Result.SUCCESS);
            }

            @Override
            public boolean failure() {
                return ancestors.contains(Result.FAILURE);
            }

            @Override
            public boolean cancelled() {
                return false;
            }
        };
        String where = file.name() + ": jobs." + id;
        try {
            String condition = job.path("if").isMissingNode() ? "success()" : job.get("if").asText();
            if (!Template.condition(condition, new Evaluator(contexts, status, run.directory))) {
                return new JobResult(id, Result.SKIPPED, Map.of(), List.of(), List.of());
            }
        } catch (ExpressionException e) {
            return failed(id, where + ".if: " + e.getMessage());
        }
        List<ObjectNode> combinations;
        boolean failFast;
        Evaluator strategyEvaluator = new Evaluator(contexts, Evaluator.NO_STATUS, run.directory);
        try {
            JsonNode strategy = job.path("strategy");
            combinations = strategy.has("matrix")
                    ? Matrix.expand(Template.resolve(strategy.get("matrix"), strategyEvaluator))
                    : List.of(Json.plain().createObjectNode());
            failFast = !strategy.has("fail-fast")
                    || Values.truthy(Template.resolve(strategy.get("fail-fast"), strategyEvaluator));
        } catch (ExpressionException e) {
            return failed(id, "Error when evaluating 'strategy' for job '" + id + "'. " + file.name() + ": "
                    + e.getMessage());
        }
        List<LegResult> legs = new ArrayList<>();
        boolean cancelRest = false;
        for (int index = 0; index < combinations.size(); index++) {
            ObjectNode matrix = combinations.get(index);
            Map<String, JsonNode> legContexts = new HashMap<>(contexts);
            legContexts.put("matrix", matrix);
            legContexts.put("strategy", Json.plain().createObjectNode().put("fail-fast", failFast)
                    .put("job-index", index).put("job-total", combinations.size())
                    .put("max-parallel", job.path("strategy").path("max-parallel").asInt(combinations.size())));
            String name = Matrix.legName(id, matrix);
            LegResult leg;
            try {
                if (job.has("name")) {
                    name = Template.interpolate(job.get("name").asText(),
                            new Evaluator(legContexts, Evaluator.NO_STATUS, run.directory));
                }
                if (cancelRest) {
                    leg = new LegResult(name, matrix, Result.CANCELLED, Result.CANCELLED, List.of(), Map.of(),
                            List.of(), "", run.directory, Optional.empty());
                } else if (job.has("uses")) {
                    leg = call(id, job, name, matrix, legContexts);
                } else {
                    leg = new LegRunner(run, file, id, job, legContexts).run(name, matrix);
                }
            } catch (ExpressionException | WorkflowException e) {
                leg = new LegResult(name, matrix, Result.FAILURE, Result.FAILURE, List.of(), Map.of(),
                        List.of(Annotation.error(where + ": " + e.getMessage())), "", run.directory,
                        Optional.empty());
            }
            legs.add(leg);
            cancelRest |= failFast && leg.result() == Result.FAILURE;
        }
        Result result = legs.stream().anyMatch(leg -> leg.result() == Result.FAILURE) ? Result.FAILURE
                : legs.stream().anyMatch(leg -> leg.result() == Result.CANCELLED) ? Result.CANCELLED : Result.SUCCESS;
        Map<String, String> outputs = new LinkedHashMap<>();
        legs.forEach(leg -> leg.outputs().forEach((name, value) -> {
            if (!value.isEmpty()) {
                outputs.put(name, value);
            }
        }));
        List<Annotation> annotations = new ArrayList<>();
        legs.forEach(leg -> annotations.addAll(leg.annotations()));
        return new JobResult(id, result, outputs, legs, annotations);
    }

    /** One call of a reusable workflow: its inputs and secrets checked against its declarations, its jobs run. */
    private LegResult call(String id, JsonNode job, String name, ObjectNode matrix, Map<String, JsonNode> contexts) {
        WorkflowFile called = WorkflowValidation.called(file, job.get("uses").asText(), run.replay.repository());
        JsonNode declared = called.on().get("workflow_call");
        Evaluator evaluator = new Evaluator(contexts, Evaluator.NO_STATUS, run.directory);
        Map<String, JsonNode> with = new LinkedHashMap<>();
        Template.resolve(job.path("with"), evaluator).properties().forEach(input -> with.put(input.getKey(),
                input.getValue()));
        Evaluator defaults = new Evaluator(Map.of("github", run.github, "vars", run.variables(),
                "inputs", Json.plain().createObjectNode()), Evaluator.NO_STATUS, run.directory);
        String where = file.name() + ": jobs." + id + " calling " + called.name();
        ObjectNode calledInputs = Inputs.resolve(declared.path("inputs"), with,
                text -> Template.evaluate(text, defaults), true, where);
        ObjectNode calledSecrets = Json.plain().createObjectNode();
        calledSecrets.put("GITHUB_TOKEN", secrets.path("GITHUB_TOKEN").asText());
        JsonNode passed = job.path("secrets");
        if (passed.isTextual() && passed.asText().equals("inherit")) {
            calledSecrets.setAll(secrets);
        } else if (passed.isObject()) {
            List<String> problems = new ArrayList<>();
            Template.resolve(passed, evaluator).properties().forEach(secret -> {
                if (!declared.path("secrets").has(secret.getKey())) {
                    problems.add("Invalid secret, " + secret.getKey() + " is not defined in the referenced workflow.");
                }
                calledSecrets.put(secret.getKey(), Values.toText(secret.getValue()));
            });
            if (!problems.isEmpty()) {
                throw new WorkflowException(where + ": " + String.join(" ", problems));
            }
        }
        for (Map.Entry<String, JsonNode> secret : declared.path("secrets").properties()) {
            if (secret.getValue().path("required").asBoolean(false) && !calledSecrets.has(secret.getKey())) {
                throw new WorkflowException(where + ": Secret " + secret.getKey()
                        + " is required, but not provided while calling.");
            }
        }
        RunResult nested = new WorkflowRunner(run, called, calledInputs, calledSecrets, depth + 1).run();
        return new LegResult(name, matrix, nested.conclusion(), nested.conclusion(), List.of(), nested.outputs(),
                List.of(), "", run.directory, Optional.of(nested));
    }

    private static JobResult failed(String id, String message) {
        return new JobResult(id, Result.FAILURE, Map.of(), List.of(), List.of(Annotation.error(message)));
    }

    /** Every job {@code id} depends on, directly or through others. */
    private Set<String> ancestors(String id, Map<String, JobResult> results) {
        Set<String> all = new HashSet<>();
        List<String> todo = new ArrayList<>(WorkflowFile.needs(file.jobs().get(id)));
        while (!todo.isEmpty()) {
            String next = todo.removeLast();
            if (all.add(next)) {
                todo.addAll(WorkflowFile.needs(file.jobs().get(next)));
            }
        }
        all.retainAll(results.keySet());
        return all;
    }
}
