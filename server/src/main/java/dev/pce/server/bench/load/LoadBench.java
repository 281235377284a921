package dev.pce.server.bench.load;

import dev.pce.engine.workspace.Workspace;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ce bench load}: one load run per process count asked for, each on its own fresh workspace, then the
 * report. The scratch directory is deleted when every check passed, and kept for inspection otherwise.
 */
public final class LoadBench {
    private final LoadOptions options;
    private final LoadPlan plan;
    private final PrintWriter out;
    private final PrintWriter err;

    /** @throws IllegalArgumentException when the plan for the options cannot be made (too many transitions) */
    public LoadBench(LoadOptions options, PrintWriter out, PrintWriter err) {
        this.options = options;
        this.plan = LoadPlan.generate(options.pools(), options.agents(), options.transitions(), options.seed());
        this.out = out;
        this.err = err;
    }

    /** Runs and reports; true when every check of every run passed. */
    public boolean run() throws Exception {
        Path scratch = Files.createTempDirectory("pce-load-");
        List<LoadResult> results = new ArrayList<>();
        for (int processes : options.processCounts()) {
            err.printf("ce bench load: %d agents x %d pools over %d server process(es), %,d transitions...%n",
                    options.agentsPerPool(), options.pools(), processes, options.transitions());
            err.flush();
            results.add(new LoadRun(options, plan, processes, scratch.resolve(processes + "-processes")).run());
        }
        new LoadReport(out).print(options, results);
        boolean passed = results.stream().allMatch(LoadResult::passed);
        if (passed) {
            Workspace.deleteTree(scratch);
        } else {
            err.printf("ce bench load: checks failed; the workspaces, event logs and server logs are kept in %s%n",
                    scratch);
            err.flush();
        }
        return passed;
    }
}
