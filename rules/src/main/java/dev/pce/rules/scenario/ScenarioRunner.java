package dev.pce.rules.scenario;

import dev.pce.engine.CeException;
import dev.pce.engine.conflict.ConflictArbiter;
import dev.pce.engine.gate.GatePolicy;
import dev.pce.engine.model.TaskSpec;
import dev.pce.rules.conflict.DroolsConflictArbiter;
import dev.pce.rules.dependency.Classification;
import dev.pce.rules.dependency.DroolsDependencyClassifier;
import dev.pce.rules.gate.DroolsGatePolicy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Runs scenarios against the rules, so maintainers test rules with YAML/JSON files and no Java. One runner runs
 * every kind: each scenario goes to the rules its file names ({@link RuleSet}). Rules compile on first use, so a
 * run of dependency scenarios never compiles the gate rules.
 */
public final class ScenarioRunner {
    private final DependencyScenarioRunner dependencies;
    private final GateScenarioRunner gates;
    private final ConflictScenarioRunner conflicts;

    /** A runner on the built-in rules. */
    public ScenarioRunner() {
        this(new DroolsDependencyClassifier()::classifyWithNotes, new DroolsGatePolicy());
    }

    /** A runner on these dependency and gate rules, and the built-in conflict rules. */
    public ScenarioRunner(Function<List<TaskSpec>, Classification> classifier, GatePolicy gatePolicy) {
        this(classifier, gatePolicy, new DroolsConflictArbiter());
    }

    public ScenarioRunner(Function<List<TaskSpec>, Classification> classifier, GatePolicy gatePolicy,
                          ConflictArbiter conflictArbiter) {
        this.dependencies = new DependencyScenarioRunner(classifier);
        this.gates = new GateScenarioRunner(gatePolicy);
        this.conflicts = new ConflictScenarioRunner(conflictArbiter);
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
        return switch (scenario) {
            case DependencyScenario dependency -> dependencies.run(dependency);
            case GateScenario gate -> gates.run(gate);
            case ConflictScenario conflict -> conflicts.run(conflict);
        };
    }

    /**
     * The result of a scenario whose rules failed with {@code error}: a pass only if it expected that error.
     *
     * @param expected what the scenario expected instead ("edges", "criteria", "a resolution")
     */
    static ScenarioResult errorResult(Scenario scenario, CeException error, String expected) {
        String text = error.describe();
        List<String> actual = List.of("error " + error.code() + ": " + text);
        List<String> mismatches = new ArrayList<>();
        if (!scenario.expectsError()) {
            mismatches.add("expected " + expected + ", but the rules failed");
        }
        for (String fragment : scenario.expectError()) {
            if (!text.contains(fragment)) {
                mismatches.add("the error does not contain '" + fragment + "'");
            }
        }
        return new ScenarioResult(scenario, mismatches, actual);
    }

    /**
     * The result of a scenario that expected an error, but the rules decided.
     *
     * @param decided what happened instead ("the plan was classified")
     */
    static ScenarioResult unexpectedSuccess(Scenario scenario, List<String> actual, String decided) {
        return new ScenarioResult(scenario, List.of("expected an error containing " + scenario.expectError().stream()
                .map(f -> "'" + f + "'").toList() + ", but " + decided), actual);
    }
}
