package dev.pce.rules.scenario;

import dev.pce.engine.CeException;
import dev.pce.engine.dependency.ClassifiedEdge;
import dev.pce.engine.dependency.PlanNote;
import dev.pce.engine.model.TaskSpec;
import dev.pce.engine.workflow.PlanValidator;
import dev.pce.rules.dependency.Classification;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Runs a dependency scenario. Its tasks first go through ce_plan's structural validation (so pools are filled in
 * and a structural error can be expected like a rule's), then through the classifier; the edges must be exactly
 * the expected ones.
 */
final class DependencyScenarioRunner {
    private final Function<List<TaskSpec>, Classification> classifier;

    DependencyScenarioRunner(Function<List<TaskSpec>, Classification> classifier) {
        this.classifier = classifier;
    }

    ScenarioResult run(DependencyScenario scenario) {
        Classification classification;
        try {
            classification = classifier.apply(PlanValidator.validate("scenario " + scenario.name(),
                    scenario.given()));
        } catch (CeException e) {
            return ScenarioRunner.errorResult(scenario, e, "edges");
        }
        List<String> actual = describe(classification);
        if (scenario.expectsError()) {
            return ScenarioRunner.unexpectedSuccess(scenario, actual, "the plan was classified");
        }
        List<String> mismatches = new ArrayList<>();
        compareEdges(scenario.expect(), classification.edges(), mismatches);
        for (String fragment : scenario.expectNotes()) {
            if (classification.notes().stream().noneMatch(note -> note.text().contains(fragment))) {
                mismatches.add("missing note containing '" + fragment + "'");
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
}
