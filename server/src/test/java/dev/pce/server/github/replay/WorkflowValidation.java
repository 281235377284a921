package dev.pce.server.github.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What GitHub checks before a run starts, for the file and every local workflow it calls: jobs and their
 * {@code needs} (no unknown job, no cycle), steps with one of {@code run} and {@code uses}, unique step ids, every
 * expression parsed and naming only the contexts and functions its key offers. Also refuses what the replay cannot
 * do: an action it does not know, a reusable workflow of another repository.
 */
final class WorkflowValidation {
    /** A top-level workflow and up to nine levels of reusable workflows under it. */
    static final int MAX_DEPTH = 10;

    private final List<String> problems = new ArrayList<>();
    private final Path repository;

    private WorkflowValidation(Path repository) {
        this.repository = repository;
    }

    /** @throws WorkflowException listing every problem, each naming the file, job, step and expression */
    static void check(WorkflowFile workflow, Path repository) {
        WorkflowValidation validation = new WorkflowValidation(repository);
        validation.workflow(workflow, 1);
        if (!validation.problems.isEmpty()) {
            throw new WorkflowException("The workflow is not valid.\n" + String.join("\n", validation.problems));
        }
    }

    /** Job ids in an order that puts every job after the jobs it needs, file order otherwise. */
    static List<String> order(WorkflowFile workflow) {
        Map<String, JsonNode> jobs = workflow.jobs();
        Set<String> done = new LinkedHashSet<>();
        while (done.size() < jobs.size()) {
            int before = done.size();
            for (Map.Entry<String, JsonNode> job : jobs.entrySet()) {
                if (!done.contains(job.getKey()) && done.containsAll(WorkflowFile.needs(job.getValue()))) {
                    done.add(job.getKey());
                    break;
                }
            }
            if (done.size() == before) {
                List<String> left = jobs.keySet().stream().filter(id -> !done.contains(id)).toList();
                throw new WorkflowException(workflow.name() + ": The workflow is not valid. Jobs " + left
                        + " depend on each other in a cycle or on unknown jobs.");
            }
        }
        return List.copyOf(done);
    }

    /** The local workflow a job's {@code uses:} names. */
    static WorkflowFile called(WorkflowFile caller, String uses, Path repository) {
        if (!uses.startsWith("./")) {
            throw new WorkflowException(caller.name() + ": reusable workflow '" + uses + "' of another repository is "
                    + "not replayed (only ./.github/workflows/... of this repository)");
        }
        Path path = repository.resolve(uses.substring(2)).normalize();
        return WorkflowFile.read(path, uses.substring(2));
    }

    private void workflow(WorkflowFile workflow, int depth) {
        String file = workflow.name();
        if (depth > MAX_DEPTH) {
            problems.add(file + ": workflows are nested more than " + MAX_DEPTH + " levels deep");
            return;
        }
        check(workflow.root().path("run-name"), Scope.RUN_NAME, file + ": run-name");
        check(workflow.root().path("env"), Scope.WORKFLOW_ENV, file + ": env");
        JsonNode call = workflow.on().get("workflow_call");
        if (call != null) {
            call.path("inputs").properties().forEach(input -> check(input.getValue().path("default"),
                    Scope.INPUT_DEFAULT, file + ": on.workflow_call.inputs." + input.getKey() + ".default"));
            call.path("outputs").properties().forEach(output -> check(output.getValue().path("value"),
                    Scope.CALL_OUTPUTS, file + ": on.workflow_call.outputs." + output.getKey() + ".value"));
        }
        Map<String, JsonNode> jobs = workflow.jobs();
        if (jobs.isEmpty()) {
            problems.add(file + ": jobs: the workflow has no jobs");
        }
        for (Map.Entry<String, JsonNode> job : jobs.entrySet()) {
            job(workflow, job.getKey(), job.getValue(), jobs.keySet(), depth);
        }
        try {
            order(workflow);
        } catch (WorkflowException e) {
            problems.add(e.getMessage());
        }
    }

    private void job(WorkflowFile workflow, String id, JsonNode job, Set<String> jobIds, int depth) {
        String where = workflow.name() + ": jobs." + id;
        if (!id.matches("[A-Za-z_][A-Za-z0-9_-]*")) {
            problems.add(where + ": a job id must start with a letter or _ and contain only alphanumeric "
                    + "characters, - or _");
        }
        for (String need : WorkflowFile.needs(job)) {
            if (!jobIds.contains(need)) {
                problems.add(where + ".needs: Job '" + id + "' depends on unknown job '" + need + "'.");
            }
        }
        condition(job.path("if"), Scope.JOB_IF, where + ".if");
        check(job.path("strategy"), Scope.JOB_STRATEGY, where + ".strategy");
        for (String key : List.of("name", "runs-on", "continue-on-error", "timeout-minutes", "defaults",
                "concurrency", "environment")) {
            check(job.path(key), Scope.JOB_KEY, where + "." + key);
        }
        check(job.path("env"), Scope.JOB_ENV, where + ".env");
        check(job.path("outputs"), Scope.JOB_OUTPUTS, where + ".outputs");
        check(job.path("with"), Scope.CALL_INPUTS, where + ".with");
        check(job.path("secrets"), Scope.CALL_INPUTS, where + ".secrets");
        if (job.has("uses")) {
            try {
                WorkflowFile called = called(workflow, job.get("uses").asText(), repository);
                if (!called.on().containsKey("workflow_call")) {
                    problems.add(where + ".uses: " + called.name() + " is not a reusable workflow (no "
                            + "on.workflow_call)");
                }
                callInputs(where, job.path("with"), called);
                workflow(called, depth + 1);
            } catch (WorkflowException e) {
                problems.add(where + ".uses: " + e.getMessage());
            }
            return;
        }
        for (String key : List.of("container", "services")) {
            if (job.has(key)) {
                problems.add(where + "." + key + ": jobs in containers are not replayed (no container engine here)");
            }
        }
        JsonNode steps = job.path("steps");
        if (!steps.isArray() || steps.isEmpty()) {
            problems.add(where + ".steps: a job needs steps (or uses: to call a workflow)");
            return;
        }
        Set<String> stepIds = new HashSet<>();
        for (int i = 0; i < steps.size(); i++) {
            JsonNode step = steps.get(i);
            String stepWhere = where + ".steps[" + i + "]" + (step.has("name") ? " (" + step.get("name").asText()
                    + ")" : "");
            if (step.has("run") == step.has("uses")) {
                problems.add(stepWhere + ": a step has exactly one of 'run' and 'uses'");
            }
            if (step.has("id") && !stepIds.add(step.get("id").asText())) {
                problems.add(stepWhere + ": The identifier '" + step.get("id").asText()
                        + "' may not be used more than once within the same scope.");
            }
            if (step.has("uses")) {
                try {
                    Actions.find(step.get("uses").asText());
                } catch (IllegalArgumentException e) {
                    problems.add(stepWhere + ".uses: " + e.getMessage());
                }
            }
            condition(step.path("if"), Scope.STEP_IF, stepWhere + ".if");
            for (String key : List.of("name", "run", "with", "env", "working-directory", "shell",
                    "continue-on-error", "timeout-minutes")) {
                check(step.path(key), Scope.STEP_KEY, stepWhere + "." + key);
            }
        }
    }

    /**
     * The inputs a call passes, checked against the called workflow's declarations as far as they are known before
     * the run: no undeclared input, every required one given, written values of the declared type.
     */
    private void callInputs(String where, JsonNode with, WorkflowFile called) {
        JsonNode declarations = called.on().getOrDefault("workflow_call", Values.NULL).path("inputs");
        Map<String, JsonNode> given = new LinkedHashMap<>();
        with.properties().forEach(input -> {
            JsonNode type = declarations.path(input.getKey()).path("type");
            boolean expression = input.getValue().isTextual() && Template.hasExpression(input.getValue().asText());
            // an expression's value is known when the job runs; its type is checked then
            given.put(input.getKey(), !expression ? input.getValue() : switch (type.asText("string")) {
                case "boolean" -> Values.bool(false);
                case "number" -> JsonNodeFactory.instance.numberNode(0);
                default -> Values.text("");
            });
        });
        try {
            Inputs.resolve(declarations, given, Values::text, true, where + ".with");
        } catch (WorkflowException e) {
            problems.add(e.getMessage());
        }
    }

    private void condition(JsonNode value, Scope scope, String where) {
        if (value.isMissingNode() || value.isNull()) {
            return;
        }
        String text = value.asText();
        for (String expression : Template.conditionExpressions(text)) {
            expression(expression, scope, where);
        }
    }

    /** Every expression in every string under {@code node}. */
    private void check(JsonNode node, Scope scope, String where) {
        if (node.isTextual()) {
            try {
                Template.expressions(node.asText()).forEach(expression -> expression(expression, scope, where));
            } catch (ExpressionException e) {
                problems.add(where + ": " + e.getMessage());
            }
        } else if (node.isContainerNode()) {
            node.forEach(child -> check(child, scope, where));
        }
    }

    private void expression(String expression, Scope scope, String where) {
        try {
            scope.check(ExpressionParser.parse(expression), expression);
        } catch (ExpressionException e) {
            problems.add(where + ": ${{ " + expression + " }}: " + e.getMessage());
        }
    }
}
