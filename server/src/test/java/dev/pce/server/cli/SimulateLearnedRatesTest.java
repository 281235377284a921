package dev.pce.server.cli;

import com.fasterxml.jackson.databind.node.NullNode;
import dev.pce.engine.conflict.DimensionReview;
import dev.pce.engine.conflict.ReviewVerdict;
import dev.pce.engine.gate.Dimension;
import dev.pce.engine.model.TaskSpec;
import dev.pce.engine.service.ClaimResult;
import dev.pce.engine.service.ClaimedTask;
import dev.pce.engine.service.WorkflowService;
import dev.pce.engine.workflow.CompleteCommand;
import dev.pce.engine.workflow.FailCommand;
import dev.pce.engine.workspace.Workspace;
import dev.pce.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ce simulate --workspace}: failure and rework rates learned from the workspace's finished workflows, which
 * the real engine ran here (claims, failures, reviews that asked for changes), and where each rate came from.
 */
class SimulateLearnedRatesTest {
    private static final String AGENT = "agent-1";

    @TempDir
    Path dir;

    /**
     * Eight workflows of two builds and a review: each build-1's first attempt fails, and every other review asks
     * for changes (two rework builds and a re-review that approves). Builds: 8 x 3 + 4 x 2 = 32 attempts, 8 failed;
     * reviews: 8 + 4 re-reviews = 12, 4 asked for changes; every kind: 8 failed of 44 attempts.
     */
    @Test
    void ratesLearnedFromFinishedWorkflowsDriveTheSpreadAndSayWhereTheyCameFrom() throws IOException {
        Path workspace = dir.resolve("ws");
        history(workspace, 8);
        Path plan = plan();

        InProcessCe run = InProcessCe.run("simulate", plan.toString(), "--workspace", workspace.toString(),
                "--runs", "100");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("8 finished workflow(s) read",
                "failure rate  build           0.25  learned from 32 attempts in 8 workflows\n",
                "failure rate  docs            0.18  learned from 44 attempts in 8 workflows of every kind (this "
                        + "kind: 0 attempts in 0 workflows, fewer than the 20 a learned rate needs)",
                "failure rate  review          0.18  learned from 44 attempts in 8 workflows of every kind (this "
                        + "kind: 12 attempts in 8 workflows",
                "rework rate   review          0.33  learned from 12 reviews in 8 workflows\n",
                "Failures and rework: 100 runs, seeds 1 to 100; failure rate 0.18, build=0.25 (up to 3 attempts); "
                        + "rework rate 0.33, review=0.33 of reviews");
        assertThat(p90(run.out(), "makespan")).as("learned failures and rework lengthen the p90")
                .isGreaterThan(p90(run.out(), "no-failure makespan"));
    }

    @Test
    void givenRatesWinKindByKindOverLearnedOnes() throws IOException {
        Path workspace = dir.resolve("ws");
        history(workspace, 8);

        InProcessCe run = InProcessCe.run("simulate", plan().toString(), "--workspace", workspace.toString(),
                "--failure-rate", "build=0.5", "--rework-rate", "0", "--runs", "20");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("failure rate  build           0.50  given by --failure-rate",
                "failure rate  review          0.18  learned from 44 attempts",
                "rework rate   review          0.00  given by --rework-rate",
                "failure rate 0.18, build=0.50 (up to 3 attempts); rework rate 0.00 of reviews");
    }

    /** One workflow: 5 build attempts (a failure, two rework builds), 2 reviews. */
    @Test
    void tooLittleHistoryLearnsNothingAndSaysSo() throws IOException {
        Path workspace = dir.resolve("ws");
        history(workspace, 1);

        InProcessCe run = InProcessCe.run("simulate", plan().toString(), "--workspace", workspace.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("1 finished workflow(s) read",
                "failure rate  build           0.00  none: 5 attempts in 1 workflow, fewer than the 20 a learned "
                        + "rate needs",
                "rework rate   review          0.00  none: 2 reviews in 1 workflow, fewer than the 10")
                .doesNotContain("Failures and rework:");
    }

    @Test
    void aDirectoryWithoutAWorkspaceIsRefusedAndNotCreated() throws IOException {
        Path missing = dir.resolve("no-workspace");

        InProcessCe run = InProcessCe.run("simulate", plan().toString(), "--workspace", missing.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--workspace " + missing + ": no PCE workspace there", "Fix:");
        assertThat(missing).doesNotExist();
    }

    /** {@code workflows} finished workflows, run by the real engine on the workspace at {@code root}. */
    private static void history(Path root, int workflows) {
        MutableClock clock = new MutableClock(Instant.now().minus(Duration.ofDays(2)));
        try (WorkflowService engine = new WorkflowService(Workspace.open(root), clock)) {
            for (int i = 0; i < workflows; i++) {
                String id = engine.plan("history " + i, List.of(
                        TaskSpec.builder("build-1", "build").estimate(10).build(),
                        TaskSpec.builder("build-2", "build").estimate(10).build(),
                        TaskSpec.builder("review", "review").estimate(5).dependsOn("build-1", "build-2").build()),
                        "planner").workflowId();
                ClaimedTask failing = claim(engine, id, "builders", clock);
                engine.fail(id, new FailCommand(failing.spec().id(), failing.claimId(), AGENT, "tests failed", true));
                completeAll(engine, id, "builders", clock);
                ClaimedTask review = claim(engine, id, "reviewers", clock);
                engine.review(id, review.spec().id(), review.claimId(), AGENT, List.of(new DimensionReview(
                        Dimension.REVIEW, i % 2 == 0 ? ReviewVerdict.REQUEST_CHANGES : ReviewVerdict.APPROVE,
                        List.of())), "reviewed");
                completeAll(engine, id, "builders", clock);
                completeAll(engine, id, "reviewers", clock);
                assertThat(engine.status(id).phase().finished()).as("workflow %d finished", i).isTrue();
            }
        }
    }

    private static ClaimedTask claim(WorkflowService engine, String id, String pool, MutableClock clock) {
        ClaimResult claim = engine.claim(id, pool, AGENT, Optional.empty(), Duration.ofHours(1));
        clock.advance(Duration.ofMinutes(10));
        return claim.task().orElseThrow();
    }

    /** Claims and completes the pool's ready tasks until none is left (reviews approve). */
    private static void completeAll(WorkflowService engine, String id, String pool, MutableClock clock) {
        for (ClaimResult claim = engine.claim(id, pool, AGENT, Optional.empty(), Duration.ofHours(1));
             claim.claimed(); claim = engine.claim(id, pool, AGENT, Optional.empty(), Duration.ofHours(1))) {
            clock.advance(Duration.ofMinutes(10));
            ClaimedTask task = claim.task().orElseThrow();
            engine.complete(id, new CompleteCommand(task.spec().id(), task.claimId(), AGENT, "done", List.of(),
                    NullNode.getInstance()));
        }
    }

    /** Builds, a review of them, and a docs task history has not seen. */
    private Path plan() throws IOException {
        Path plan = dir.resolve("plan.json");
        Files.writeString(plan, """
                {"goal": "g", "tasks": [
                  {"id": "a", "title": "A", "kind": "build", "estimate": "30m"},
                  {"id": "b", "title": "B", "kind": "build", "estimate": "30m"},
                  {"id": "c", "title": "C", "kind": "build", "estimate": "20m", "depends_on": ["a"]},
                  {"id": "r", "title": "Review", "kind": "review", "estimate": "10m", "depends_on": ["b", "c"]},
                  {"id": "d", "title": "Docs", "kind": "docs", "estimate": "10m", "depends_on": ["r"]}
                ]}""");
        return plan;
    }

    private static double p90(String out, String label) {
        String[] columns = out.lines().filter(line -> line.matches(label + "\\s+\\d.*")).findFirst().orElseThrow()
                .replace(" min", "").substring(label.length()).trim().split("\\s+");
        return Double.parseDouble(columns[2]);
    }
}
