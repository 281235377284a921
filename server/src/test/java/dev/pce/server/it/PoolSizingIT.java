package dev.pce.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pce.engine.Json;
import dev.pce.server.it.CeProcess.Run;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.pce.server.it.ServerUnderTest.args;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Pool sizes recommended from history, through the built jar over stdio: ce_plan's answer carries them once a
 * workflow has finished, schedules with them when .ce/config.yml says pool_sizing: {apply: true} (also after a
 * restart: workflow.planned records them), and ce report
 * shows them; a bad pool_sizing stops the server with what is wrong.
 */
class PoolSizingIT {
    private static final Map<String, String> DEFAULT_POOLS = Map.of("CE_POOLS", "");

    @TempDir
    Path temp;

    private Path project;
    private Path workspace;

    @BeforeEach
    void projectAndWorkspace() throws IOException {
        project = Files.createDirectories(temp.resolve("project"));
        workspace = temp.resolve("ws");
    }

    @Test
    void cePlanRecommendsPoolSizesOnceHistoryExistsAndAppliesThemWhenConfigured() throws Exception {
        try (ServerUnderTest server = ServerUnderTest.startIn(project, workspace, DEFAULT_POOLS)) {
            JsonNode first = server.ok("ce_plan", args("goal", "history", "tasks", List.of(
                    args("id", "build", "title", "Build", "kind", "build", "estimate", 10),
                    args("id", "review", "title", "Review", "kind", "review", "estimate", 5,
                            "depends_on", List.of("build")))));
            assertThat(first.has("pool_recommendations")).as("no finished workflow yet").isFalse();
            String id = first.path("workflow_id").asText();
            AgentSteps.finishAll(server, id, "builders");
            AgentSteps.finishAll(server, id, "reviewers");

            JsonNode plan = server.ok("ce_plan", buildersBottleneck());

            assertThat(plan.path("schedule").path("eta_minutes").asDouble()).as("3 builders: 3 rounds and the review")
                    .isEqualTo(100);
            JsonNode pools = plan.path("pool_recommendations");
            assertThat(pools.path("based_on_workflows").asInt()).as(plan.toString()).isEqualTo(1);
            assertThat(pools.path("current").path("builders").asInt()).isEqualTo(3);
            assertThat(pools.path("recommended").path("builders").asInt()).isEqualTo(4);
            assertThat(pools.path("recommended").path("reviewers").asInt()).isEqualTo(1);
            assertThat(pools.path("gain_percent").asDouble()).isGreaterThan(20);
            assertThat(pools.path("budget").asText()).startsWith("same total of 5 agent(s)");
            assertThat(pools.path("pools").findValuesAsText("reason")).anySatisfy(reason -> assertThat(reason)
                    .startsWith("builders 3 -> 4 agent(s); in 1 finished workflow(s) its tasks waited"));
            assertThat(pools.path("applied").asBoolean()).isFalse();
        }
        Files.createDirectories(project.resolve(".ce"));
        Files.writeString(project.resolve(".ce/config.yml"), "pool_sizing: {apply: true}\n");
        String applied;
        try (ServerUnderTest server = ServerUnderTest.startIn(project, workspace, DEFAULT_POOLS)) {
            JsonNode plan = server.ok("ce_plan", buildersBottleneck());

            assertThat(plan.path("pool_recommendations").path("applied").asBoolean()).as(plan.toString()).isTrue();
            assertThat(plan.path("schedule").path("eta_minutes").asDouble()).as("4 builders: 2 rounds and the review")
                    .isEqualTo(70);
            applied = plan.path("workflow_id").asText();
        }
        // a new process reads the workflow from its log: the sizes it was scheduled with are recorded there
        try (ServerUnderTest server = ServerUnderTest.startIn(project, workspace, DEFAULT_POOLS)) {
            JsonNode schedule = server.ok("ce_status", args("workflow_id", applied)).path("workflow")
                    .path("schedule");

            assertThat(schedule.path("remaining_minutes").asDouble()).as("still 4 builders: " + schedule)
                    .isCloseTo(70, within(1.0));
        }
        JsonNode planned = Json.mapper().readTree(Files.readAllLines(workspace.resolve("workflows").resolve(applied)
                .resolve("events.jsonl")).getFirst()).path("payload");
        assertThat(planned.path("pool_sizes").path("builders").asInt()).as(planned.path("pool_sizes").toString())
                .isEqualTo(4);

        Run text = CeProcess.run(Optional.of(project), workspace, DEFAULT_POOLS, "report");
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).contains("Pool sizes for the plan of ", " (from 1 finished workflow(s)): ",
                "builders 3 -> 4 agent(s)", "budget: same total of 5 agent(s)");
        Run json = CeProcess.run(Optional.of(project), workspace, DEFAULT_POOLS, "report", "--json");
        assertThat(json.exitCode()).as(json.err()).isZero();
        JsonNode recommendation = Json.mapper().readTree(json.out()).path("pool_recommendation");
        assertThat(recommendation.path("recommendation").path("recommended").path("builders").asInt()).isEqualTo(4);
    }

    @Test
    void theServerRefusesABadPoolSizingAndSaysWhatIsAllowed() throws Exception {
        Files.createDirectories(project.resolve(".ce"));
        Files.writeString(project.resolve(".ce/config.yml"), "pool_sizing: {apply: true, max_agents_per_pool: 0}\n");
        Files.createDirectories(workspace);

        Run run = CeProcess.run(Optional.of(project), workspace, DEFAULT_POOLS, "serve");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains(project.resolve(".ce/config.yml") + ": Bad pool sizing setting: "
                + "max_agents_per_pool is 0; allowed: a whole number from 1 to 10000.");

        Files.writeString(project.resolve(".ce/config.yml"), "pool_sizing: {aply: true}\n");
        Run typo = CeProcess.run(Optional.of(project), workspace, DEFAULT_POOLS, "serve");
        assertThat(typo.exitCode()).isNotZero();
        assertThat(typo.err()).contains("unknown key 'pool_sizing.aply'");
    }

    /** 8 builds of 30 minutes, then a review of 10: the builders are the bottleneck, a reviewer idles. */
    private static ObjectNode buildersBottleneck() {
        List<Object> tasks = new ArrayList<>();
        List<String> builds = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            tasks.add(args("id", "build-" + i, "title", "Build " + i, "kind", "build", "estimate", 30));
            builds.add("build-" + i);
        }
        tasks.add(args("id", "review", "title", "Review", "kind", "review", "estimate", 10, "depends_on", builds));
        return args("goal", "eight builds", "tasks", tasks);
    }

}
