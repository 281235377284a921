package dev.pce.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pce.server.client.Pages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.pce.server.it.ServerUnderTest.args;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several server processes on one workspace, as several Claude Code sessions would run: agents of three pools,
 * the builders split over two processes, race for a 30-task plan until it is done. No task may be handed out
 * twice, no event lost, and the log's sequence must stay gap-free. Builder steps of neighbouring chains write the
 * same file: such a pair must never be held at the same time.
 */
class ConcurrentPoolsIT {
    @TempDir
    Path temp;

    @Test
    void poolsInSeveralProcessesWorkOffAPlanWithoutDoubleClaims() throws Exception {
        Path workspace = temp.resolve("ws");
        Map<String, List<ServerUnderTest>> serversByPool = new HashMap<>();
        List<ServerUnderTest> all = new ArrayList<>();
        try {
            for (String pool : List.of("planners", "builders", "builders", "reviewers")) {
                ServerUnderTest server = ServerUnderTest.start(workspace);
                all.add(server);
                serversByPool.computeIfAbsent(pool, p -> new ArrayList<>()).add(server);
            }
            JsonNode plan = all.get(0).ok("ce_plan", Plans.chainsSharingFiles(10, 3));
            String id = plan.path("workflow_id").asText();
            List<String[]> exclusive = new ArrayList<>();
            plan.path("edges").forEach(edge -> {
                if (edge.path("edge_class").asText().equals("resource")) {
                    exclusive.add(new String[] {edge.path("from").asText(), edge.path("to").asText()});
                }
            });
            assertThat(exclusive).as("one resource edge per pair of chains").hasSize(5);
            Map<String, String> completedBy = new ConcurrentHashMap<>();
            ExecutorService agents = Executors.newFixedThreadPool(8);
            List<Future<?>> running = new ArrayList<>();
            int agentNumber = 0;
            for (var entry : serversByPool.entrySet()) {
                for (ServerUnderTest server : entry.getValue()) {
                    for (int i = 0; i < 2; i++) {
                        String agent = entry.getKey() + "-" + agentNumber++;
                        running.add(agents.submit(() -> work(server, id, entry.getKey(), agent, completedBy)));
                    }
                }
            }
            for (Future<?> future : running) {
                future.get(120, TimeUnit.SECONDS);
            }
            agents.shutdown();

            assertThat(completedBy).hasSize(30);
            List<JsonNode> events = Pages.allEvents(all.get(3).client(), id);
            Map<String, Integer> claims = new HashMap<>();
            Map<String, Integer> completions = new HashMap<>();
            Map<String, long[]> heldFromTo = new HashMap<>();
            int decisions = 0;
            long expectedSeq = 1;
            for (JsonNode event : events) {
                assertThat(event.path("seq").asLong()).isEqualTo(expectedSeq++);
                String task = event.path("payload").path("task_id").asText();
                switch (event.path("type").asText()) {
                    case "task.claimed" -> {
                        claims.merge(task, 1, Integer::sum);
                        heldFromTo.put(task, new long[] {event.path("seq").asLong(), Long.MAX_VALUE});
                    }
                    case "task.completed" -> {
                        completions.merge(task, 1, Integer::sum);
                        heldFromTo.get(task)[1] = event.path("seq").asLong();
                    }
                    case "conflict.resolved" -> {
                        // two ready tasks wrote one file: the decision names the rule that made one wait
                        assertThat(event.path("payload").path("resolution").path("rule").asText()).isNotBlank();
                        decisions++;
                    }
                    default -> { }
                }
            }
            assertThat(claims).hasSize(30).allSatisfy((task, count) -> assertThat(count).as(task).isEqualTo(1));
            assertThat(completions).hasSize(30).allSatisfy((task, count) -> assertThat(count).as(task).isEqualTo(1));
            assertThat(events).as("the plan, 30 claims, 30 completions and the conflict decisions").hasSize(61 + decisions);
            for (String[] pair : exclusive) {
                long[] first = heldFromTo.get(pair[0]);
                long[] second = heldFromTo.get(pair[1]);
                assertThat(first[1] < second[0] || second[1] < first[0])
                        .as("%s held %s, %s held %s: they share a file", pair[0], List.of(first[0], first[1]),
                                pair[1], List.of(second[0], second[1])).isTrue();
            }
            JsonNode status = all.get(1).ok("ce_status", args("workflow_id", id)).path("workflow");
            assertThat(status.path("phase").asText()).isEqualTo("completed");
        } finally {
            all.forEach(ServerUnderTest::close);
        }
    }

    private static void work(ServerUnderTest server, String id, String pool, String agent,
                             Map<String, String> completedBy) {
        while (true) {
            JsonNode claim = server.ok("ce_claim", args("workflow_id", id, "pool", pool, "agent", agent));
            if (!claim.path("claimed").asBoolean()) {
                if (!claim.path("workflow_phase").asText().equals("active")) {
                    return;
                }
                Thread.onSpinWait();
                continue;
            }
            String task = claim.path("task").path("spec").path("id").asText();
            server.ok("ce_complete", args("workflow_id", id, "task_id", task,
                    "claim_id", claim.path("task").path("claim_id").asText(), "agent", agent));
            String previous = completedBy.putIfAbsent(task, agent);
            assertThat(previous).as("task %s completed by %s and %s", task, previous, agent).isNull();
        }
    }
}
