package dev.pce.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pce.engine.Json;
import dev.pce.server.client.McpStdioClient.ToolResponse;
import dev.pce.server.it.CeProcess.Run;
import dev.pce.testing.FileDamage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static dev.pce.server.it.ServerUnderTest.args;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Event logs damaged outside PCE, as the server and {@code ce doctor} of the built jar meet them: an empty log, a
 * log cut in the middle, edited claim and event ids. And the files a long-lived server keeps open.
 */
class DamagedLogIT {
    /** The server's own log files: each workflow log and its acknowledgement mark, at most 64 each (see docs). */
    private static final int OPEN_LOG_FILES = 2 * 64;

    @TempDir
    Path temp;

    @Test
    void emptyLogIsAnErrorForTheToolsUnreadableInTheListingAndAProblemForDoctor() throws Exception {
        Path workspace = temp.resolve("ws");
        String empty = "wf-20250115-100000-aaaaaa";
        Path log = Files.createDirectories(workspace.resolve("workflows").resolve(empty)).resolve("events.jsonl");
        try (ServerUnderTest server = ServerUnderTest.start(workspace)) {
            String healthy = plan(server, 1);
            Files.createFile(log);

            ToolResponse claim = server.call("ce_claim", args("workflow_id", empty, "pool", "builders",
                    "agent", "bob"));
            JsonNode listing = server.ok("ce_status", args());

            assertThat(claim.isError()).as(claim.text()).isTrue();
            assertThat(claim.text()).contains("LOG_CORRUPT", log + " holds no events", "Fix:",
                    "ce doctor --repair-log " + empty).doesNotContain("nothing left to claim");
            assertThat(listing.path("workflows").findValuesAsText("workflow_id")).containsExactly(healthy);
            assertThat(listing.path("unreadable").get(0).path("workflow_id").asText()).isEqualTo(empty);
            assertThat(listing.path("unreadable").get(0).path("error").asText()).contains(log.toString());
        }
        Run doctor = CeProcess.ce(workspace, "doctor");

        assertThat(doctor.exitCode()).as(doctor.out()).isEqualTo(1);
        assertThat(doctor.out()).contains("problem  workflow " + empty, "file (PCE cannot read the workflow): "
                + "Event log " + log + " holds no events", "1 problem(s) left.").doesNotContain("No problems");
    }

    /** The security review's case: a log of 25 events cut inside line 6, then the next claim. */
    @Test
    void logCutInTheMiddleIsRefusedUntilAPersonRepairsIt() throws Exception {
        Path workspace = temp.resolve("ws");
        String id;
        try (ServerUnderTest server = ServerUnderTest.start(workspace)) {
            id = plan(server, 12);
            for (int i = 0; i < 12; i++) {
                JsonNode task = server.ok("ce_claim", args("workflow_id", id, "pool", "builders", "agent", "bob"))
                        .path("task");
                server.ok("ce_complete", args("workflow_id", id, "task_id", task.path("spec").path("id").asText(),
                        "claim_id", task.path("claim_id").asText(), "agent", "bob", "summary", "done"));
            }
        }
        Path log = workspace.resolve("workflows").resolve(id).resolve("events.jsonl");
        assertThat(Files.readAllLines(log)).hasSize(25);
        FileDamage.cut(log, FileDamage.lineStart(log, 6) + 40);
        long cutSize = Files.size(log);

        try (ServerUnderTest server = ServerUnderTest.start(workspace)) {
            ToolResponse claim = server.call("ce_claim", args("workflow_id", id, "pool", "builders", "agent", "eve"));

            assertThat(claim.isError()).as(claim.text()).isTrue();
            assertThat(claim.text()).contains(log + " ends inside line 6", "25 acknowledged events",
                    "events 6 to 25 are missing");
        }
        assertThat(Files.size(log)).as("nothing acknowledged is cut without a person").isEqualTo(cutSize);
        Run found = CeProcess.ce(workspace, "doctor");
        assertThat(found.exitCode()).isEqualTo(1);
        assertThat(found.out()).contains("line 6 (PCE cannot read the workflow)", "ce doctor --repair-log " + id);

        Run repaired = CeProcess.ce(workspace, "doctor", "--repair-log", id);

        assertThat(repaired.exitCode()).as(repaired.out() + repaired.err()).isZero();
        assertThat(repaired.out()).contains("repaired log of workflow " + id + ": Kept events 1 to 5",
                "ok       workflow " + id + ": 5 events", "No problems.");
        try (ServerUnderTest server = ServerUnderTest.start(workspace)) {
            assertThat(server.ok("ce_claim", args("workflow_id", id, "pool", "builders", "agent", "eve"))
                    .path("claimed").asBoolean()).isTrue();
        }
    }

    @Test
    void doctorReportsAChangedClaimIdAndAMalformedEventIdWithTheirLines() throws Exception {
        Path workspace = temp.resolve("ws");
        String id;
        try (ServerUnderTest server = ServerUnderTest.start(workspace)) {
            id = plan(server, 1);
            JsonNode task = server.ok("ce_claim", args("workflow_id", id, "pool", "builders", "agent", "bob"))
                    .path("task");
            server.ok("ce_complete", args("workflow_id", id, "task_id", "t1", "claim_id",
                    task.path("claim_id").asText(), "agent", "bob", "summary", "done"));
        }
        Path log = workspace.resolve("workflows").resolve(id).resolve("events.jsonl");
        List<String> lines = new ArrayList<>(Files.readAllLines(log));
        ObjectNode completion = (ObjectNode) Json.mapper().readTree(lines.get(2));
        ((ObjectNode) completion.get("payload")).put("claim_id", "cl-000000000000");
        lines.set(2, Json.mapper().writeValueAsString(completion));
        ObjectNode claim = (ObjectNode) Json.mapper().readTree(lines.get(1));
        claim.put("id", "12345");
        lines.set(1, Json.mapper().writeValueAsString(claim));
        Files.write(log, lines);

        Run doctor = CeProcess.ce(workspace, "doctor");

        assertThat(doctor.exitCode()).as(doctor.out()).isEqualTo(1);
        assertThat(doctor.out()).contains("problem  workflow " + id,
                "line 2 (changed outside PCE): Event log " + log + " line 2: its event id '12345' is not a UUID "
                        + "version 7",
                "line 3 (changed outside PCE): Event log " + log + " line 3: task.completed of task 't1' names "
                        + "claim cl-000000000000",
                "Fix: The claim id was changed outside PCE");
    }

    @Test
    void serverThatTouchedTwoThousandWorkflowsKeepsABoundedNumberOfFilesOpen() throws Exception {
        Path workspace = temp.resolve("ws");
        try (ServerUnderTest server = ServerUnderTest.start(workspace)) {
            long pid = server.client().pid().orElseThrow();
            Path descriptors = Path.of("/proc", Long.toString(pid), "fd");
            assumeTrue(Files.isDirectory(descriptors), "counts the server's descriptors in /proc (Linux)");
            plan(server, 1);
            long before = count(descriptors);

            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                ids.add(plan(server, 1));
            }
            long afterPlans = count(descriptors);
            for (String id : ids.subList(0, 100)) {
                server.ok("ce_claim", args("workflow_id", id, "pool", "builders", "agent", "bob"));
            }

            assertThat(afterPlans - before).as("after 2,000 ce_plan").isLessThanOrEqualTo(OPEN_LOG_FILES);
            assertThat(count(descriptors) - before).as("after claims in the oldest ones")
                    .isLessThanOrEqualTo(OPEN_LOG_FILES);
            assertThat(server.ok("ce_status", args("workflow_id", ids.getFirst())).path("workflow").path("counts")
                    .path("claimed").asInt()).isEqualTo(1);
        }
    }

    /** Plans a workflow of {@code tasks} independent build tasks t1..tN and returns its id. */
    private static String plan(ServerUnderTest server, int tasks) {
        List<ObjectNode> specs = new ArrayList<>();
        for (int i = 1; i <= tasks; i++) {
            specs.add(args("id", "t" + i, "title", "Task " + i, "kind", "build"));
        }
        return server.ok("ce_plan", args("goal", "damage", "tasks", specs)).path("workflow_id").asText();
    }

    private static long count(Path descriptors) throws IOException {
        try (Stream<Path> entries = Files.list(descriptors)) {
            return entries.count();
        }
    }
}
