package dev.pce.server.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pce.engine.Json;
import dev.pce.engine.workspace.Workspace;
import dev.pce.server.bench.TimedCalls;
import dev.pce.server.client.McpStdioClient;
import dev.pce.server.client.Pages;
import dev.pce.server.client.ServerLauncher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One load run: {@code processes} real server processes on a fresh workspace, spoken to over their stdio, and the
 * agents of every pool spread over them in blocks (agent k of n goes to process k * processes / n; with one process
 * per pool, each pool has its own). Agents of one process share its connection: the transport reads requests as
 * they come and the server answers them concurrently. After the run, every process and a freshly started one
 * report the status, the processes are closed, and the log on disk is audited.
 */
public final class LoadRun {
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);
    /** How long agents still in a call get to return once the deadline stopped the run. */
    private static final long STOP_GRACE_MILLIS = CALL_TIMEOUT.toMillis() + 5_000;

    private final LoadOptions options;
    private final LoadPlan plan;
    private final int processes;
    private final Path workspace;

    /** @param workspace an empty directory (or none yet) for the run's workspace */
    public LoadRun(LoadOptions options, LoadPlan plan, int processes, Path workspace) {
        this.options = options;
        this.plan = plan;
        this.processes = processes;
        this.workspace = workspace;
    }

    public LoadResult run() throws IOException, InterruptedException {
        Path logs = Files.createDirectories(workspace.resolve("logs"));
        LoadLedger ledger = new LoadLedger();
        List<McpStdioClient> servers = new ArrayList<>();
        try {
            for (int i = 0; i < processes; i++) {
                servers.add(start(logs.resolve("load-server-" + (i + 1) + ".stderr")));
            }
            for (McpStdioClient server : servers) {
                server.initialize("pce-load");
            }
            String workflowId = TimedCalls.requireSuccess(servers.getFirst().callTool("ce_plan", plan.request()))
                    .structured().path("workflow_id").asText();
            double seconds = runAgents(workflowId, servers, ledger);
            List<JsonNode> statuses = new ArrayList<>();
            for (McpStdioClient server : servers) {
                statuses.add(status(server, workflowId));
            }
            try (McpStdioClient fresh = start(logs.resolve("load-server-fresh.stderr"))) {
                fresh.initialize("pce-load");
                statuses.add(status(fresh, workflowId));
                stdoutClean(fresh, "the fresh server", ledger);
            }
            closeAll(servers, ledger);
            return result(workflowId, ledger, statuses, seconds);
        } finally {
            servers.forEach(McpStdioClient::close);
        }
    }

    private McpStdioClient start(Path stderr) throws IOException {
        ProcessBuilder builder = ServerLauncher.serve(workspace, List.of()).redirectError(stderr.toFile());
        builder.environment().put("CE_POOLS", plan.poolSlots(options.agentsPerPool()));
        return McpStdioClient.start(builder, CALL_TIMEOUT);
    }

    /** Runs every agent until the workflow is finished or the deadline passed; returns the seconds it took. */
    private double runAgents(String workflowId, List<McpStdioClient> servers, LoadLedger ledger)
            throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> agents = new ArrayList<>();
        int total = options.agents();
        for (int k = 0; k < total; k++) {
            String pool = plan.pools().get(k / options.agentsPerPool());
            String name = pool + "-" + (k % options.agentsPerPool() + 1);
            LoadAgent agent = new LoadAgent(name, pool, workflowId, servers.get(k * processes / total), plan, ledger,
                    stop, options.seed() * 1_000_003L + k, plan.abandonedClaims().get(k));
            agents.add(Thread.ofPlatform().name("load-" + name).unstarted(agent));
        }
        long started = System.nanoTime();
        agents.forEach(Thread::start);
        long deadline = started + options.deadline().toNanos();
        for (Thread agent : agents) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || !agent.join(Duration.ofNanos(left))) {
                break;
            }
        }
        if (agents.stream().anyMatch(Thread::isAlive)) {
            stop.set(true);
            ledger.violation(Check.DEADLINE, "the run did not finish within " + options.deadline().toSeconds()
                    + " s; its agents were stopped (the tasks left undone are listed under NOT_DONE)");
            for (Thread agent : agents) {
                agent.join(STOP_GRACE_MILLIS);
            }
        }
        return (System.nanoTime() - started) / 1e9;
    }

    private static JsonNode status(McpStdioClient server, String workflowId) {
        return Pages.fullStatus(server, workflowId);
    }

    /** Ends every session at once, then waits for the processes: each may take a moment to exit. */
    private static void closeAll(List<McpStdioClient> servers, LoadLedger ledger) {
        for (int i = 0; i < servers.size(); i++) {
            stdoutClean(servers.get(i), "server process " + (i + 1), ledger);
            servers.get(i).closeInput();
        }
        servers.forEach(McpStdioClient::close);
    }

    private static void stdoutClean(McpStdioClient server, String which, LoadLedger ledger) {
        server.protocolViolations().forEach(line -> ledger.violation(Check.STDOUT, which + " wrote to stdout: "
                + (line.length() > 200 ? line.substring(0, 200) + "..." : line)));
    }

    private LoadResult result(String workflowId, LoadLedger ledger, List<JsonNode> statuses,
                              double seconds) {
        AuditResult audit = LogAudit.audit(Workspace.open(workspace).eventsFile(workflowId), ledger.acknowledged(),
                ledger.abandonedClaims(), ledger.seenEvents());
        List<Violation> violations = new ArrayList<>(ledger.violations());
        violations.addAll(audit.violations());
        for (int i = 0; i < statuses.size(); i++) {
            String which = i < processes ? "server process " + (i + 1) : "a freshly started server";
            StatusCheck.difference(audit.replayed(), statuses.get(i)).ifPresent(difference ->
                    violations.add(new Violation(Check.STATUS, which + " differs from the replayed log at "
                            + difference)));
        }
        return new LoadResult(processes, options.agents(), plan, workflowId, audit, ledger.acknowledged().size(),
                ledger.latencies(), ledger.abandonedClaims().size(), ledger.lateReportsKept(),
                ledger.lateReportsRefused(), ledger.repeats(), ledger.seenEvents().size(), seconds, violations);
    }
}
