package dev.pce.server.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pce.engine.Json;
import dev.pce.engine.workspace.Workspace;
import dev.pce.server.client.McpStdioClient;
import dev.pce.server.client.McpStdioClient.ToolResponse;
import dev.pce.server.client.ServerLauncher;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Many large plans through one server, as a planner that splits its work meets it: for each plan size, a fresh
 * server gets a small plan (its rules compiled, its code warm), then {@code plans} plans of that size over stdio,
 * one after the other. Reports each call's round trip and what the server holds after the last one: its resident
 * memory, its peak, and the heap still in use after a full collection (what the finished plans left behind).
 */
public final class PlanSeriesBench {
    private static final Duration TIMEOUT = Duration.ofMinutes(10);
    private static final Duration IDLE = Duration.ofSeconds(3);

    private final List<Integer> sizes;
    private final int plans;
    private final List<String> serverOptions;
    private final PrintWriter out;

    /** @param serverOptions JVM options for the server on top of {@code ./ce serve}'s (a profiler, a heap bound) */
    public PlanSeriesBench(List<Integer> sizes, int plans, List<String> serverOptions, PrintWriter out) {
        this.sizes = sizes;
        this.plans = plans;
        this.serverOptions = serverOptions;
        this.out = out;
    }

    public void run() throws Exception {
        Path scratch = Files.createTempDirectory("pce-plan-series-");
        try {
            out.printf("## ce_plan, %d plans in one server%n%nJava %s, %d cores, %s %s; plans of features (a design, "
                            + "two builds writing files, a test, a review: %s)%n%n", plans, Runtime.version(),
                    Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
                    System.getProperty("os.arch"), "LimitPlans.features");
            out.println("| tasks | relations | request (MiB) | outcome | round trip first (s) | p50 (s) | max (s) "
                    + "| server CPU per call p50 (s) | server RSS after (MiB) | RSS after 3 s idle (MiB) | peak RSS (MiB) "
                    + "| heap in use after a full GC (MiB) |");
            out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
            out.flush();
            for (int size : sizes) {
                series(scratch.resolve("ws-" + size), size);
            }
        } finally {
            Workspace.deleteTree(scratch);
        }
    }

    private void series(Path workspace, int tasks) throws IOException, InterruptedException {
        Process process = ServerLauncher.serve(workspace, serverOptions).redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try (McpStdioClient client = McpStdioClient.connect(process.getInputStream(), process.getOutputStream(),
                TIMEOUT)) {
            client.initialize("pce-plan-series-bench");
            client.request("tools/list", Json.mapper().createObjectNode());
            client.toolResponse(client.requestLine("tools/call",
                    McpStdioClient.toolCall("ce_plan", LimitPlans.features(100))));
            Samples times = new Samples();
            Samples cpu = new Samples();
            long first = 0;
            String outcome = "stored";
            long requestBytes = 0;
            int relations = 0;
            for (int i = 0; i < plans; i++) {
                ObjectNode call = McpStdioClient.toolCall("ce_plan", LimitPlans.features(tasks));
                requestBytes = call.toString().getBytes(StandardCharsets.UTF_8).length;
                relations = LimitPlans.declared(call.path("arguments"));
                long cpuBefore = cpuNanos(process.pid());
                long started = System.nanoTime();
                String line = client.requestLine("tools/call", call);
                long nanos = System.nanoTime() - started;
                cpu.add(cpuNanos(process.pid()) - cpuBefore);
                ToolResponse response = client.toolResponse(line);
                if (response.isError()) {
                    outcome = "refused: " + response.text().substring(0, Math.min(120, response.text().length()));
                    times.add(nanos);
                    break;
                }
                if (i == 0) {
                    first = nanos;
                }
                times.add(nanos);
            }
            long rss = procStatus(process.pid(), "VmRSS:");
            // what the server keeps once idle: it gives back what its calls no longer need (HeapRelease)
            Thread.sleep(IDLE.toMillis());
            long idle = procStatus(process.pid(), "VmRSS:");
            long peak = procStatus(process.pid(), "VmHWM:");
            double heap = heapAfterFullGc(process.pid());
            out.printf(Locale.ROOT, "| %,d | %,d declared | %.1f | %s | %.2f | %.2f | %.2f | %.2f | %.0f | %.0f | %.0f "
                            + "| %.0f |%n", tasks, relations, requestBytes / 1048576.0, outcome, first / 1e9,
                    times.millis(50) / 1e3, times.millis(100) / 1e3, cpu.millis(50) / 1e3, rss / 1024.0,
                    idle / 1024.0, peak / 1024.0, heap);
            out.flush();
        } finally {
            process.getOutputStream().close();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    /**
     * The processor time the process has used, all its threads (user and system, /proc/pid/stat); 0 where /proc
     * does not tell. On a machine others share, this says what a call cost when its wall time says how long others
     * kept the cores.
     */
    private static long cpuNanos(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return ticks * 10_000_000L; // USER_HZ is 100 on Linux
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** A line of /proc/pid/status in KiB; 0 where /proc does not tell. */
    private static long procStatus(long pid, String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(key)) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux
        }
        return 0;
    }

    /** The server's heap in use after a full collection, in MiB, read with the JDK's jcmd; NaN without it. */
    private static double heapAfterFullGc(long pid) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (!Files.isExecutable(jcmd)) {
            return Double.NaN;
        }
        run(jcmd.toString(), Long.toString(pid), "GC.run");
        String info = run(jcmd.toString(), Long.toString(pid), "GC.heap_info");
        // Serial: "DefNew  total 116160K, used 58440K [...]" and "Tenured  total ..., used ..."
        double used = 0;
        Matcher m = Pattern.compile("(?m)^\\s*(?:DefNew|Tenured|[a-z ]*generation)\\s+total \\d+K, used (\\d+)K")
                .matcher(info);
        while (m.find()) {
            used += Long.parseLong(m.group(1));
        }
        return used / 1024.0;
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        return text;
    }
}
