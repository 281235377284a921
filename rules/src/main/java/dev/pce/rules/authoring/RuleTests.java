package dev.pce.rules.authoring;

import dev.pce.engine.CeException;
import dev.pce.rules.dependency.DroolsDependencyClassifier;
import dev.pce.rules.conflict.DroolsConflictArbiter;
import dev.pce.rules.gate.DroolsGatePolicy;
import dev.pce.rules.scenario.Scenario;
import dev.pce.rules.scenario.ScenarioLoader;
import dev.pce.rules.scenario.ScenarioResult;
import dev.pce.rules.scenario.ScenarioRunner;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a directory's scenario files against the built-in rules layered with the directory's rule files, as the
 * server would run them: a project tests its own rules, and that they do not break the built-in ones it relies on.
 */
public final class RuleTests {

    private RuleTests() {
    }

    /** Compiles the layered rules, then runs every scenario file below the directory (none run if it fails). */
    public static TestRun run(LocalRules local, RuleSets builtIn) {
        return switch (new LayeredCompiler(builtIn).compile(local.drlFiles())) {
            case Compilation.Failed failed -> new TestRun.NotCompiled(failed.problems());
            case Compilation.Compiled compiled -> runScenarios(local, builtIn, compiled);
        };
    }

    private static TestRun.Ran runScenarios(LocalRules local, RuleSets builtIn, Compilation.Compiled compiled) {
        RuleSets layered = builtIn.map(set -> new PrecompiledRules(set, compiled.kieBaseOf(set)));
        ScenarioRunner runner = new ScenarioRunner(
                new DroolsDependencyClassifier(layered.dependencies())::classifyWithNotes,
                new DroolsGatePolicy(layered.gates()), new DroolsConflictArbiter(layered.conflicts()));
        List<Path> scenarioFiles = local.exists() ? ScenarioLoader.findFiles(local.directory()) : List.of();
        List<ScenarioResult> results = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        for (Path file : scenarioFiles) {
            List<Scenario> scenarios;
            try {
                scenarios = ScenarioLoader.load(file);
            } catch (CeException e) {
                unreadable.add(e.describe()); // one broken file should not hide the results of the others
                continue;
            }
            scenarios.forEach(scenario -> results.add(runner.run(scenario)));
        }
        return new TestRun.Ran(compiled.files(), scenarioFiles, results, unreadable);
    }
}
