package dev.pce.rules.authoring;

import dev.pce.rules.scenario.ScenarioResult;

import java.nio.file.Path;
import java.util.List;

/** The outcome of {@link RuleTests#run}: the rules did not compile, or the scenarios ran. */
public sealed interface TestRun permits TestRun.NotCompiled, TestRun.Ran {

    /** Whether every scenario passed (and there was nothing in the way). */
    boolean passed();

    /** The local rule files do not compile; no scenario ran. */
    record NotCompiled(List<DrlProblem> problems) implements TestRun {
        public NotCompiled {
            problems = List.copyOf(problems);
        }

        @Override
        public boolean passed() {
            return false;
        }
    }

    /**
     * @param ruleFiles       the local rule files layered in
     * @param scenarioFiles   the scenario files found
     * @param results         one per scenario, in file order
     * @param unreadableFiles scenario files that could not be read, each a message naming the file and the fix
     */
    record Ran(List<Path> ruleFiles, List<Path> scenarioFiles, List<ScenarioResult> results,
               List<String> unreadableFiles) implements TestRun {
        public Ran {
            ruleFiles = List.copyOf(ruleFiles);
            scenarioFiles = List.copyOf(scenarioFiles);
            results = List.copyOf(results);
            unreadableFiles = List.copyOf(unreadableFiles);
        }

        @Override
        public boolean passed() {
            return unreadableFiles.isEmpty() && results.stream().allMatch(ScenarioResult::passed);
        }
    }
}
