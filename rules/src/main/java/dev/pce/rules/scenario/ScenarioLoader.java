package dev.pce.rules.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.engine.dependency.EdgeClass;
import dev.pce.engine.model.TaskSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads scenario files ({@code .json}, {@code .yaml}, {@code .yml}). A file holds {@code scenarios}, a list of
 * objects with {@code name}, optional {@code description}, {@code given} (tasks with the fields of ce_plan's tasks,
 * plus {@code produces} and {@code consumes}; {@code depends_on} entries are ids or {@code {id, type}}) and either
 * {@code expect} (edges {@code {from, to, class, rule?, resource?}}) or {@code expect_error} (a text or a list of
 * texts the error must contain); optional {@code expect_notes}. Unknown fields are errors, so a misspelt
 * expectation cannot pass silently.
 */
public final class ScenarioLoader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> FILE_FIELDS = Set.of("scenarios");
    private static final Set<String> SCENARIO_FIELDS = Set.of("name", "description", "given", "expect",
            "expect_error", "expect_notes");
    private static final Set<String> TASK_FIELDS = Set.of("id", "title", "kind", "pool", "estimate", "reads",
            "writes", "depends_on", "produces", "consumes", "description");
    private static final Set<String> DEPENDENCY_FIELDS = Set.of("id", "type");
    private static final Set<String> EDGE_FIELDS = Set.of("from", "to", "class", "rule", "resource");

    private ScenarioLoader() {
    }

    /** Whether the file's name says it is a scenario file. */
    public static boolean isScenarioFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".json") || name.endsWith(".yaml") || name.endsWith(".yml");
    }

    /** Every scenario file under {@code root} (or {@code root} itself), sorted by path. */
    public static List<Path> findFiles(Path root) {
        if (Files.isRegularFile(root)) {
            return List.of(root);
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).filter(ScenarioLoader::isScenarioFile).sorted().toList();
        } catch (IOException e) {
            throw new CeException(ErrorCode.IO, "Cannot list scenario files under " + root + ": " + e.getMessage(),
                    "Check that the directory exists and is readable.", e);
        }
    }

    /** The scenarios of one file, in file order. */
    public static List<Scenario> load(Path file) {
        String name = file.toString();
        JsonNode root;
        try {
            ObjectMapper mapper = name.toLowerCase(Locale.ROOT).endsWith(".json") ? JSON : YAML;
            root = mapper.readTree(file.toFile());
        } catch (IOException e) {
            throw new CeException(ErrorCode.INVALID_ARGUMENT, "Cannot read scenario file " + name + ": "
                    + e.getMessage(), "Correct the file's syntax (JSON or YAML) at the position named.", e);
        }
        return new Reader(name).file(root);
    }

    /** Walks one file's tree, naming the position of every problem ("scenarios[2].given[0].depends_on[1]"). */
    private record Reader(String file) {

        List<Scenario> file(JsonNode root) {
            object(root, "the file", FILE_FIELDS);
            JsonNode scenarios = root.get("scenarios");
            if (scenarios == null || !scenarios.isArray() || scenarios.isEmpty()) {
                throw problem("the file", "needs a non-empty list 'scenarios'");
            }
            List<Scenario> result = new ArrayList<>();
            for (int i = 0; i < scenarios.size(); i++) {
                result.add(scenario(scenarios.get(i), "scenarios[" + i + "]"));
            }
            return result;
        }

        private Scenario scenario(JsonNode node, String where) {
            object(node, where, SCENARIO_FIELDS);
            String name = text(node, "name", where).orElseThrow(() -> problem(where, "needs a 'name'"));
            String scenarioWhere = where + " ('" + name + "')";
            JsonNode given = node.get("given");
            if (given == null || !given.isArray() || given.isEmpty()) {
                throw problem(scenarioWhere, "needs a non-empty list 'given' of tasks");
            }
            List<TaskSpec> tasks = new ArrayList<>();
            for (int i = 0; i < given.size(); i++) {
                tasks.add(task(given.get(i), scenarioWhere + ".given[" + i + "]"));
            }
            List<String> expectError = texts(node, "expect_error", scenarioWhere);
            JsonNode expect = node.get("expect");
            if (expect == null && expectError.isEmpty()) {
                throw problem(scenarioWhere, "needs 'expect' (the edges, [] for none) or 'expect_error'");
            }
            if (expect != null && !expectError.isEmpty()) {
                throw problem(scenarioWhere, "has both 'expect' and 'expect_error'; a plan either classifies or fails");
            }
            List<ExpectedEdge> edges = new ArrayList<>();
            if (expect != null) {
                if (!expect.isArray()) {
                    throw problem(scenarioWhere + ".expect", "must be a list of edges");
                }
                for (int i = 0; i < expect.size(); i++) {
                    edges.add(edge(expect.get(i), scenarioWhere + ".expect[" + i + "]"));
                }
            }
            return new Scenario(file, name, text(node, "description", where).orElse(""), tasks, edges, expectError,
                    texts(node, "expect_notes", scenarioWhere));
        }

        private TaskSpec task(JsonNode node, String where) {
            object(node, where, TASK_FIELDS);
            String id = text(node, "id", where).orElseThrow(() -> problem(where, "needs an 'id'"));
            String kind = text(node, "kind", where).orElseThrow(() -> problem(where, "needs a 'kind'"));
            TaskSpec.Builder task = TaskSpec.builder(id, kind);
            text(node, "title", where).ifPresent(task::title);
            text(node, "pool", where).ifPresent(task::pool);
            text(node, "description", where).ifPresent(task::description);
            JsonNode estimate = node.get("estimate");
            if (estimate != null && estimate.isNumber()) {
                task.estimate(estimate.doubleValue()); // a duration text is accepted and ignored: rules don't read it
            }
            task.reads(texts(node, "reads", where).toArray(String[]::new));
            task.writes(texts(node, "writes", where).toArray(String[]::new));
            task.produces(texts(node, "produces", where).toArray(String[]::new));
            task.consumes(texts(node, "consumes", where).toArray(String[]::new));
            JsonNode dependsOn = node.get("depends_on");
            if (dependsOn != null) {
                if (!dependsOn.isArray()) {
                    throw problem(where + ".depends_on", "must be a list of ids or {id, type}");
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
            object(node, where, DEPENDENCY_FIELDS);
            String id = text(node, "id", where).orElseThrow(() -> problem(where, "needs an 'id'"));
            Optional<String> type = text(node, "type", where);
            if (type.isPresent()) {
                task.dependsOn(id, edgeClass(type.get(), where + ".type"));
            } else {
                task.dependsOn(id);
            }
        }

        private ExpectedEdge edge(JsonNode node, String where) {
            object(node, where, EDGE_FIELDS);
            String from = text(node, "from", where).orElseThrow(() -> problem(where, "needs 'from'"));
            String to = text(node, "to", where).orElseThrow(() -> problem(where, "needs 'to'"));
            String edgeClass = text(node, "class", where).orElseThrow(() -> problem(where, "needs 'class'"));
            return new ExpectedEdge(from, to, edgeClass(edgeClass, where + ".class"), text(node, "rule", where),
                    text(node, "resource", where));
        }

        private EdgeClass edgeClass(String value, String where) {
            try {
                return EdgeClass.fromWireName(value);
            } catch (IllegalArgumentException e) {
                throw problem(where, "is '" + value + "', not one of hard, soft, resource, feedback");
            }
        }

        private void object(JsonNode node, String where, Set<String> allowed) {
            if (node == null || !node.isObject()) {
                throw problem(where, "must be an object");
            }
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!allowed.contains(name)) {
                    throw problem(where, "has the unknown field '" + name + "'; allowed: "
                            + allowed.stream().sorted().toList());
                }
            }
        }

        private Optional<String> text(JsonNode node, String field, String where) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                return Optional.empty();
            }
            if (!value.isValueNode() || value.isBoolean()) {
                throw problem(where + "." + field, "must be a text");
            }
            return Optional.of(value.asText());
        }

        /** A text or a list of texts, as a list; absent is empty. */
        private List<String> texts(JsonNode node, String field, String where) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                return List.of();
            }
            if (value.isTextual()) {
                return List.of(value.asText());
            }
            if (!value.isArray()) {
                throw problem(where + "." + field, "must be a text or a list of texts");
            }
            List<String> result = new ArrayList<>();
            for (int i = 0; i < value.size(); i++) {
                if (!value.get(i).isTextual()) {
                    throw problem(where + "." + field + "[" + i + "]", "must be a text");
                }
                result.add(value.get(i).asText());
            }
            return result;
        }

        private CeException problem(String where, String what) {
            return new CeException(ErrorCode.INVALID_ARGUMENT, "Scenario file " + file + ", " + where + " " + what
                    + ".", "Correct " + where + " in " + file + ".");
        }
    }
}
