package dev.pce.server.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pce.engine.Json;
import dev.pce.server.claude.ModelStandIn;
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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The parallel compound engineering workflow, proven as a user runs it: a repository set up with
 * examples/github/setup.sh, the workflow started by hand with a goal, replayed with GitHub's documented semantics
 * (reusable workflows, matrices, artifacts, job outputs), the real Claude Code CLI in every Claude Code step and only
 * the model scripted. Claude Code plans the rate-limiting plan (9 tasks); rounds of build jobs claim, do and report
 * their tasks, each from the code and the event log the round before left, until the plan is done (one task fails on
 * its first try and is retried by the next round); the finish job reports and keeps the merged log. Then
 * ce-monitoring.yml, started by that run's end, adds the log to the history it keeps in the cache and reports; run
 * again under a stricter threshold, it alerts.
 */
class ParallelWorkflowReplayIT {
    private static final Path MONITORING = Path.of(".github/workflows/ce-monitoring.yml");
    private static final String GOAL = "Add per-client rate limiting to the public HTTP API";

    @TempDir
    Path temp;

    @Test
    void roundsOfParallelJobsBuildTheWholePlanUntilItIsDoneAndMonitoringReportsAndAlertsOnIt() throws Exception {
        UserRepository user = httpApi();
        WorkflowReplay replay = replayOf(user);
        RunResult run = runParallel(replay, Map.of("goal", GOAL), Set.of("build-docs"));

        assertThat(run.conclusion()).as(run.log()).isEqualTo(Result.SUCCESS);
        String workflowId = run.job("plan").outputs().get("workflow_id");
        assertThat(workflowId).matches("wf-\\d{8}-\\d{6}-[0-9a-f]{6}");

        // the rounds: what the dependencies allow, at most as many tasks per pool as it has agents (.github/ce-config.yml: builders 3)
        assertThat(builtPerRound(run)).containsExactly(
                List.of("design-policy (planners)"),
                List.of("build-config (builders)", "build-filter (builders)", "build-store (builders)"),
                List.of("build-docs (builders)", "build-tests (builders)", "review-security (reviewers)"),
                List.of("build-docs (builders)", "review-code (reviewers)"), // build-docs again: its first try failed
                List.of("review-docs (reviewers)"));
        assertThat(run.job("round-5").outputs()).containsEntry("more", "false").containsEntry("phase", "completed");
        for (String later : List.of("round-6", "round-7", "round-8")) {
            assertThat(run.job(later).result()).as(later).isEqualTo(Result.SKIPPED);
        }

        LegResult finish = run.job("finish").leg();
        assertThat(finish.outputs()).containsEntry("phase", "completed");
        assertThat(finish.summary()).contains("### Workflow " + workflowId, "completed");
        assertThat(finish.step("Done, or what stopped it").outcome()).isEqualTo(Result.SKIPPED);
        Path merged = run.artifacts().get("ce-merged");
        assertThat(merged.resolve("report.html")).isNotEmptyFile();
        List<JsonNode> events = events(merged.resolve(workflowId + "/events.jsonl"));
        assertThat(taskIds(events, "task.completed")).containsExactlyInAnyOrder("design-policy", "build-store",
                "build-filter", "build-config", "build-tests", "build-docs", "review-code", "review-security",
                "review-docs");
        assertThat(events.stream().filter(event -> event.path("type").asText().equals("task.claimed"))
                .map(event -> event.path("source").asText()).distinct()).as("each job has an agent of its own")
                .containsExactlyInAnyOrder("planners-design-policy", "builders-build-store", "builders-build-filter",
                        "builders-build-config", "builders-build-tests", "builders-build-docs",
                        "reviewers-review-security", "reviewers-review-code", "reviewers-review-docs");

        // the code: the last round's state holds one commit per task that wrote files, on the user's commit
        Path code = temp.resolve("final-code");
        UserRepository.run(temp, Map.of(), "git", "clone", "--quiet",
                run.artifacts().get("ce-state").resolve("code.bundle").toString(), code.toString());
        String log = UserRepository.run(code, Map.of(), "git", "log", "--format=%s").output();
        assertThat(log.lines()).hasSize(7).last().isEqualTo("An HTTP API, set up for PCE");
        for (String file : List.of("docs/design/rate-limit.md", "src/ratelimit/BucketStore.java",
                "src/http/RateLimitFilter.java", "src/config/limits.yml", "src/test/RateLimitIT.java",
                "docs/rate-limits.md")) {
            assertThat(code.resolve(file)).as(file).isNotEmptyFile();
        }
        assertThat(code.resolve(".mcp.json")).as("PCE's own files are no task's change").doesNotExist();

        // monitoring: the run that ended joins the history in the cache; figures in the summary, the report kept
        RunResult monitored = replay.after(run).run(MONITORING, Trigger.event("workflow_run", """
                {"action": "completed", "workflow_run": {"id": %s, "name": "parallel-compound-engineering",
                 "conclusion": "success"}}""".formatted(run.runId())));
        LegResult report = monitored.job("report").leg();
        assertThat(monitored.conclusion()).as(monitored.log()).isEqualTo(Result.SUCCESS);
        assertThat(report.summary()).contains("1 workflow(s): 1 completed", "Attempts: 10, 1 failed or expired "
                + "(failure rate 10%).", "| " + workflowId + " | completed |", "No alert.");
        assertThat(monitored.artifacts().get("ce-report").resolve("report.html")).isNotEmptyFile();

        // an alert: the team allows fewer failures than the one retry; the history comes back from the cache
        Path config = user.directory().resolve(".github/ce-config.yml");
        Files.writeString(config, Files.readString(config).replace("max_failure_rate: 0.2", "max_failure_rate: 0.05"));
        user.commitAll("Alert above 5% failures");
        RunResult strict = replay.run(MONITORING, Trigger.dispatch(Map.of()));
        assertThat(strict.conclusion()).isEqualTo(Result.FAILURE);
        assertThat(strict.job("report").leg().annotations()).extracting(Annotation::message).contains("The failure "
                + "rate is 10% of the attempts that ended, above the 5% allowed (monitoring.max_failure_rate).");
        assertThat(strict.artifacts().get("ce-report").resolve("report.html")).as("kept on an alert too")
                .isNotEmptyFile();
    }

    @Test
    void aRunForOnePoolWithNothingReadyForItSkipsItsBuildAndEndsGreen() throws Exception {
        RunResult run = runParallel(replayOf(httpApi()), Map.of("goal", GOAL, "pool", "builders"), Set.of());

        assertThat(run.conclusion()).as(run.log()).isEqualTo(Result.SUCCESS);
        RunResult round = run.job("round-1").leg().called().orElseThrow();
        assertThat(round.job("ready").outputs()).as("design-policy is the planners'").containsEntry("tasks", "0");
        assertThat(round.job("build").result()).as("GitHub refuses an empty matrix").isEqualTo(Result.SKIPPED);
        assertThat(run.job("round-1").outputs()).containsEntry("more", "false").containsEntry("phase", "active");
        assertThat(run.job("round-2").result()).isEqualTo(Result.SKIPPED);
        assertThat(run.job("finish").leg().annotations()).extracting(Annotation::title).containsExactly("Pool done");
    }

    /** A repository with a file of its own, set up with setup.sh and committed. */
    private UserRepository httpApi() throws Exception {
        UserRepository user = UserRepository.create(temp.resolve("app"))
                .write("src/http/Router.java", "class Router {}\n");
        assertThat(user.setUp().exitCode()).isZero();
        return user.commitAll("An HTTP API, set up for PCE");
    }

    private WorkflowReplay replayOf(UserRepository user) {
        return WorkflowReplay.of(user.directory(), temp.resolve("replay"))
                .secret("ANTHROPIC_API_KEY", "sk-ant-replay")
                .environment("PCE_HOME", Checkout.root().toString());
    }

    /** The parallel workflow started by hand, Claude Code's model planning the sample plan and doing its tasks. */
    private static RunResult runParallel(WorkflowReplay replay, Map<String, String> inputs, Set<String> failingOnce)
            throws Exception {
        try (ModelStandIn model = ModelStandIn.start(CiAgentTurns.planningTheSamplePlan(failingOnce))) {
            RunResult run = replay.model(model.baseUrl()).run(
                    Path.of(".github/workflows/parallel-compound-engineering.yml"), Trigger.dispatch(inputs));
            assertThat(model.scriptFailures()).as(run.log()).isEmpty();
            return run;
        }
    }

    private static List<List<String>> builtPerRound(RunResult run) {
        List<List<String>> rounds = new ArrayList<>();
        for (int round = 1; round <= 8; round++) {
            JobResult job = run.job("round-" + round);
            if (job.result() == Result.SKIPPED) {
                break;
            }
            RunResult called = job.leg().called().orElseThrow();
            rounds.add(called.job("build").legs().stream().map(LegResult::name).sorted().toList());
            assertThat(called.job("build").result()).as(called.log()).isEqualTo(Result.SUCCESS);
        }
        return rounds;
    }

    private static List<JsonNode> events(Path log) throws IOException {
        List<JsonNode> events = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            events.add(Json.mapper().readTree(line));
        }
        return events;
    }

    private static Stream<String> taskIds(List<JsonNode> events, String type) {
        return events.stream().filter(event -> event.path("type").asText().equals(type))
                .map(event -> event.path("payload").path("task_id").asText());
    }
}
