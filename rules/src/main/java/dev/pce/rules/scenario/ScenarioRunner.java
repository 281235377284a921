package dev.pce.rules.scenario;

import dev.pce.engine.CeException;
import dev.pce.engine.dependency.ClassifiedEdge;
import dev.pce.engine.model.TaskSpec;
import dev.pce.engine.workflow.PlanValidator;
import dev.pce.rules.dependency.Classification;
import dev.pce.rules.dependency.DroolsDependencyClassifier;
import dev.pce.rules.dependency.PlanNote;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Runs scenarios against the dependency rules, so maintainers test rules with YAML/JSON files and no Java. Each
 * scenario's tasks first go through ce_plan's structural validation (so pools are filled in and a structural
 * error can be expected like a rule's), then through the classifier.
 */
public final class ScenarioRunner {
    private final Function<List<TaskSpec>, Classification> classifier;

    /** A runner on the built-in rules. */
    public ScenarioRunner() {
        this(new DroolsDependencyClassifier()::classifyWithNotes);
    }

    public ScenarioRunner(Function<List<TaskSpec>, Classification> classifier) {
        this.classifier = classifier;
    }

    /** Loads and runs every scenario file under {@code root}, in path order. */
    public List<ScenarioResult> runAll(Path root) {
        List<ScenarioResult> results = new ArrayList<>();
        for (Path file : ScenarioLoader.findFiles(root)) {
            for (Scenario scenario : ScenarioLoader.load(file)) {
                results.add(run(scenario));
            }
        }
        return results;
    }

    /** One line for the end of a run: "12 passed, 1 failed". */
    public static String summary(List<ScenarioResult> results) {
        long passed = results.stream().filter(ScenarioResult::passed).count();
        return passed + " passed, " + (results.size() - passed) + " failed";
    }

    public ScenarioResult run(Scenario scenario) {
        Classification classification;
        try {
            classification = classifier.apply(PlanValidator.validate("scenario " + scenario.name(),
                    scenario.given()));
        } catch (CeException e) {
            return errorResult(scenario, e);
        }
        List<String> actual = describe(classification);
        List<String> mismatches = new ArrayList<>();
        if (scenario.expectsError()) {
            mismatches.add("expected an error containing " + quoted(scenario.expectError())
                    + ", but the plan was classified");
            return new ScenarioResult(scenario, mismatches, actual);
        }
        compareEdges(scenario.expect(), classification.edges(), mismatches);
        for (String fragment : scenario.expectNotes()) {
            if (classification.notes().stream().noneMatch(note -> note.text().contains(fragment))) {
                mismatches.add("missing note containing '" + fragment + "'");
            }
        }
        return new ScenarioResult(scenario, mismatches, actual);
    }

    private static ScenarioResult errorResult(Scenario scenario, CeException error) {
        String text = error.describe();
        List<String> actual = List.of("error " + error.code() + ": " + text);
        List<String> mismatches = new ArrayList<>();
        if (!scenario.expectsError()) {
            mismatches.add("expected edges, but the classification failed");
        }
        for (String fragment : scenario.expectError()) {
            if (!text.contains(fragment)) {
                mismatches.add("the error does not contain '" + fragment + "'");
            }
        }
        return new ScenarioResult(scenario, mismatches, actual);
    }

    private static void compareEdges(List<ExpectedEdge> expected, List<ClassifiedEdge> actual,
                                     List<String> mismatches) {
        for (ExpectedEdge edge : expected) {
            if (actual.stream().noneMatch(edge::matches)) {
                String near = actual.stream().filter(edge::sameEdge).findFirst()
                        .map(found -> ", but it came as " + line(found)).orElse("");
                mismatches.add("missing:    " + edge + near);
            }
        }
        for (ClassifiedEdge edge : actual) {
            if (expected.stream().noneMatch(wanted -> wanted.sameEdge(edge))) {
                mismatches.add("unexpected: " + line(edge));
            }
        }
    }

    private static List<String> describe(Classification classification) {
        List<String> lines = new ArrayList<>();
        classification.edges().forEach(edge -> lines.add(line(edge)));
        for (PlanNote note : classification.notes()) {
            lines.add("note [" + note.rule() + "] " + note.text());
        }
        return lines;
    }

    private static String line(ClassifiedEdge edge) {
        return edge.from() + " -> " + edge.to() + " " + edge.edgeClass().wireName() + " [" + edge.rule() + "]"
                + (edge.resource().isEmpty() ? "" : " on " + edge.resource()) + ": " + edge.reason();
    }

    private static String quoted(List<String> fragments) {
        return fragments.stream().map(f -> "'" + f + "'").toList().toString();
    }
}
