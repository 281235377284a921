package dev.pce.server.bench.crash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pce.engine.Json;
import dev.pce.engine.workspace.Workspace;
import dev.pce.server.client.McpStdioClient;
import dev.pce.server.client.McpStdioClient.ToolResponse;
import dev.pce.server.client.Pages;
import dev.pce.server.client.ServerLauncher;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Kills processes at random moments while they append to one workflow's event log, and checks after every wave of
 * kills that the log holds everything they acknowledged. The processes of a wave write at once, so a kill can
 * also land while another process holds the log's lock, and the next wave's writers meet the lines the kills cut
 * in half. At the end a fresh server reads the workflow and takes it on.
 */
public final class CrashRun {
    /** A process that has not acknowledged anything by then is reported (it could not start, or found no work). */
    private static final Duration FIRST_ACKNOWLEDGEMENT = Duration.ofSeconds(60);
    private static final Duration ANSWER = Duration.ofSeconds(120);

    private final CrashOptions options;
    private final Path scratch;
    private final PrintWriter progress;

    public CrashRun(CrashOptions options, Path scratch, PrintWriter progress) {
        this.options = options;
        this.scratch = scratch;
        this.progress = progress;
    }

    public CrashResult run() throws Exception {
        long started = System.nanoTime();
        Path workspace = scratch.resolve("ws");
        String workflowId = plan(workspace);
        Path log = Workspace.open(workspace).eventsFile(workflowId);
        Random random = new Random(options.seed());
        Map<String, Integer> kills = new TreeMap<>();
        Map<String, Integer> acknowledged = new TreeMap<>();
        List<String> lost = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<Acknowledgement.Completion> completions = new ArrayList<>();
        ExecutorService killers = Executors.newCachedThreadPool();
        int wave = 0;
        try (LogWitness witness = new LogWitness(log)) {
            while (kills.values().stream().mapToInt(Integer::intValue).sum() < options.kills()) {
                wave++;
                List<Victim> victims = startWave(wave, workspace, workflowId, log);
                List<Future<Boolean>> killed = new ArrayList<>();
                for (Victim victim : victims) {
                    int delay = random.nextInt(options.maxKillDelayMillis() + 1);
                    killed.add(killers.submit(() -> killAfterFirstAcknowledgement(victim, delay)));
                }
                List<Acknowledgement> waveAcknowledged = new ArrayList<>();
                for (int i = 0; i < victims.size(); i++) {
                    Victim victim = victims.get(i);
                    if (!killed.get(i).get()) {
                        problems.add("wave " + wave + ": acknowledged nothing within " + FIRST_ACKNOWLEDGEMENT
                                + ": " + victim.describe());
                    }
                    int at = wave;
                    victim.troubles().stream().limit(3).forEach(trouble -> problems.add("wave " + at + ": " + trouble));
                    kills.merge(victim.kind(), 1, Integer::sum);
                    waveAcknowledged.addAll(victim.acknowledged());
                }
                for (Acknowledgement acknowledgement : waveAcknowledged) {
                    acknowledged.merge(acknowledgement.getClass().getSimpleName(), 1, Integer::sum);
                    if (acknowledgement instanceof Acknowledgement.Completion completion) {
                        completions.add(completion);
                    }
                }
                int waveNumber = wave;
                witness.missing(waveAcknowledged).forEach(missing -> lost.add("after wave " + waveNumber + ": "
                        + missing.describe()));
                if (wave % 10 == 0) {
                    progress.printf("  wave %d: %d processes killed, %d acknowledgements checked, %d lost%n", wave,
                            kills.values().stream().mapToInt(Integer::intValue).sum(),
                            acknowledged.values().stream().mapToInt(Integer::intValue).sum(), lost.size());
                    progress.flush();
                }
            }
            problems.addAll(freshServerTakesOver(workspace, workflowId, completions));
            witness.catchUp();
            return new CrashResult(wave, kills, acknowledged, lost, problems, witness.events(), tornTailsCut(log),
                    Duration.ofNanos(System.nanoTime() - started));
        } finally {
            killers.shutdownNow();
        }
    }

    private List<Victim> startWave(int wave, Path workspace, String workflowId, Path log) throws IOException {
        List<Victim> victims = new ArrayList<>();
        for (int i = 1; i <= options.appendersPerWave(); i++) {
            String name = "appender-" + wave + "-" + i;
            victims.add(AppenderVictim.start(log, name, scratch.resolve(name + ".stderr")));
        }
        if (options.serversIn(wave)) {
            for (int i = 1; i <= options.serversPerWave(); i++) {
                String name = "server-" + wave + "-" + i;
                victims.add(ServerVictim.start(workspace, name, workflowId, options.agentsPerServer(),
                        scratch.resolve(name + ".stderr")));
            }
        }
        return victims;
    }

    /** True when it acknowledged something before it was killed. */
    private static boolean killAfterFirstAcknowledgement(Victim victim, int delayMillis) throws InterruptedException {
        boolean acknowledged = victim.awaitFirstAcknowledgement(FIRST_ACKNOWLEDGEMENT);
        if (acknowledged && delayMillis > 0) {
            Thread.sleep(delayMillis);
        }
        victim.kill();
        return acknowledged;
    }

    /** A clean server plans the workflow: {@code tasks} independent build tasks. */
    private String plan(Path workspace) throws IOException {
        ObjectNode plan = Json.mapper().createObjectNode().put("goal", "survive kill -9");
        ArrayNode tasks = plan.putArray("tasks");
        for (int i = 1; i <= options.tasks(); i++) {
            tasks.addObject().put("id", "task-" + i).put("title", "Task " + i).put("kind", "implement")
                    .put("estimate", 5);
        }
        try (McpStdioClient client = server(workspace, "planner")) {
            return ok(client.callTool("ce_plan", plan), "ce_plan").path("workflow_id").asText();
        }
    }

    /**
     * After the last kill, a fresh server reads the workflow: every acknowledged completion shows as done, and the
     * workflow goes on (a task is claimed and completed).
     */
    private List<String> freshServerTakesOver(Path workspace, String workflowId,
                                              List<Acknowledgement.Completion> completions) throws IOException {
        List<String> problems = new ArrayList<>();
        try (McpStdioClient client = server(workspace, "survivor")) {
            Map<String, String> statusOf = new HashMap<>();
            Pages.fullStatus(client, workflowId).path("tasks")
                    .forEach(task -> statusOf.put(task.path("id").asText(), task.path("status").asText()));
            for (Acknowledgement.Completion completion : completions) {
                if (!"done".equals(statusOf.get(completion.taskId()))) {
                    problems.add("a fresh server shows task '" + completion.taskId() + "' as "
                            + statusOf.get(completion.taskId()) + ", though " + completion.describe());
                }
            }
            ObjectNode claim = Json.mapper().createObjectNode().put("workflow_id", workflowId)
                    .put("pool", "builders").put("agent", "survivor");
            JsonNode claimed = ok(client.callTool("ce_claim", claim), "ce_claim after the last kill");
            if (!claimed.path("claimed").asBoolean()) {
                problems.add("after the last kill no task could be claimed: " + claimed.path("message").asText());
            } else {
                ok(client.callTool("ce_complete", Json.mapper().createObjectNode().put("workflow_id", workflowId)
                        .put("task_id", claimed.path("task").path("spec").path("id").asText())
                        .put("claim_id", claimed.path("task").path("claim_id").asText()).put("agent", "survivor")
                        .put("summary", "done after the crashes")), "ce_complete after the last kill");
            }
        } catch (McpStdioClient.McpClientException e) {
            problems.add("a fresh server could not take the workflow on: " + e.getMessage());
        }
        return problems;
    }

    private McpStdioClient server(Path workspace, String name) throws IOException {
        ProcessBuilder builder = ServerLauncher.serve(workspace, List.of())
                .redirectError(scratch.resolve(name + ".stderr").toFile());
        McpStdioClient client = McpStdioClient.start(builder, ANSWER);
        client.initialize(name);
        return client;
    }

    private static JsonNode ok(ToolResponse response, String what) {
        if (response.isError()) {
            throw new McpStdioClient.McpClientException(what + " failed: " + response.text());
        }
        return response.structured();
    }

    /** The next writer keeps each line it cut beside the log, after a header line of its own. */
    private static int tornTailsCut(Path log) throws IOException {
        Path torn = log.resolveSibling(log.getFileName() + ".torn");
        if (!Files.exists(torn)) {
            return 0;
        }
        return (int) Files.readAllLines(torn, StandardCharsets.ISO_8859_1).stream()
                .filter(line -> line.startsWith("# ") && line.contains(" cut ")).count();
    }
}
