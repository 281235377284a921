package dev.pce.rules.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pce.engine.model.EdgeClass;
import dev.pce.engine.model.TaskSpec;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a scenario of the dependency rules: {@code name}, optional {@code description}, {@code given} (tasks with
 * the fields of ce_plan's tasks, plus {@code produces} and {@code consumes}; {@code depends_on} entries are ids or
 * {@code {id, type}}) and either {@code expect} (edges {@code {from, to, class, rule?, resource?}}) or
 * {@code expect_error} (a text or a list of texts the error must contain); optional {@code expect_notes}.
 */
final class DependencyScenarioReader {
    private static final Set<String> SCENARIO_FIELDS = Set.of("name", "description", "given", "expect",
            "expect_error", "expect_notes");
    private static final Set<String> TASK_FIELDS = Set.of("id", "title", "kind", "pool", "estimate", "reads",
            "writes", "depends_on", "produces", "consumes", "description");
    private static final Set<String> DEPENDENCY_FIELDS = Set.of("id", "type");
    private static final Set<String> EDGE_FIELDS = Set.of("from", "to", "class", "rule", "resource");

    private final ScenarioNodes nodes;

    DependencyScenarioReader(ScenarioNodes nodes) {
        this.nodes = nodes;
    }

    DependencyScenario scenario(JsonNode node, String where) {
        if (node != null && node.isObject() && (node.has("evidence") || node.has("project_type"))) {
            throw nodes.problem(where, "has fields of a gate scenario, but the file tests the dependency rules; a file"
                    + " of gate scenarios starts with 'rules: gates'");
        }
        if (node != null && node.isObject() && node.path("given").isObject()) {
            throw nodes.problem(where, "has the 'given' of a conflict scenario (an object), but the file tests the"
                    + " dependency rules; a file of conflict scenarios starts with 'rules: conflicts'");
        }
        nodes.object(node, where, SCENARIO_FIELDS);
        String name = nodes.requiredText(node, "name", where);
        String scenarioWhere = where + " ('" + name + "')";
        JsonNode given = node.get("given");
        if (given == null || !given.isArray() || given.isEmpty()) {
            throw nodes.problem(scenarioWhere, "needs a non-empty list 'given' of tasks");
        }
        List<TaskSpec> tasks = nodes.list(node, "given", scenarioWhere, this::task);
        List<String> expectError = nodes.texts(node, "expect_error", scenarioWhere);
        JsonNode expect = node.get("expect");
        if (expect == null && expectError.isEmpty()) {
            throw nodes.problem(scenarioWhere, "needs 'expect' (the edges, [] for none) or 'expect_error'");
        }
        if (expect != null && !expectError.isEmpty()) {
            throw nodes.problem(scenarioWhere, "has both 'expect' and 'expect_error'; a plan either classifies or fails");
        }
        if (expect != null && !expect.isArray()) {
            throw nodes.problem(scenarioWhere + ".expect", "must be a list of edges");
        }
        List<ExpectedEdge> edges = nodes.list(node, "expect", scenarioWhere, this::edge);
        return new DependencyScenario(nodes.file(), name, nodes.text(node, "description", where).orElse(""), tasks,
                edges, expectError, nodes.texts(node, "expect_notes", scenarioWhere));
    }

    private TaskSpec task(JsonNode node, String where) {
        nodes.object(node, where, TASK_FIELDS);
        String id = nodes.requiredText(node, "id", where);
        String kind = nodes.requiredText(node, "kind", where);
        TaskSpec.Builder task = TaskSpec.builder(id, kind);
        nodes.text(node, "title", where).ifPresent(task::title);
        nodes.text(node, "pool", where).ifPresent(task::pool);
        nodes.text(node, "description", where).ifPresent(task::description);
        JsonNode estimate = node.get("estimate");
        if (estimate != null && estimate.isNumber()) {
            task.estimate(estimate.doubleValue()); // a duration text is accepted and ignored: rules don't read it
        }
        task.reads(nodes.texts(node, "reads", where).toArray(String[]::new));
        task.writes(nodes.texts(node, "writes", where).toArray(String[]::new));
        task.produces(nodes.texts(node, "produces", where).toArray(String[]::new));
        task.consumes(nodes.texts(node, "consumes", where).toArray(String[]::new));
        JsonNode dependsOn = node.get("depends_on");
        if (dependsOn != null) {
            if (!dependsOn.isArray()) {
                throw nodes.problem(where + ".depends_on", "must be a list of ids or {id, type}");
            }
            for (int i = 0; i < dependsOn.size(); i++) {
                dependency(task, dependsOn.get(i), where + ".depends_on[" + i + "]");
            }
        }
        return task.build();
    }

    private void dependency(TaskSpec.Builder task, JsonNode node, String where) {
        if (node.isTextual()) {
            task.dependsOn(node.asText());
            return;
        }
        nodes.object(node, where, DEPENDENCY_FIELDS);
        String id = nodes.requiredText(node, "id", where);
        Optional<String> type = nodes.text(node, "type", where);
        if (type.isPresent()) {
            task.dependsOn(id, edgeClass(type.get(), where + ".type"));
        } else {
            task.dependsOn(id);
        }
    }

    private ExpectedEdge edge(JsonNode node, String where) {
        nodes.object(node, where, EDGE_FIELDS);
        String from = nodes.requiredText(node, "from", where);
        String to = nodes.requiredText(node, "to", where);
        String edgeClass = nodes.requiredText(node, "class", where);
        return new ExpectedEdge(from, to, edgeClass(edgeClass, where + ".class"), nodes.text(node, "rule", where),
                nodes.text(node, "resource", where));
    }

    private EdgeClass edgeClass(String value, String where) {
        try {
            return EdgeClass.fromWireName(value);
        } catch (IllegalArgumentException e) {
            throw nodes.problem(where, "is '" + value + "', not one of hard, soft, resource, feedback");
        }
    }
}
