package dev.pce.server.github;

import dev.pce.server.github.replay.Annotation;
import dev.pce.server.github.replay.JobResult;
import dev.pce.server.github.replay.LegResult;
import dev.pce.server.github.replay.Result;
import dev.pce.server.github.replay.RunResult;
import dev.pce.server.github.replay.Trigger;
import dev.pce.server.github.replay.WorkflowReplay;
import dev.pce.server.node.Checkout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static dev.pce.server.quality.EvidenceSamples.jacoco;
import static dev.pce.server.quality.EvidenceSamples.surefire;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * ce-quality-review.yml as a user's repository runs it, replayed with GitHub's semantics: the tests run once (a
 * script standing in for the build, see {@link UserRepository#withTests}), then one job per
 * gate judges their reports: {@code gate (tests)} and {@code gate (coverage)}, the status checks branch protection
 * requires. Green evidence passes both; a failing test fails only its check and is annotated on its file and line; a
 * missing report fails the gate that .github/ce-config.yml requires.
 */
class QualityReviewReplayIT {
    private static final Path WORKFLOW = Path.of(".github/workflows/ce-quality-review.yml");

    @TempDir
    Path temp;

    @Test
    void greenReportsPassBothGateChecks() throws Exception {
        RunResult run = replay(surefire(0), jacoco(95));

        assertThat(run.conclusion()).as(run.log()).isEqualTo(Result.SUCCESS);
        assertThat(gate(run, "tests").summary()).contains("### Quality gate: tests (library): passed",
                "| tests-failed | tests | 0 | <= 0 | pass | blocking |");
        assertThat(gate(run, "coverage").summary()).contains("### Quality gate: coverage (library): passed",
                "| coverage-line | coverage | 95 | >= 80 | pass | blocking |");
        assertThat(run.annotations()).noneMatch(annotation -> annotation.level().equals("error"));
    }

    @Test
    void aFailingTestFailsTheTestsCheckOnlyAndIsAnnotatedOnItsFileAndLine() throws Exception {
        RunResult run = replay(surefire(1), jacoco(95));

        assertThat(run.conclusion()).isEqualTo(Result.FAILURE);
        LegResult test = run.job("test").leg();
        assertThat(test.step("Test").outcome()).as("the build failed").isEqualTo(Result.FAILURE);
        assertThat(test.result()).as("and the gates still judged its reports").isEqualTo(Result.SUCCESS);
        LegResult tests = gate(run, "tests");
        assertThat(tests.result()).as(tests.log()).isEqualTo(Result.FAILURE);
        assertThat(tests.annotations()).contains(new Annotation("error", "expected 2 but was 3",
                "src/test/java/dev/example/StoreTest.java", 12, null, null, null,
                "Failed test dev.example.StoreTest.t0"));
        assertThat(tests.summary()).contains("### Quality gate: tests (library): blocked",
                "- `dev.example.StoreTest.t0` at src/test/java/dev/example/StoreTest.java:12: expected 2 but was 3");
        assertThat(gate(run, "coverage").result()).isEqualTo(Result.SUCCESS);
    }

    @Test
    void aReportTheTestsDidNotWriteFailsTheGateTheConfigurationRequires() throws Exception {
        RunResult run = replay(surefire(0), null);

        assertThat(run.job("test").leg().annotations()).contains(new Annotation("warning",
                "target/site/jacoco/jacoco.xml was not written by the tests; its gate will say so.", null, null, null,
                null, null, "No report"));
        assertThat(gate(run, "tests").result()).isEqualTo(Result.SUCCESS);
        LegResult coverage = gate(run, "coverage");
        assertThat(coverage.result()).isEqualTo(Result.FAILURE);
        assertThat(coverage.summary()).contains("### Quality gate: coverage (library): blocked",
                "Repair the coverage evidence");
    }

    /** Sets up a repository whose tests write these reports; dispatches the quality review with its test command. */
    private RunResult replay(String junitReport, String coverageReport) throws Exception {
        UserRepository user = UserRepository.create(temp.resolve("app")).withTests(junitReport, coverageReport);
        assertThat(user.setUp().exitCode()).isZero();
        user.commitAll("A library with its tests, set up for PCE");
        return WorkflowReplay.of(user.directory(), temp.resolve("replay"))
                .environment("PCE_HOME", Checkout.root().toString())
                .run(WORKFLOW, Trigger.dispatch(Map.of("test_command", UserRepository.TEST_COMMAND)));
    }

    private static LegResult gate(RunResult run, String dimension) {
        JobResult gates = run.job("gate");
        return gates.leg("gate (" + dimension + ")");
    }
}
