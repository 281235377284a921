package dev.pce.engine.schedule.bench;

import dev.pce.engine.dependency.ClassifiedEdge;
import dev.pce.engine.model.TaskSpec;
import dev.pce.engine.schedule.PoolSlots;
import dev.pce.engine.schedule.Schedule;
import dev.pce.engine.schedule.Scheduler;
import dev.pce.engine.schedule.StgReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The scheduler benchmark: schedule quality against baseline schedulers and the lower bound on generated families
 * ({@link FamilyBench}); planning time and makespan against the lower bound on generated layered DAGs of 100 to
 * 100,000 tasks and on Standard Task Graph Set files, on 2, 4, 8 and 16 processors; and the time saved on realistic
 * plans with the default pools. Prints markdown.
 *
 * <p>Usage: {@code java -cp server/target/pce.jar dev.pce.engine.schedule.bench.ScheduleBench [--runs N]
 * [--quality-only] [STG files or directories...]}
 */
public final class ScheduleBench {
    private static final int[] PROCESSORS = {2, 4, 8, 16};
    private static final int[] SIZES = {100, 1_000, 10_000, 100_000};

    private ScheduleBench() {
    }

    public static void main(String[] args) throws IOException {
        int runs = 7;
        boolean qualityOnly = false;
        List<Path> stgFiles = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--runs")) {
                runs = Integer.parseInt(args[++i]);
            } else if (args[i].equals("--quality-only")) {
                qualityOnly = true;
            } else {
                stgFiles.addAll(stgFiles(Path.of(args[i])));
            }
        }
        System.out.printf("Java %s, %d cores, %s %s%n%n", Runtime.version(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"), System.getProperty("os.arch"));
        FamilyBench.print(stgFiles);
        if (qualityOnly) {
            return;
        }
        System.out.println();
        System.out.println("| graph | tasks | P | planning min (ms) | planning median (ms) | makespan | lower bound "
                + "| makespan / bound |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (int size : SIZES) {
            RandomDags.Dag dag = RandomDags.layered(size, "processors", 42);
            for (int p : PROCESSORS) {
                row(dag.name(), dag.tasks(), dag.edges(), p, size >= 100_000 ? Math.min(runs, 3) : runs);
            }
        }
        for (Path file : stgFiles) {
            StgReader.StgGraph graph = StgReader.read(file);
            for (int p : PROCESSORS) {
                row(graph.name(), graph.tasks(), graph.edges(), p, runs);
            }
        }
        System.out.println();
        System.out.println("Realistic plans, default pools (planners 1, builders 3, reviewers 2):");
        System.out.println();
        System.out.println("| plan | tasks | sequential (min) | makespan (min) | speedup | time saved | lower bound |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (int features : new int[] {1, 2, 3, 5, 8}) {
            RandomDags.Dag dag = RandomDags.features(features, features);
            Schedule schedule = Scheduler.plan(dag.tasks(), dag.edges(), PoolSlots.defaults());
            System.out.printf(Locale.ROOT, "| %s | %d | %.0f | %.0f | %.2f | %.0f%% | %.0f |%n", dag.name(),
                    dag.tasks().size(), schedule.sequentialTime(), schedule.span(), schedule.speedup(),
                    100 * schedule.timeReduction(), schedule.lowerBound());
        }
    }

    private static void row(String name, List<TaskSpec> tasks, List<ClassifiedEdge> edges, int processors, int runs) {
        PoolSlots slots = PoolSlots.single("processors", processors);
        Schedule schedule = null;
        for (int i = 0; i < Math.max(1, runs / 2); i++) {
            schedule = Scheduler.plan(tasks, edges, slots); // warm-up
        }
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long begin = System.nanoTime();
            schedule = Scheduler.plan(tasks, edges, slots);
            millis[i] = (System.nanoTime() - begin) / 1e6;
        }
        Arrays.sort(millis);
        System.out.printf(Locale.ROOT, "| %s | %d | %d | %.2f | %.2f | %.0f | %.0f | %.4f |%n", name, tasks.size(),
                processors, millis[0], millis[runs / 2], schedule.span(), schedule.lowerBound(),
                schedule.boundRatio());
    }

    static List<Path> stgFiles(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try (Stream<Path> files = Files.list(path)) {
            return files.filter(file -> file.toString().endsWith(".stg")).sorted().toList();
        }
    }
}
