package dev.pce.server.it;

import dev.pce.engine.gate.Dimension;
import dev.pce.engine.gate.Metrics;
import dev.pce.engine.gate.ProjectType;
import dev.pce.engine.learning.Pattern;
import dev.pce.engine.learning.PatternOrigin;
import dev.pce.rules.CompiledDrl;
import dev.pce.rules.authoring.RuleSets;
import dev.pce.rules.conflict.ConflictRules;
import dev.pce.rules.dependency.DependencyRules;
import dev.pce.rules.gate.GateRules;
import dev.pce.rules.learned.LearnOutcome;
import dev.pce.rules.learned.LearnedRuleStore;
import dev.pce.rules.learned.LearnedRules;
import dev.pce.rules.learned.LearnedTemplates;
import dev.pce.server.it.CeProcess.Run;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ce rules history} and {@code ce rules rollback N} of the built jar, on a workspace that learned rules. */
class LearnedRulesIT {
    private static final PatternOrigin ORIGIN = PatternOrigin.local("shop");

    @TempDir
    Path temp;

    private Path workspace;
    private Path project;


    @BeforeEach
    void directories() throws IOException {
        workspace = temp.resolve("workspace");
        project = Files.createDirectories(temp.resolve("project"));
    }

    private Run ce(String... arguments) throws IOException, InterruptedException {
        List<String> withWorkspace = new ArrayList<>(List.of(arguments));
        withWorkspace.addAll(List.of("--workspace", workspace.toString()));
        return CeProcess.run(Optional.of(project), workspace, Map.of(), withWorkspace.toArray(String[]::new));
    }

    /** Learns in this JVM, on rule sets of its own, as pattern extraction will. */
    private void learn(Pattern... patterns) {
        RuleSets own = new RuleSets(new OwnRules(DependencyRules.DRL, "dependency rules"),
                new OwnRules(GateRules.DRL, "gate rules"), new OwnRules(ConflictRules.DRL, "conflict rules"));
        LearnOutcome outcome = new LearnedRules(LearnedRuleStore.inWorkspace(workspace), own, List::of,
                LearnedTemplates.builtIn(), Clock.systemUTC()).learn(List.of(patterns));
        assertThat(outcome).isInstanceOf(LearnOutcome.Accepted.class);
    }

    private static Pattern lineCoverage(double threshold) {
        return new Pattern.GateThreshold(ProjectType.LIBRARY, Dimension.COVERAGE, Metrics.COVERAGE_LINE, threshold, 6, 0.9,
                List.of("wf-1"), ORIGIN);
    }

    @Test
    void historyOfAWorkspaceThatLearnedNothing() throws Exception {
        Run run = ce("rules", "history");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("No learned rules in " + workspace.resolve("rules/learned"));
    }

    @Test
    void historyListsEveryVersionAndRollbackRestoresOneAsANewVersion() throws Exception {
        learn(lineCoverage(65));
        learn(lineCoverage(55), new Pattern.EstimateBias("migration", 1.6, 5, 0.8, List.of("wf-2"), ORIGIN));

        Run history = ce("rules", "history");
        assertThat(history.exitCode()).as(history.err()).isZero();
        assertThat(history.out()).containsPattern("(?m)^ {4}1 {2}\\S+ {2}1 pattern: gate:library:coverage\\.line$")
                .containsPattern("(?m)^\\* {3}2 {2}\\S+ {2}2 patterns: gate:library:coverage\\.line, estimate:migration"
                        + " {2}\\(current\\)$");

        Run rollback = ce("rules", "rollback", "1");
        assertThat(rollback.exitCode()).as(rollback.out() + rollback.err()).isZero();
        assertThat(rollback.out()).contains("Restored the learned rules of version 1 as version 3 (current)");

        Run after = ce("rules", "history");
        assertThat(after.out()).containsPattern("(?m)^ {4}2 ")
                .containsPattern("(?m)^\\* {3}3 {2}\\S+ {2}rollback of 1 {2}1 pattern: gate:library:coverage\\.line"
                        + " {2}\\(current\\)$");
        assertThat(workspace.resolve("rules/learned/v0003/001-gate-threshold.drl")).content()
                .contains("new Adjustment(\"coverage.line\", 65.0");
    }

    @Test
    void rollbackToAnUnknownVersionSaysWhichThereAre() throws Exception {
        learn(lineCoverage(65));

        Run run = ce("rules", "rollback", "9");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("There is no learned rules version 9", "the versions are 1 to 1",
                "Run 'ce rules history'");
        assertThat(ce("rules", "history").out()).doesNotContain("  2  ");
    }

    private static final class OwnRules extends CompiledDrl {
        OwnRules(String drl, String description) {
            super(drl, description);
        }
    }
}
