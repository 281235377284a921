package dev.pce.server.bench.crash;

import dev.pce.engine.workspace.Workspace;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code ce bench crash}: a crash run at the size asked for, then its report as markdown. The scratch directory
 * (workspace, log, each process's stderr) is deleted when nothing was lost, and kept for inspection otherwise.
 */
public final class CrashBench {
    private static final int SHOWN = 20;

    private final CrashOptions options;
    private final PrintWriter out;
    private final PrintWriter err;

    public CrashBench(CrashOptions options, PrintWriter out, PrintWriter err) {
        this.options = options;
        this.out = out;
        this.err = err;
    }

    /** Runs and reports; true when nothing acknowledged was lost and nothing else went wrong. */
    public boolean run() throws Exception {
        Path scratch = Files.createTempDirectory("pce-crash-");
        err.printf("ce bench crash: %,d kills: %d appenders per wave, %d servers (%d agents each) every %d waves%n",
                options.kills(), options.appendersPerWave(), options.serversPerWave(), options.agentsPerServer(),
                options.serverWaveEvery());
        err.flush();
        CrashResult result = new CrashRun(options, scratch, err).run();
        print(result);
        if (result.passed()) {
            Workspace.deleteTree(scratch);
        } else {
            err.printf("ce bench crash: checks failed; the workspace and each process's stderr are kept in %s%n",
                    scratch);
            err.flush();
        }
        return result.passed();
    }

    private void print(CrashResult result) {
        out.printf(Locale.ROOT, "## Crash run: kill -9 while appending%n%nJava %s, %d cores, %s%n%n",
                Runtime.version(), Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"));
        out.println("| measure | value |");
        out.println("|---|---|");
        result.kills().forEach((kind, count) -> out.printf(Locale.ROOT, "| processes killed: %s | %,d |%n", kind,
                count));
        result.acknowledged().forEach((kind, count) -> out.printf(Locale.ROOT,
                "| acknowledgements checked: %s | %,d |%n", kind, count));
        out.printf(Locale.ROOT, "| waves | %,d |%n", result.waves());
        out.printf(Locale.ROOT, "| events in the log | %,d |%n", result.events());
        out.printf(Locale.ROOT, "| half-written lines cut by the next writer | %,d |%n", result.tornTailsCut());
        out.printf(Locale.ROOT, "| acknowledged but lost | **%,d** |%n", result.lost().size());
        out.printf(Locale.ROOT, "| other problems | **%,d** |%n", result.problems().size());
        out.printf(Locale.ROOT, "| time | %.0f s |%n", result.elapsed().toMillis() / 1000.0);
        result.lost().stream().limit(SHOWN).forEach(line -> out.println("- lost: " + line));
        result.problems().stream().limit(SHOWN).forEach(line -> out.println("- problem: " + line));
        out.flush();
    }
}
