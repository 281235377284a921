package dev.pce.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pce.engine.Json;
import dev.pce.server.it.CeProcess.Run;
import dev.pce.testing.TestFiles;
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
import static dev.pce.server.quality.EvidenceSamples.surefire;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The project's configuration files (.github/ce-config.yml, .ce/config.yml) as the built jar reads them from the
 * directory it works in: pools for ce serve's schedule, ce plan --matrix and ce simulate (CE_POOLS winning pool by
 * pool), and the project type and required dimensions for ce_gate, judged by the same rules as ce gate.
 */
class ProjectConfigIT {
    @TempDir
    Path temp;

    private Path project;

    @BeforeEach
    void project() throws IOException {
        project = Files.createDirectories(temp.resolve("project"));
        write(".github/ce-config.yml", """
                project_type: service
                pools: {builders: 1, reviewers: 3}
                gates:
                  required: [tests, security]
                """);
        write(".ce/config.yml", "pools: {reviewers: 2}\n");
    }

    @Test
    void theServerSchedulesOnTheConfiguredPoolsAndGatesOnTheConfiguredRequirements() throws Exception {
        write("target/surefire-reports/TEST-dev.example.StoreTest.xml", surefire(0));
        try (ServerUnderTest server = ServerUnderTest.startIn(project, temp.resolve("ws"), Map.of("CE_POOLS", ""))) {
            JsonNode plan = server.ok("ce_plan", twoBuilds());
            assertThat(plan.path("schedule").path("eta_minutes").asDouble()).as("one builder: one after the other")
                    .isEqualTo(20);
            String id = plan.path("workflow_id").asText();

            JsonNode gate = server.ok("ce_gate", args("workflow_id", id, "evidence",
                    List.of("target/surefire-reports"))).path("gate");
            assertThat(gate.path("project_type").asText()).isEqualTo("service");
            assertThat(gate.path("blocking").asBoolean()).isTrue();
            JsonNode security = criterion(gate, "security-high");
            assertThat(security.path("verdict").asText()).isEqualTo("not_measured");
            assertThat(security.path("required").asBoolean()).isTrue();
            assertThat(security.path("reason").asText()).contains("required by .github/ce-config.yml gates.required");
            assertThat(criterion(gate, "lint-high").path("required").asBoolean()).isFalse();
            assertThat(criterion(gate, "tests-failed").path("verdict").asText()).isEqualTo("pass");
        }
        try (ServerUnderTest server = ServerUnderTest.startIn(project, temp.resolve("ws2"),
                Map.of("CE_POOLS", "builders=2"))) {
            assertThat(server.ok("ce_plan", twoBuilds()).path("schedule").path("eta_minutes").asDouble())
                    .as("CE_POOLS wins").isEqualTo(10);
        }
    }

    @Test
    void theServerRefusesToStartOnABadConfigurationAndSaysWhy() throws Exception {
        write(".ce/config.yml", "pools: {builders: many}\n");
        Path workspace = temp.resolve("ws-bad");
        Files.createDirectories(workspace);
        Run run = CeProcess.run(Optional.of(project), workspace, Map.of("CE_POOLS", ""), "serve");
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains(project.resolve(".ce/config.yml") + ": pools.builders is 'many', which is"
                + " not a number of agents; allowed: a whole number from 1 to 10000.");
    }

    @Test
    void planMatrixListsAtMostThePoolsAgentsCriticalPathFirst() throws Exception {
        Path workspace = temp.resolve("ws-matrix");
        String id;
        try (ServerUnderTest server = ServerUnderTest.startIn(project, workspace, Map.of("CE_POOLS", ""))) {
            id = server.ok("ce_plan", args("goal", "g", "tasks", List.of(
                    args("id", "short", "title", "Short", "kind", "build", "estimate", 5),
                    args("id", "long", "title", "Long", "kind", "build", "estimate", 5),
                    args("id", "after", "title", "After", "kind", "build", "estimate", 30,
                            "depends_on", List.of("long")),
                    args("id", "review", "title", "Review", "kind", "review", "estimate", 5)))).path("workflow_id")
                    .asText();
        }

        Run matrix = CeProcess.run(Optional.of(project), workspace, Map.of("CE_POOLS", ""), "plan", "--matrix",
                "--workflow", id);
        assertThat(matrix.exitCode()).as(matrix.err()).isZero();
        assertThat(taskIds(matrix.out())).containsExactly("long", "review");
        assertThat(matrix.err()).contains("ce plan: 1 more ready task(s) of pool builders wait for the next run: the"
                + " pool has 1 agent(s)");

        Run more = CeProcess.run(Optional.of(project), workspace, Map.of("CE_POOLS", "builders=3"), "plan", "--matrix",
                "--workflow", id);
        assertThat(taskIds(more.out())).containsExactly("long", "short", "review");
        assertThat(more.err()).doesNotContain("wait for the next run");
    }

    @Test
    void simulateRunsOnTheConfiguredPoolsUnlessTheCommandLineSaysOtherwise() throws Exception {
        Path plan = write("plan.json", Json.mapper().writeValueAsString(twoBuilds()));
        Path workspace = temp.resolve("ws-sim");

        Run configured = CeProcess.run(Optional.of(project), workspace, Map.of("CE_POOLS", ""), "simulate",
                plan.toString(), "--noise", "0");
        assertThat(configured.exitCode()).as(configured.err()).isZero();
        assertThat(configured.out()).contains("pools: builders=1").containsPattern("parallel makespan +20.0 min");

        Run given = CeProcess.run(Optional.of(project), workspace, Map.of("CE_POOLS", ""), "simulate",
                plan.toString(), "--noise", "0", "--pools", "builders=2");
        assertThat(given.out()).contains("pools: builders=2").containsPattern("parallel makespan +10.0 min");
    }

    private static JsonNode twoBuilds() {
        return args("goal", "two builds", "tasks", List.of(
                args("id", "a", "title", "A", "kind", "build", "estimate", 10),
                args("id", "b", "title", "B", "kind", "build", "estimate", 10)));
    }

    private static List<String> taskIds(String matrix) throws IOException {
        List<String> ids = new ArrayList<>();
        Json.mapper().readTree(matrix).path("include").forEach(entry -> ids.add(entry.path("task_id").asText()));
        return ids;
    }

    private static JsonNode criterion(JsonNode gate, String name) {
        for (JsonNode criterion : gate.path("criteria")) {
            if (criterion.path("criterion").asText().equals(name)) {
                return criterion;
            }
        }
        throw new AssertionError("no criterion " + name + " in " + gate);
    }

    private Path write(String relative, String text) {
        return TestFiles.write(project.resolve(relative), text);
    }
}
