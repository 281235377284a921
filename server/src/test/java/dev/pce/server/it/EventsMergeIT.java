package dev.pce.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pce.server.it.CeProcess.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.pce.server.it.CeProcess.ce;
import static dev.pce.server.it.ServerUnderTest.args;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ce events merge} on the logs of two real server processes, as two CI jobs write them: each works on its
 * own copy of the same planned workflow directory, and both take task c.
 */
class EventsMergeIT {
    @TempDir
    Path temp;


    @Test
    void mergesTwoJobsLogsIntoOneThatAServerReadsAndReportsTheTaskBothJobsDid() throws Exception {
        Path planned = temp.resolve("ws-plan");
        String id;
        try (ServerUnderTest server = ServerUnderTest.start(planned)) {
            id = server.ok("ce_plan", args("goal", "two jobs", "tasks", List.of(
                    args("id", "a", "title", "A", "kind", "build", "estimate", 1),
                    args("id", "b", "title", "B", "kind", "build", "estimate", 1),
                    args("id", "c", "title", "C", "kind", "build", "estimate", 1)))).path("workflow_id").asText();
        }
        Path jobA = copyOfPlannedWorkflow(planned, id, "ws-job-a");
        Path jobB = copyOfPlannedWorkflow(planned, id, "ws-job-b");
        try (ServerUnderTest serverA = ServerUnderTest.start(jobA);
             ServerUnderTest serverB = ServerUnderTest.start(jobB)) {
            complete(serverA, id, "job-a", "a", claim(serverA, id, "job-a", "a"));
            complete(serverB, id, "job-b", "b", claim(serverB, id, "job-b", "b"));
            // both jobs take c: each server sees only its own copy of the log
            String claimA = claim(serverA, id, "job-a", "c");
            String claimB = claim(serverB, id, "job-b", "c");
            complete(serverA, id, "job-a", "c", claimA);
            complete(serverB, id, "job-b", "c", claimB);
        }
        Path logA = jobA.resolve("workflows").resolve(id).resolve("events.jsonl");
        Path logB = jobB.resolve("workflows").resolve(id).resolve("events.jsonl");
        Path merged = temp.resolve("ws-merged/workflows").resolve(id).resolve("events.jsonl");

        Run merge = ce(temp, "events", "merge", logA.toString(), logB.toString(), "--out", merged.toString());
        Run reversed = ce(temp, "events", "merge", logB.toString(), logA.toString(), "--out",
                temp.resolve("reversed.jsonl").toString());

        assertThat(merge.exitCode()).as(merge.err()).isZero();
        assertThat(merge.out()).contains("input  " + logA + ": 5 events", "input  " + logB + ": 5 events",
                "merged 9 events", "(1 duplicates dropped)", "conflicts: 2",
                "task.claimed of task 'c'", "the first claim wins", "task.completed of task 'c'", "already done");
        assertThat(Files.readAllBytes(temp.resolve("reversed.jsonl"))).isEqualTo(Files.readAllBytes(merged));
        assertThat(reversed.out()).contains("conflicts: 2");
        Run status = ce(temp.resolve("ws-merged"), "status", id, "--json");
        assertThat(status.exitCode()).as(status.err()).isZero();
        JsonNode json = dev.pce.engine.Json.mapper().readTree(status.out());
        assertThat(json.path("workflow").path("phase").asText()).isEqualTo("completed");
        assertThat(json.path("workflow").path("counts").path("done").asInt()).isEqualTo(3);
        assertThat(json.path("workflow").path("last_seq").asInt()).isEqualTo(9);
        // the fold skips what the merge reports as ignored: task c is done by the job whose claim came first
        String firstClaimOfC = Files.readAllLines(merged).stream().map(line -> readTree(line))
                .filter(event -> event.path("type").asText().equals("task.claimed")
                        && event.path("payload").path("task_id").asText().equals("c"))
                .findFirst().orElseThrow().path("payload").path("agent").asText();
        JsonNode taskC = json.path("workflow").path("tasks").path(2);
        assertThat(taskC.path("id").asText()).isEqualTo("c");
        assertThat(taskC.toString()).contains(firstClaimOfC)
                .doesNotContain(firstClaimOfC.equals("job-a") ? "job-b" : "job-a");
        Run strict = ce(temp, "events", "merge", logA.toString(), logB.toString(), "--out",
                temp.resolve("strict.jsonl").toString(), "--fail-on-conflict");
        assertThat(strict.exitCode()).isEqualTo(1);
    }

    @Test
    void logsOfTwoWorkflowsAreRefusedWithBothFilesNamed() throws Exception {
        Path workspace = temp.resolve("ws");
        List<String> ids = new ArrayList<>();
        try (ServerUnderTest server = ServerUnderTest.start(workspace)) {
            for (String goal : List.of("one", "two")) {
                ids.add(server.ok("ce_plan", args("goal", goal, "tasks", List.of(
                        args("id", "a", "title", "A", "kind", "build", "estimate", 1)))).path("workflow_id").asText());
            }
        }
        String first = workspace.resolve("workflows").resolve(ids.get(0)).resolve("events.jsonl").toString();
        String second = workspace.resolve("workflows").resolve(ids.get(1)).resolve("events.jsonl").toString();

        Run merge = ce(temp, "events", "merge", first, second, "--out", temp.resolve("out.jsonl").toString());

        assertThat(merge.exitCode()).isEqualTo(2);
        assertThat(merge.err()).contains("different plans", first, second, "Fix:");
        assertThat(temp.resolve("out.jsonl")).doesNotExist();
    }

    /** A job's checkout: the planned workflow's directory, copied (the snapshot is a cache and stays behind). */
    private Path copyOfPlannedWorkflow(Path planned, String id, String name) throws IOException {
        Path dir = Files.createDirectories(temp.resolve(name).resolve("workflows").resolve(id));
        Files.copy(planned.resolve("workflows").resolve(id).resolve("events.jsonl"), dir.resolve("events.jsonl"));
        return temp.resolve(name);
    }

    private static JsonNode readTree(String line) {
        try {
            return dev.pce.engine.Json.mapper().readTree(line);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String claim(ServerUnderTest server, String id, String agent, String task) {
        return server.ok("ce_claim", args("workflow_id", id, "pool", "builders", "agent", agent, "task_id", task))
                .path("task").path("claim_id").asText();
    }

    private static void complete(ServerUnderTest server, String id, String agent, String task, String claimId) {
        server.ok("ce_complete", args("workflow_id", id, "task_id", task, "agent", agent, "claim_id", claimId));
    }
}
