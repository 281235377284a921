package dev.pce.server.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pce.engine.Json;
import dev.pce.engine.event.NewEvent;
import dev.pce.engine.event.UnrecognizedPayload;
import dev.pce.engine.log.EventLog;
import dev.pce.engine.workspace.Workspace;
import dev.pce.server.client.McpStdioClient;
import dev.pce.server.client.McpStdioClient.ToolResponse;
import dev.pce.server.client.ServerLauncher;
import dev.pce.server.node.NodePackages;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import static dev.pce.server.bench.TimedCalls.requireSuccess;
import static dev.pce.server.bench.TimedCalls.timedCall;

/**
 * The performance figures of the foundation, measured as a user meets them: real server processes over real
 * stdio, real files with fsync. Prints a markdown report for docs/performance.md.
 */
public final class Bench {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String STARTUP_TARGET = "p50 <= 400";

    private final BenchOptions options;
    private final PrintWriter out;
    private final Path scratch;
    /** The side-by-side start-up lines, printed after the table; empty without a comparison. */
    private String startupComparison = "";

    public Bench(BenchOptions options, PrintWriter out) throws IOException {
        this.options = options;
        this.out = out;
        this.scratch = Files.createTempDirectory("pce-bench-");
    }

    /**
     * What to measure and how much. {@code launcher} is the ce script, to time start-up through it as well;
     * {@code startupAgainst} is the ce script of another build (an earlier checkout), whose starts are timed in the
     * same series, in turn with this build's; {@code startupReference} adds the reference Node.js MCP server
     * ({@link NodePackages#SERVER_MEMORY}) to that series; {@code startupOnly} leaves out latency and appends.
     */
    public record BenchOptions(int startupRuns, int tasks, int calls, int appends, int appendProcesses,
                               Optional<Path> launcher, Optional<Path> startupAgainst, boolean startupReference,
                               boolean startupOnly) {
    }

    /** One way of starting a server, timed from spawn to the answer to {@code initialize}, and its target. */
    private record Starter(String name, ProcessBuilder builder, String target) {
    }

    public void run() throws Exception {
        try {
            out.printf("## PCE benchmark%n%nJava %s, %d cores, %s %s%n%n", Runtime.version(),
                    Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
                    System.getProperty("os.arch"));
            out.printf("| measure | runs | min | p50 | p99 | max | target |%n|---|---|---|---|---|---|---|%n");
            out.flush();
            startup();
            if (!options.startupOnly()) {
                latency();
                appends();
            }
            out.print(startupComparison);
            out.flush();
        } finally {
            Workspace.deleteTree(scratch);
        }
    }

    /**
     * Times every way of starting in alternation, run by run, so a machine that speeds up or slows down during the
     * series affects all alike and their differences stay meaningful. Each comparison (an earlier build, the
     * reference server) also gets the run-by-run ratio of {@code ./ce serve} to it.
     */
    private void startup() throws IOException {
        Path workspace = scratch.resolve("ws-startup");
        List<Starter> starters = new ArrayList<>();
        starters.add(new Starter("java -jar", ServerLauncher.serve(workspace, List.of()), STARTUP_TARGET));
        Optional<Starter> ceServe = options.launcher()
                .map(launcher -> new Starter("./ce serve", script(launcher, workspace), STARTUP_TARGET));
        ceServe.ifPresent(starters::add);
        List<Starter> comparisons = new ArrayList<>();
        options.startupAgainst().ifPresent(other -> comparisons.add(
                new Starter(other + " serve", script(other, workspace), STARTUP_TARGET)));
        if (options.startupReference()) {
            comparisons.add(referenceServer());
        }
        starters.addAll(comparisons);
        Map<Starter, Samples> samples = new LinkedHashMap<>();
        Map<Starter, List<Double>> ratios = new LinkedHashMap<>();
        for (int run = 0; run <= options.startupRuns(); run++) {
            Map<Starter, Long> nanos = new HashMap<>();
            for (Starter starter : starters) {
                nanos.put(starter, timeStartup(starter.builder()));
            }
            if (run == 0) { // reads the programs from disk into the page cache: not a typical start
                continue;
            }
            nanos.forEach((starter, time) -> samples.computeIfAbsent(starter, any -> new Samples()).add(time));
            ceServe.ifPresent(ours -> comparisons.forEach(other -> ratios.computeIfAbsent(other,
                    any -> new ArrayList<>()).add((double) nanos.get(ours) / nanos.get(other))));
        }
        for (Starter starter : starters) {
            row("spawn -> initialize answer, " + starter.name() + " (ms)", samples.get(starter), starter.target());
        }
        StringBuilder comparison = new StringBuilder();
        ratios.forEach((other, values) -> {
            List<Double> sorted = values.stream().sorted().toList();
            comparison.append(String.format(Locale.ROOT, "%nStart-up of ./ce serve against %s, run by run: median "
                            + "ratio **%.3f** (min %.3f, max %.3f, %d pairs)%n", other.name(),
                    sorted.get((sorted.size() - 1) / 2), sorted.getFirst(), sorted.getLast(), sorted.size()));
        });
        startupComparison = comparison.toString();
    }

    private static ProcessBuilder script(Path script, Path workspace) {
        ProcessBuilder builder = new ProcessBuilder(script.toString(), "serve");
        builder.environment().put("CE_WORKSPACE", workspace.toString());
        return builder;
    }

    /**
     * The reference server as a user runs it once installed (its program, not {@code npx}, which adds its own
     * package resolution to every start), installed first if needed; its memory file in the scratch directory.
     */
    private Starter referenceServer() {
        Path prefix = NodePackages.install(NodePackages.SERVER_MEMORY);
        ProcessBuilder builder = new ProcessBuilder(NodePackages.bin(prefix, "mcp-server-memory").toString());
        builder.environment().put("MEMORY_FILE_PATH", scratch.resolve("memory.jsonl").toString());
        return new Starter("reference " + NodePackages.SERVER_MEMORY + " (Node.js " + nodeVersion() + ")", builder,
                "-");
    }

    private static String nodeVersion() {
        try {
            Process node = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            String version = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return node.waitFor() == 0 ? version : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    private long timeStartup(ProcessBuilder builder) throws IOException {
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        long started = System.nanoTime();
        try (McpStdioClient client = McpStdioClient.start(builder, TIMEOUT)) {
            client.initialize("pce-bench");
            return System.nanoTime() - started;
        }
    }

    private void latency() throws IOException {
        ProcessBuilder builder = ServerLauncher.serve(scratch.resolve("ws-latency"), List.of())
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        try (McpStdioClient client = McpStdioClient.start(builder, TIMEOUT)) {
            client.initialize("pce-bench");
            ToolResponse plan = requireSuccess(client.callTool("ce_plan", BenchPlans.layered(options.tasks(), 10)));
            String workflowId = plan.structured().path("workflow_id").asText();
            ObjectNode statusArgs = Json.mapper().createObjectNode().put("workflow_id", workflowId);
            for (int i = 0; i < options.calls() / 5; i++) {
                client.callTool("ce_status", statusArgs); // warm-up: JIT and caches, as in a running session
            }
            Samples status = new Samples();
            for (int i = 0; i < options.calls(); i++) {
                requireSuccess(timedCall(client, status, "ce_status", statusArgs));
            }
            Samples claims = new Samples();
            Samples completes = new Samples();
            workThrough(client, workflowId, claims, completes, Optional.empty());
            // a second workflow of the same shape: the status after every change (it is built anew each time)
            String second = requireSuccess(client.callTool("ce_plan", BenchPlans.layered(options.tasks(), 10)))
                    .structured().path("workflow_id").asText();
            Samples statusAfterChange = new Samples();
            workThrough(client, second, new Samples(), new Samples(), Optional.of(statusAfterChange));
            String suffix = " on " + options.tasks() + " tasks (ms)";
            row("ce_status round trip, digest and first page of tasks, unchanged workflow" + suffix, status,
                    "p50 <= 2, p99 <= 20");
            row("ce_status round trip, digest and first page of tasks, after each change" + suffix, statusAfterChange,
                    "p50 <= 2, p99 <= 20");
            row("ce_claim round trip" + suffix, claims, "p50 <= 2, p99 <= 20");
            row("ce_complete round trip" + suffix, completes, "-");
        }
    }

    /**
     * One agent claims and completes every task of the workflow, the round trips timed into {@code claims} and
     * {@code completes}; with {@code statusAfterChange}, it also reads the (changed) status after each completion.
     */
    private static void workThrough(McpStdioClient client, String workflowId, Samples claims, Samples completes,
                                    Optional<Samples> statusAfterChange) {
        ObjectNode statusArgs = Json.mapper().createObjectNode().put("workflow_id", workflowId);
        ObjectNode claimArgs = Json.mapper().createObjectNode().put("workflow_id", workflowId)
                .put("pool", "builders").put("agent", "bench-agent");
        while (true) {
            ToolResponse claim = requireSuccess(timedCall(client, claims, "ce_claim", claimArgs));
            if (!claim.structured().path("claimed").asBoolean()) {
                return;
            }
            JsonNode task = claim.structured().path("task");
            ObjectNode completeArgs = Json.mapper().createObjectNode().put("workflow_id", workflowId)
                    .put("task_id", task.path("spec").path("id").asText())
                    .put("claim_id", task.path("claim_id").asText()).put("agent", "bench-agent")
                    .put("summary", "done");
            requireSuccess(timedCall(client, completes, "ce_complete", completeArgs));
            if (statusAfterChange.isPresent()) {
                requireSuccess(timedCall(client, statusAfterChange.get(), "ce_status", statusArgs));
            }
        }
    }

    private void appends() throws Exception {
        Path file = scratch.resolve("appends.jsonl");
        EventLog.create(file);
        ObjectNode payload = Json.mapper().createObjectNode().put("bench", true);
        NewEvent event = new NewEvent("bench", new UnrecognizedPayload("bench.tick", payload));
        Samples latencies = new Samples();
        long started = System.nanoTime();
        try (EventLog log = EventLog.open(file, Clock.systemUTC())) {
            for (int i = 0; i < options.appends(); i++) {
                long one = System.nanoTime();
                log.locked((caughtUp, appender) -> appender.append(List.of(event)));
                latencies.add(System.nanoTime() - one);
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        row("event append, 1 writer, fsync each (ms)", latencies, "-");
        out.printf("%nEvent appends per second, one writer (each locked, written and fsynced): **%.0f/s**%n",
                options.appends() / seconds);
        out.printf("Event appends per second, %d writer processes on one log: **%.0f/s**%n",
                options.appendProcesses(), multiProcessAppendRate());
        out.flush();
    }

    /** Several JVMs append to one log; the rate counts from the first to the last acknowledgement. */
    private double multiProcessAppendRate() throws Exception {
        Path file = scratch.resolve("shared.jsonl");
        EventLog.create(file);
        int perProcess = options.appends() / options.appendProcesses();
        AtomicLong first = new AtomicLong(Long.MAX_VALUE);
        AtomicLong last = new AtomicLong();
        AtomicLong acks = new AtomicLong();
        List<Thread> readers = new ArrayList<>();
        List<Process> processes = new ArrayList<>();
        try {
            for (int p = 0; p < options.appendProcesses(); p++) {
                Process process = new ProcessBuilder(ServerLauncher.javaExecutable().toString(), "-cp",
                        ServerLauncher.jar().toString(), "dev.pce.engine.log.AppendWorker", file.toString(),
                        Integer.toString(perProcess), "writer-" + p)
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                processes.add(process);
                Thread reader = new Thread(() -> countAcks(process, first, last, acks));
                reader.start();
                readers.add(reader);
            }
            for (Thread reader : readers) {
                reader.join();
            }
        } finally {
            processes.forEach(Process::destroyForcibly);
        }
        if (acks.get() != (long) perProcess * options.appendProcesses()) {
            throw new IllegalStateException("only " + acks.get() + " appends were acknowledged");
        }
        return acks.get() / ((last.get() - first.get()) / 1e9);
    }

    private static void countAcks(Process process, AtomicLong first, AtomicLong last, AtomicLong acks) {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("ack ")) {
                    long now = System.nanoTime();
                    first.accumulateAndGet(now, Math::min);
                    last.accumulateAndGet(now, Math::max);
                    acks.incrementAndGet();
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void row(String measure, Samples samples, String target) {
        out.printf("| %s | %s | %s |%n", measure, samples.cells(), target);
        out.flush();
    }

    /** Generated plans for measurements. */
    static final class BenchPlans {
        private BenchPlans() {
        }

        /** {@code tasks} build tasks in {@code layers} layers; each depends on two tasks of the layer before. */
        static ObjectNode layered(int tasks, int layers) {
            ObjectNode plan = Json.mapper().createObjectNode().put("goal", "benchmark plan of " + tasks + " tasks");
            ArrayNode list = plan.putArray("tasks");
            int perLayer = Math.max(1, tasks / layers);
            for (int i = 0; i < tasks; i++) {
                ObjectNode task = list.addObject().put("id", "t" + i).put("title", "Task " + i).put("kind", "build")
                        .put("estimate", 10 + i % 50);
                task.putArray("writes").add("src/module" + (i % 97) + "/File" + i + ".java");
                int layerStart = (i / perLayer) * perLayer;
                if (layerStart > 0) {
                    ArrayNode deps = task.putArray("depends_on");
                    int first = layerStart - perLayer + (i % perLayer);
                    int second = layerStart - perLayer + ((i * 7 + 3) % perLayer);
                    deps.add("t" + first);
                    if (second != first) {
                        deps.add("t" + second);
                    }
                }
            }
            return plan;
        }
    }
}
