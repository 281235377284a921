package dev.pce.server.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pce.engine.Json;
import dev.pce.engine.Limits;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * What one ce_plan call costs at PCE's bounds and on the shapes that once cost minutes and gigabytes: the round trip
 * over stdio, the server's peak resident memory, and the line the plan's event takes in the log. Each run has a
 * server of its own, so its peak is that call's.
 */
public final class PlanBench {
    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    private final int runs;
    private final PrintWriter out;

    public PlanBench(int runs, PrintWriter out) {
        this.runs = runs;
        this.out = out;
    }

    /** A plan to time, made afresh for each run (the arguments are large: not kept between shapes). */
    private record Shape(String name, Supplier<ObjectNode> plan) {
    }

    /** One call: its round trip, the server's peak memory, the event line, and how it ended. */
    private record Call(long nanos, long peakKiB, long lineBytes, String outcome) {
    }

    public void run() throws Exception {
        // the largest request one message carries; the plan event's own bound lies beyond it
        int descriptions = (Math.min(Limits.MAX_PLAN_PAYLOAD_BYTES, Json.MAX_MESSAGE_BYTES) - 1_000_000)
                / (Limits.MAX_TEXT_LENGTH + 300);
        List<Shape> shapes = List.of(
                new Shape(String.format(Locale.ROOT, "%,d tasks, %,d relations (both bounds)", Limits.MAX_TASKS,
                        Limits.MAX_PLAN_EDGES), () -> LimitPlans.relations(Limits.MAX_TASKS, Limits.MAX_PLAN_EDGES)),
                new Shape(String.format(Locale.ROOT, "%,d tasks, %,d relations (one over)", Limits.MAX_TASKS,
                        Limits.MAX_PLAN_EDGES + 1),
                        () -> LimitPlans.relations(Limits.MAX_TASKS, Limits.MAX_PLAN_EDGES + 1)),
                new Shape(String.format(Locale.ROOT, "%,d tasks with 64 KiB descriptions (a request near one message)",
                        descriptions), () -> LimitPlans.described(descriptions, Limits.MAX_TEXT_LENGTH)),
                new Shape("5,000 tasks x 50 dependencies", () -> LimitPlans.randomDependencies(5_000, 50, 1)),
                new Shape(String.format(Locale.ROOT, "%,d chained writers of one file", Limits.MAX_TASKS),
                        () -> LimitPlans.writers(Limits.MAX_TASKS, true)),
                new Shape("1,000 unordered writers of one file", () -> LimitPlans.writers(1_000, false)),
                new Shape("1,000 tasks x 10 files 100 directories deep", () -> LimitPlans.deepFiles(1_000, 10, 100)));
        Path scratch = Files.createTempDirectory("pce-plan-bench-");
        try {
            out.printf("## ce_plan at the bounds%n%nJava %s, %d cores, %s %s, %d runs each, a fresh server per run%n%n",
                    Runtime.version(), Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
                    System.getProperty("os.arch"), runs);
            out.println("| plan | outcome | request (MiB) | round trip p50 (s) | max (s) | server peak RSS p50 (MiB)"
                    + " | max (MiB) | event line (MiB) |");
            out.println("|---|---|---|---|---|---|---|---|");
            out.flush();
            int run = 0;
            for (Shape shape : shapes) {
                List<Call> calls = new ArrayList<>();
                long requestBytes = 0;
                for (int i = 0; i < runs; i++) {
                    ObjectNode plan = shape.plan().get();
                    requestBytes = plan.toString().getBytes(StandardCharsets.UTF_8).length;
                    calls.add(call(scratch.resolve("ws-" + run++), plan));
                }
                row(shape.name(), requestBytes, calls);
            }
        } finally {
            Workspace.deleteTree(scratch);
        }
    }

    private static Call call(Path workspace, ObjectNode plan) throws IOException, InterruptedException {
        Process process = ServerLauncher.serve(workspace, List.of()).redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try (McpStdioClient client = McpStdioClient.connect(process.getInputStream(), process.getOutputStream(),
                TIMEOUT)) {
            client.initialize("pce-plan-bench");
            long started = System.nanoTime();
            String line = client.requestLine("tools/call", McpStdioClient.toolCall("ce_plan", plan));
            long nanos = System.nanoTime() - started;
            long peak = peakResidentKiB(process.pid());
            ToolResponse response = client.toolResponse(line);
            String outcome = response.isError() ? "refused: " + firstClause(response.text()) : "stored";
            long lineBytes = response.isError() ? 0 : Files.size(Path.of(
                    response.structured().path("event_log").asText()));
            return new Call(nanos, peak, lineBytes, outcome);
        } finally {
            process.getOutputStream().close();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    /** The most memory the process has held so far (VmHWM); 0 where /proc does not tell. */
    static long peakResidentKiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux
        }
        return 0;
    }

    private static String firstClause(String error) {
        String message = error.replaceFirst("^ce_plan failed \\[[A-Z_]+\\]: Plan rejected: ", "");
        int end = message.indexOf(", more than");
        return end > 0 ? message.substring(0, end) : message.substring(0, Math.min(80, message.length()));
    }

    private void row(String name, long requestBytes, List<Call> calls) {
        List<Call> byTime = calls.stream().sorted((a, b) -> Long.compare(a.nanos(), b.nanos())).toList();
        List<Call> byPeak = calls.stream().sorted((a, b) -> Long.compare(a.peakKiB(), b.peakKiB())).toList();
        Call median = byTime.get((byTime.size() - 1) / 2);
        out.printf(Locale.ROOT, "| %s | %s | %.1f | %.2f | %.2f | %.0f | %.0f | %.1f |%n", name, median.outcome(),
                requestBytes / 1048576.0, median.nanos() / 1e9, byTime.getLast().nanos() / 1e9,
                byPeak.get((byPeak.size() - 1) / 2).peakKiB() / 1024.0, byPeak.getLast().peakKiB() / 1024.0,
                median.lineBytes() / 1048576.0);
        out.flush();
    }
}
