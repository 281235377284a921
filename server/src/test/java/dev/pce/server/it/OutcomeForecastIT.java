package dev.pce.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pce.engine.Json;
import dev.pce.engine.dependency.ClassifiedEdge;
import dev.pce.engine.event.Event;
import dev.pce.engine.event.EventCodec;
import dev.pce.engine.metrics.WorkflowMetrics;
import dev.pce.engine.model.TaskSpec;
import dev.pce.engine.schedule.DurationNoise;
import dev.pce.engine.schedule.OutcomeDraws;
import dev.pce.engine.schedule.OutcomeRates;
import dev.pce.engine.schedule.OutcomeSimulation;
import dev.pce.engine.schedule.PoolSlots;
import dev.pce.engine.workflow.FailCommand;
import dev.pce.engine.workflow.PlanValidator;
import dev.pce.server.client.Pages;
import dev.pce.server.tools.PlanTasks;
import dev.pce.server.tools.ToolArgs;
import dev.pce.server.wiring.CommandWiring;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.pce.server.it.ServerUnderTest.args;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The forecast with failures and review rework (what {@code ce simulate --failure-rate --rework-rate} prints) holds
 * for a live run through the real server: agents claim, work, fail and review over stdio, and the makespan the
 * event log shows lands inside the simulated p10 to p90.
 *
 * <p>The live agents take every decision from the same seeded draws as the simulation (each attempt's duration,
 * whether it fails, whether a review asks for changes), with one minute of work played as {@link #MS_PER_MINUTE}
 * milliseconds. The seed is the one whose simulated run has retries and rework and a makespan nearest the median:
 * a fixed choice, so the test is deterministic; what it checks is that the model and the server agree on what
 * failures and rework cost (a forecast that ignored either, or added the rework differently, would put the run
 * outside the band), with the margin from the median to p10 and p90 left for the live run's overhead.
 */
class OutcomeForecastIT {
    private static final double MS_PER_MINUTE = 40;
    private static final double SIGMA = 0.3;
    private static final OutcomeRates RATES = new OutcomeRates(0.15, Map.of("test", 0.3), 0.35, Map.of());
    private static final int RUNS = 200;

    @TempDir
    Path temp;

    @Test
    void aLiveRunWithFailuresAndReworkLandsInsideTheSimulatedP10ToP90() throws Exception {
        ObjectNode planArgs = plan();
        List<TaskSpec> tasks = PlanValidator.validate("forecast", PlanTasks.read(ToolArgs.of(planArgs)));
        List<ClassifiedEdge> edges = CommandWiring.ruleClassifier().classify(tasks);
        PoolSlots slots = PoolSlots.defaults();
        OutcomeSimulation.Spread spread = OutcomeSimulation.spread(tasks, edges, slots, SIGMA, RATES,
                FailCommand.MAX_ATTEMPTS, 1, RUNS);
        OutcomeSimulation.Run chosen = spread.runs().stream()
                .filter(run -> run.retries() > 0 && run.reworkRounds() > 0)
                .min(Comparator.comparingDouble(run -> Math.abs(run.makespan() - spread.makespan().p50())))
                .orElseThrow();
        OutcomeDraws draws = new OutcomeDraws(new DurationNoise(chosen.seed(), SIGMA), RATES,
                FailCommand.MAX_ATTEMPTS);

        try (ServerUnderTest server = ServerUnderTest.start(temp.resolve("ws"))) {
            String id = server.ok("ce_plan", planArgs).path("workflow_id").asText();
            List<Future<?>> agents = new ArrayList<>();
            try (ExecutorService threads = Executors.newThreadPerTaskExecutor(Thread.ofPlatform().factory())) {
                for (String pool : List.of("planners", "builders", "reviewers")) {
                    for (int i = 1; i <= slots.slotsOf(pool); i++) {
                        String agent = pool + "-" + i;
                        agents.add(threads.submit(() -> work(server, id, pool, agent, draws)));
                    }
                }
                for (Future<?> agent : agents) {
                    agent.get();
                }
            }
            List<Event> events = Pages.allEvents(server.client(), id).stream()
                    .map(event -> EventCodec.fromJson(event, "ce_events")).toList();
            WorkflowMetrics metrics = WorkflowMetrics.of(id, events, Instant.now());
            double liveMinutes = metrics.makespanSeconds() * 1000 / MS_PER_MINUTE;

            assertThat(metrics.phase().orElseThrow().wireName()).isEqualTo("completed");
            assertThat(metrics.tasks()).as("the server added the rework the simulation of seed %d did",
                    chosen.seed()).extracting(task -> task.id())
                    .containsExactlyInAnyOrderElementsOf(chosen.tasks().stream().map(TaskSpec::id).toList());
            assertThat(metrics.rework().retries()).isEqualTo(chosen.retries());
            assertThat(liveMinutes).as("live makespan of seed %d (simulated %.1f min) against p10 %.1f, p50 %.1f, "
                            + "p90 %.1f min", chosen.seed(), chosen.makespan(), spread.makespan().p10(),
                    spread.makespan().p50(), spread.makespan().p90())
                    .isBetween(spread.makespan().p10(), spread.makespan().p90());
            assertThat(spread.makespan().p50()).as("failures and rework cost time")
                    .isGreaterThan(spread.baseline().p50());
        }
    }

    /** One agent of {@code pool}: claims until the workflow is over, doing what the draws say. */
    private static void work(ServerUnderTest server, String id, String pool, String agent, OutcomeDraws draws) {
        while (true) {
            JsonNode claim = server.ok("ce_claim", args("workflow_id", id, "pool", pool, "agent", agent,
                    "lease_seconds", 120));
            if (!claim.path("claimed").asBoolean()) {
                if (!claim.path("workflow_phase").asText().equals("active")) {
                    return;
                }
                pause(10);
                continue;
            }
            JsonNode spec = claim.path("task").path("spec");
            TaskSpec task = TaskSpec.builder(spec.path("id").asText(), spec.path("kind").asText())
                    .pool(spec.path("pool").asText()).estimate(spec.path("estimate_minutes").asDouble()).build();
            int attempt = claim.path("task").path("attempt").asInt();
            String claimId = claim.path("task").path("claim_id").asText();
            pause(Math.round(draws.duration(task, attempt) * MS_PER_MINUTE));
            if (draws.fails(task, attempt)) {
                server.ok("ce_fail", args("workflow_id", id, "task_id", task.id(), "claim_id", claimId, "agent",
                        agent, "reason", "the tests failed (drawn)", "retryable", true));
            } else if (OutcomeDraws.isReview(task)) {
                boolean changes = draws.asksForChanges(task)
                        && rounds(task.id()) < OutcomeSimulation.MAX_REWORK_ROUNDS;
                server.ok("ce_review", args("workflow_id", id, "task_id", task.id(), "claim_id", claimId, "agent",
                        agent, "verdicts", List.of(args("dimension", "tests", "verdict",
                                changes ? "request_changes" : "approve"))));
            } else {
                server.ok("ce_complete", args("workflow_id", id, "task_id", task.id(), "claim_id", claimId,
                        "agent", agent));
            }
        }
    }

    /** How many rounds of rework came before this review: its re-review suffixes. */
    private static int rounds(String reviewId) {
        return reviewId.split("-again-", -1).length - 1;
    }

    /** Two features after one design: builds, tests and docs in parallel, a review of each feature. */
    private static ObjectNode plan() throws Exception {
        return (ObjectNode) Json.mapper().readTree("""
                {"goal": "Export and import of projects", "tasks": [
                  {"id": "design", "title": "Design the archive format", "kind": "design", "estimate": "20m",
                   "writes": ["docs/design/archive.md"]},
                  {"id": "build-export", "title": "Exporter", "kind": "implement", "estimate": "45m",
                   "writes": ["src/Export.java"], "depends_on": ["design"]},
                  {"id": "build-import", "title": "Importer", "kind": "implement", "estimate": "50m",
                   "writes": ["src/Import.java"], "depends_on": ["design"]},
                  {"id": "test-export", "title": "Exporter tests", "kind": "test", "estimate": "30m",
                   "writes": ["src/ExportTest.java"], "depends_on": ["build-export"]},
                  {"id": "test-import", "title": "Importer tests", "kind": "test", "estimate": "30m",
                   "writes": ["src/ImportTest.java"], "depends_on": ["build-import"]},
                  {"id": "docs", "title": "User documentation", "kind": "docs", "estimate": "25m",
                   "writes": ["docs/archive.md"], "depends_on": ["design"]},
                  {"id": "review-export", "title": "Review the exporter", "kind": "review", "estimate": "15m",
                   "depends_on": ["build-export", "test-export"]},
                  {"id": "review-import", "title": "Review the importer", "kind": "review", "estimate": "15m",
                   "depends_on": ["build-import", "test-import"]},
                  {"id": "release", "title": "Release notes", "kind": "docs", "estimate": "10m",
                   "writes": ["CHANGELOG.md"], "depends_on": ["review-export", "review-import", "docs"]}
                ]}""");
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
