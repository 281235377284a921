package dev.pce.server.bench.crash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pce.engine.Json;
import dev.pce.server.client.McpStdioClient;
import dev.pce.server.client.McpStdioClient.McpClientException;
import dev.pce.server.client.McpStdioClient.Pending;
import dev.pce.server.client.McpStdioClient.ToolResponse;
import dev.pce.server.client.ServerLauncher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real {@code ce serve} process over stdio whose agents claim and complete tasks as fast as the server answers,
 * several calls in flight at once, until it is killed: the kill lands in the middle of that burst.
 */
final class ServerVictim implements Victim {
    /** How long a call may wait for its answer: far longer than any answer takes, even on a loaded machine. */
    private static final Duration ANSWER = Duration.ofSeconds(60);
    private static final int LEASE_SECONDS = 30;

    private final String name;
    private final String workflowId;
    private final Process process;
    private final McpStdioClient client;
    private final Path stderr;
    private final List<Acknowledgement> acknowledged = new CopyOnWriteArrayList<>();
    private final CountDownLatch firstCompletion = new CountDownLatch(1);
    private final List<Thread> agents = new ArrayList<>();
    private final List<String> troubles = new CopyOnWriteArrayList<>();
    private volatile boolean killed;

    private ServerVictim(String name, String workflowId, Process process, Path stderr) {
        this.name = name;
        this.workflowId = workflowId;
        this.process = process;
        this.stderr = stderr;
        this.client = McpStdioClient.connect(process.getInputStream(), process.getOutputStream(), ANSWER);
    }

    /** Starts {@code ce serve} on {@code workspace}; once initialized, {@code agentCount} agents start working. */
    static ServerVictim start(Path workspace, String name, String workflowId, int agentCount, Path stderr)
            throws IOException {
        Process process = ServerLauncher.serve(workspace, List.of()).redirectError(stderr.toFile()).start();
        ServerVictim server = new ServerVictim(name, workflowId, process, stderr);
        for (int i = 1; i <= agentCount; i++) {
            String agent = name + "-agent-" + i;
            Thread thread = new Thread(() -> server.work(agent), agent);
            thread.setDaemon(true);
            server.agents.add(thread);
        }
        Thread starter = new Thread(server::initializeThenWork, name + "-start");
        starter.setDaemon(true);
        starter.start();
        return server;
    }

    @Override
    public String kind() {
        return "ce serve";
    }

    @Override
    public boolean awaitFirstAcknowledgement(Duration timeout) throws InterruptedException {
        return firstCompletion.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void kill() throws InterruptedException {
        killed = true;
        process.destroyForcibly();
        process.waitFor();
        for (Thread agent : agents) {
            agent.join();
        }
    }

    @Override
    public List<Acknowledgement> acknowledged() {
        return List.copyOf(acknowledged);
    }

    @Override
    public List<String> troubles() {
        return List.copyOf(troubles);
    }

    @Override
    public String describe() {
        try {
            return name + " (exit " + (process.isAlive() ? "none yet" : process.exitValue()) + "): "
                    + (Files.exists(stderr) ? Files.readString(stderr) : "");
        } catch (IOException e) {
            return name + ": stderr unreadable: " + e;
        }
    }

    private void initializeThenWork() {
        try {
            client.initialize(name);
        } catch (McpClientException e) {
            return; // killed before it answered
        }
        agents.forEach(Thread::start);
    }

    /** Claim, complete, repeat; every answer received is recorded before the next call. */
    private void work(String agent) {
        while (!killed) {
            Optional<ToolResponse> claim = call("ce_claim", arguments().put("pool", "builders").put("agent", agent)
                    .put("lease_seconds", LEASE_SECONDS));
            if (claim.isEmpty()) {
                return;
            }
            JsonNode claimed = claim.get().structured();
            if (claim.get().isError()) {
                troubles.add(agent + ": ce_claim answered " + claim.get().text());
                continue;
            }
            if (!claimed.path("claimed").asBoolean()) {
                continue;
            }
            String task = claimed.path("task").path("spec").path("id").asText();
            String claimId = claimed.path("task").path("claim_id").asText();
            acknowledge(new Acknowledgement.Claim(name, task, claimId));
            Optional<ToolResponse> done = call("ce_complete", arguments().put("task_id", task)
                    .put("claim_id", claimId).put("agent", agent).put("summary", "done"));
            if (done.isEmpty()) {
                return;
            }
            if (done.get().isError()) {
                troubles.add(agent + ": ce_complete answered " + done.get().text());
            } else {
                acknowledge(new Acknowledgement.Completion(name, task, claimId));
            }
        }
    }

    private ObjectNode arguments() {
        return Json.mapper().createObjectNode().put("workflow_id", workflowId);
    }

    /** The kill waits for a first completion, so that it lands among claims and completions in flight. */
    private void acknowledge(Acknowledgement acknowledgement) {
        acknowledged.add(acknowledgement);
        if (acknowledgement instanceof Acknowledgement.Completion) {
            firstCompletion.countDown();
        }
    }

    /** The call's answer, or empty when the server died first (its answer never came). */
    private Optional<ToolResponse> call(String tool, ObjectNode arguments) {
        Pending pending;
        try {
            pending = client.send("tools/call", McpStdioClient.toolCall(tool, arguments));
        } catch (McpClientException e) {
            return Optional.empty();
        }
        long deadline = System.nanoTime() + ANSWER.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                return Optional.of(client.toolResponse(pending.answer().get(50, TimeUnit.MILLISECONDS)));
            } catch (TimeoutException e) {
                if (killed && !process.isAlive() && !pending.answer().isDone()) {
                    return Optional.empty(); // sent after its stdout closed: no answer can come
                }
            } catch (ExecutionException | McpClientException e) {
                return Optional.empty();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
        troubles.add(name + ": no answer to " + tool + " within " + ANSWER + " while it was alive");
        return Optional.empty();
    }
}
