package dev.pce.server.cli;

import dev.pce.engine.schedule.bench.ScheduleBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code ce bench schedule}: the scheduler's planning time and schedule quality (see docs/performance.md). */
@Command(name = "schedule", mixinStandardHelpOptions = true,
        description = "Measure schedule quality against baseline schedulers and the lower bound on generated families "
                + "(soft chains, shared files, layered, STG-style), planning time and makespan / lower bound on "
                + "generated DAGs of 100 to 100,000 tasks and on STG task-graph files, on 2/4/8/16 processors, and "
                + "the time saved on realistic plans.")
public final class ScheduleBenchCommand implements Callable<Integer> {

    @Option(names = "--runs", defaultValue = "7", description = "Timed runs per row (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--quality-only", description = "Only the schedule-quality table of the generated families "
            + "(and of the STG files given).")
    boolean qualityOnly;

    @Parameters(arity = "0..*", paramLabel = "STG", description = "STG files or directories of them to schedule too.")
    List<Path> stgFiles = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        List<String> args = new ArrayList<>(List.of("--runs", String.valueOf(runs)));
        if (qualityOnly) {
            args.add("--quality-only");
        }
        stgFiles.forEach(file -> args.add(file.toString()));
        ScheduleBench.main(args.toArray(String[]::new));
        return 0;
    }
}
