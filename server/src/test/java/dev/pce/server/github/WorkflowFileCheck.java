package dev.pce.server.github;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shape of a GitHub Actions workflow file, checked the way GitHub's schema would reject it, kept small: the
 * keys PCE's workflows use, not the whole schema. Also checks that every {@code ./ce COMMAND} a step runs names a
 * command that exists. Returns problems as "file: where: what" lines.
 */
final class WorkflowFileCheck {
    static final Set<String> TOP_LEVEL_KEYS = Set.of("name", "run-name", "on", "permissions", "env", "defaults",
            "concurrency", "jobs");
    static final Set<String> EVENTS = Set.of("push", "pull_request", "pull_request_target", "workflow_dispatch",
            "workflow_call", "workflow_run", "issue_comment", "issues", "schedule", "release", "merge_group");
    static final Set<String> JOB_KEYS = Set.of("name", "runs-on", "needs", "if", "permissions", "environment",
            "concurrency", "outputs", "env", "defaults", "steps", "timeout-minutes", "strategy", "continue-on-error",
            "container", "services", "uses", "with", "secrets");
    static final Set<String> STEP_KEYS = Set.of("uses", "run", "name", "with", "env", "id", "if", "shell",
            "working-directory", "continue-on-error", "timeout-minutes");
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{\\s*fromJSON\\(.+\\)\\s*}}");
    /** {@code ./ce COMMAND} at the start of a shell word: after a line start, space, pipe, ;, &, ( or $( . */
    private static final Pattern CE_COMMAND = Pattern.compile("(?:^|[\\s|;&(])\\./ce\\s+([a-z][a-z-]*)");

    private final String file;
    private final Set<String> ceCommands;
    private final List<String> problems = new ArrayList<>();

    private WorkflowFileCheck(String file, Set<String> ceCommands) {
        this.file = file;
        this.ceCommands = ceCommands;
    }

    /**
     * @param workflow   the parsed file
     * @param ceCommands the command names a {@code ./ce} call may use
     */
    static List<String> check(String file, JsonNode workflow, Set<String> ceCommands) {
        WorkflowFileCheck check = new WorkflowFileCheck(file, ceCommands);
        check.workflow(workflow);
        return List.copyOf(check.problems);
    }

    private void workflow(JsonNode workflow) {
        if (!workflow.isObject()) {
            problem("top level", "is not a map");
            return;
        }
        for (String key : fieldNames(workflow)) {
            if (!TOP_LEVEL_KEYS.contains(key) && !key.equals("true")) {
                problem("top level", "unknown key '" + key + "'");
            }
        }
        if (!workflow.path("name").isTextual()) {
            problem("top level", "has no 'name'");
        }
        // YAML 1.1 parsers read the key `on` as the boolean true
        triggers(workflow.has("on") ? workflow.get("on") : workflow.get("true"));
        JsonNode jobs = workflow.path("jobs");
        if (!jobs.isObject() || jobs.isEmpty()) {
            problem("jobs", "is not a non-empty map of jobs");
            return;
        }
        Set<String> jobIds = Set.copyOf(fieldNames(jobs));
        for (Map.Entry<String, JsonNode> job : jobs.properties()) {
            job("jobs." + job.getKey(), job.getValue(), jobIds);
        }
    }

    private void triggers(JsonNode on) {
        if (on == null) {
            problem("top level", "has no 'on'");
            return;
        }
        List<String> events = on.isTextual() ? List.of(on.asText())
                : on.isArray() ? on.valueStream().map(JsonNode::asText).toList() : fieldNames(on);
        if (events.isEmpty()) {
            problem("on", "names no event");
        }
        events.stream().filter(event -> !EVENTS.contains(event))
                .forEach(event -> problem("on", "unknown event '" + event + "'"));
    }

    private void job(String where, JsonNode job, Set<String> jobIds) {
        for (String key : fieldNames(job)) {
            if (!JOB_KEYS.contains(key)) {
                problem(where, "unknown key '" + key + "'");
            }
        }
        JsonNode needs = job.path("needs");
        List<String> needed = needs.isTextual() ? List.of(needs.asText())
                : needs.valueStream().map(JsonNode::asText).toList();
        needed.stream().filter(need -> !jobIds.contains(need))
                .forEach(need -> problem(where + ".needs", "names no job of this file: '" + need + "'"));
        JsonNode matrix = job.path("strategy").path("matrix");
        if (!matrix.isMissingNode() && !matrix.isObject()
                && !(matrix.isTextual() && EXPRESSION.matcher(matrix.asText()).matches())) {
            problem(where + ".strategy.matrix", "is neither a map nor a ${{ fromJSON(...) }} expression");
        }
        if (job.has("uses")) {
            return; // a reusable workflow call has no runner and no steps of its own
        }
        if (!job.has("runs-on")) {
            problem(where, "has neither 'runs-on' nor 'uses'");
        }
        JsonNode steps = job.path("steps");
        if (!steps.isArray() || steps.isEmpty()) {
            problem(where + ".steps", "is not a non-empty list");
            return;
        }
        for (int i = 0; i < steps.size(); i++) {
            step(where + ".steps[" + i + "]", steps.get(i));
        }
    }

    private void step(String where, JsonNode step) {
        for (String key : fieldNames(step)) {
            if (!STEP_KEYS.contains(key)) {
                problem(where, "unknown key '" + key + "'");
            }
        }
        if (step.has("uses") == step.has("run")) {
            problem(where, "must have exactly one of 'uses' and 'run'");
        }
        if (step.path("run").isTextual()) {
            Matcher matcher = CE_COMMAND.matcher(step.get("run").asText());
            while (matcher.find()) {
                if (!ceCommands.contains(matcher.group(1))) {
                    problem(where + ".run", "runs './ce " + matcher.group(1) + "', which is not a ce command");
                }
            }
        }
    }

    private void problem(String where, String what) {
        problems.add(file + ": " + where + ": " + what);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
