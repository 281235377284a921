package dev.pce.server.it;

import dev.pce.server.it.CeProcess.Run;
import dev.pce.testing.LocalRuleFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.pce.testing.LocalRuleFiles.DOCS_SCENARIOS;
import static dev.pce.testing.LocalRuleFiles.GATE_SCENARIOS;
import static dev.pce.testing.LocalRuleFiles.docsRule;
import static dev.pce.testing.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code ce rules validate} and {@code ce rules test} of the built jar, run in a project as a maintainer would. */
class RulesCommandIT {
    @TempDir
    Path temp;

    private Path repo;


    @BeforeEach
    void project() throws IOException {
        repo = LocalRuleFiles.repository(temp);
    }

    private Run ce(Path directory, String... arguments) throws IOException, InterruptedException {
        return CeProcess.run(Optional.of(directory), temp.resolve("workspace"), Map.of(), arguments);
    }

    @Test
    void validateListsTheProjectsRulesAndWhatTheyJoin() throws Exception {
        write(repo.resolve(".ce/rules/docs.drl"), docsRule("docs-wait-for-builds"));
        write(repo.resolve(".ce/rules/gates/coverage.drl"), LocalRuleFiles.STRICTER_LIBRARY_COVERAGE);
        Path below = Files.createDirectories(repo.resolve("src/main"));

        Run run = ce(below, "rules", "validate");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).as("paths relative to where it ran").contains(
                "../../.ce/rules/docs.drl:6: rule 'docs-wait-for-builds' joins the dependency rules\n",
                "../../.ce/rules/gates/coverage.drl:5: rule 'coverage-library' replaces the built-in rule of that"
                        + " name in the gate rules\n")
                .containsPattern("2 files, 2 rules, no errors \\(dependency rules: \\d+ built-in, 1 added; gate"
                        + " rules: \\d+ built-in, 1 replaced; conflict rules: \\d+ built-in\\)");
    }

    @Test
    void validateReportsEachErrorAsPathLineColumnAndFails() throws Exception {
        write(repo.resolve("team-rules/docs.drl"), docsRule("docs-wait-for-builds")
                .replace("TaskFact($build", "BuildFact($build"));
        write(repo.resolve("team-rules/other.drl"), "package com.example;\n\nrule \"x\"\nwhen\nthen\nend\n");

        Run run = ce(repo, "rules", "validate", "team-rules");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).startsWith("team-rules/other.drl:1:1: package 'com.example' is none of PCE's rule"
                        + " sets. Fix: start the file with 'package dev.pce.rules.dependency;' to join the dependency"
                        + " rules, or 'package dev.pce.rules.gate;' to join the gate rules, or 'package"
                        + " dev.pce.rules.conflict;' to join the conflict rules.\n")
                .endsWith("2 files, 1 error\n");

        write(repo.resolve("team-rules/other.drl"), docsRule("docs-other"));
        Run second = ce(repo, "rules", "validate", "team-rules");
        assertThat(second.exitCode()).isEqualTo(1);
        assertThat(second.out()).contains("team-rules/docs.drl:9:5: Unable to resolve ObjectType 'BuildFact'");
    }

    @Test
    void withoutLocalRulesValidateChecksTheBuiltInOnes() throws Exception {
        Files.delete(repo.resolve(".ce/rules"));

        Run run = ce(repo, "rules", "validate");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("No .ce/rules directory (" + repo.resolve(".ce/rules")
                        + "): the built-in rules alone.\n")
                .containsPattern("0 files, 0 rules, no errors \\(dependency rules: \\d+ built-in; gate rules: \\d+"
                        + " built-in; conflict rules: \\d+ built-in\\)");
        Run missing = ce(repo, "rules", "validate", "no-such-dir");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("No directory no-such-dir.", "Fix:");
    }

    @Test
    void testRunsTheScenariosAgainstTheLayeredRules() throws Exception {
        write(repo.resolve(".ce/rules/docs.drl"), docsRule("docs-wait-for-builds"));
        write(repo.resolve(".ce/rules/coverage.drl"), LocalRuleFiles.STRICTER_LIBRARY_COVERAGE);
        write(repo.resolve(".ce/rules/scenarios/docs.yaml"), DOCS_SCENARIOS);
        write(repo.resolve(".ce/rules/scenarios/gates.yaml"), GATE_SCENARIOS);

        Run passing = ce(repo, "rules", "test");

        assertThat(passing.exitCode()).as(passing.out() + passing.err()).isZero();
        assertThat(passing.out()).isEqualTo("""
                Rules: the built-in rules with 2 local files from .ce/rules
                PASS .ce/rules/scenarios/docs.yaml, scenario 'a guide waits for the build'
                PASS .ce/rules/scenarios/gates.yaml, scenario 'a library needs 90% line coverage'
                2 passed, 0 failed
                """);

        Files.delete(repo.resolve(".ce/rules/docs.drl"));
        Run failing = ce(repo, "rules", "test");

        assertThat(failing.exitCode()).isEqualTo(1);
        assertThat(failing.out()).contains(
                "FAIL .ce/rules/scenarios/docs.yaml, scenario 'a guide waits for the build':\n  missing:",
                "PASS .ce/rules/scenarios/gates.yaml", "1 passed, 1 failed");
    }

    @Test
    void testRunsNothingWhenTheRulesDoNotCompile() throws Exception {
        write(repo.resolve(".ce/rules/docs.drl"), "package dev.pce.rules.dependency;\n\nrule \"x\"\nwhen\nthen\n");
        write(repo.resolve(".ce/rules/docs.yaml"), DOCS_SCENARIOS);

        Run run = ce(repo, "rules", "test");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).startsWith(".ce/rules/docs.drl:").contains("no scenario ran")
                .doesNotContain("PASS", "FAIL");
    }
}
