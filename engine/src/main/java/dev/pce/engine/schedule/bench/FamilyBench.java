package dev.pce.engine.schedule.bench;

import dev.pce.engine.dependency.ClassifiedEdge;
import dev.pce.engine.model.TaskSpec;
import dev.pce.engine.schedule.PoolSlots;
import dev.pce.engine.schedule.Scheduler;
import dev.pce.engine.schedule.SchedulerComparison;
import dev.pce.engine.schedule.StgReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Schedule quality where dependency classes bind: per generated family and processor count, PCE's scheduler and
 * plain critical-path list scheduling (what PCE did before it searched serial schedules as well), each against the
 * best of the baseline schedulers ({@link SchedulerComparison}) and against the lower bound that counts file
 * exclusion. Ratios are averaged over {@link #SEEDS} seeds; the worst case is shown too. Also the planning time of
 * PCE's scheduler (median, whole plan, by estimates).
 */
final class FamilyBench {
    static final int SEEDS = 20;
    private static final int[] PROCESSORS = {2, 4, 8};

    private record Family(String name, int size, Function<Long, RandomDags.Dag> generate) {
    }

    private FamilyBench() {
    }

    static void print(List<Path> stgFiles) {
        List<Family> families = new ArrayList<>();
        for (int size : new int[] {30, 200}) {
            families.add(new Family("soft chains", size, seed -> RandomDags.softChains(size, StgReader.POOL, seed)));
            families.add(new Family("shared files", size, seed -> RandomDags.sharedFiles(size, StgReader.POOL, seed)));
            families.add(new Family("layered", size, seed -> RandomDags.layered(size, StgReader.POOL, seed)));
            families.add(new Family("stg-style", size, seed -> RandomDags.stg(size, seed)));
        }
        System.out.println("Schedule quality by family (mean over " + SEEDS + " seeds; worst in brackets):");
        System.out.println();
        System.out.println("| family | tasks | P | PCE / best baseline | critical-path list / best baseline "
                + "| PCE / bound | critical-path list / bound | PCE planning median (ms) |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (Family family : families) {
            for (int p : PROCESSORS) {
                List<RandomDags.Dag> dags = new ArrayList<>();
                for (long seed = 1; seed <= SEEDS; seed++) {
                    dags.add(family.generate().apply(seed));
                }
                row(family.name(), family.size(), p, dags);
            }
        }
        for (Path path : stgFiles) {
            for (Path file : uncheckedFiles(path)) {
                StgReader.StgGraph graph = StgReader.read(file);
                for (int p : PROCESSORS) {
                    row(graph.name(), graph.tasks().size(), p,
                            List.of(new RandomDags.Dag(graph.name(), graph.tasks(), graph.edges())));
                }
            }
        }
        System.out.println();
        System.out.println("Baselines: " + String.join(", ", SchedulerComparison.CRITICAL_PATH,
                SchedulerComparison.PLAN_ORDER, SchedulerComparison.LONGEST_FIRST, SchedulerComparison.RANDOM)
                + "; the bound is max(critical path, work / slots, file exclusion).");
    }

    private static void row(String family, int size, int processors, List<RandomDags.Dag> dags) {
        PoolSlots slots = PoolSlots.single(StgReader.POOL, processors);
        Ratio pceToBaseline = new Ratio();
        Ratio listToBaseline = new Ratio();
        Ratio pceToBound = new Ratio();
        Ratio listToBound = new Ratio();
        double[] millis = new double[dags.size()];
        for (int i = 0; i < dags.size(); i++) {
            RandomDags.Dag dag = dags.get(i);
            SchedulerComparison.Result result = SchedulerComparison.of(dag.tasks(), dag.edges(), slots);
            double pce = result.makespans().get(SchedulerComparison.PCE);
            double list = result.makespans().get(SchedulerComparison.CRITICAL_PATH);
            double bound = result.schedule().lowerBound();
            pceToBaseline.add(pce / result.bestBaseline());
            listToBaseline.add(list / result.bestBaseline());
            pceToBound.add(bound == 0 ? 1 : pce / bound);
            listToBound.add(bound == 0 ? 1 : list / bound);
            millis[i] = planningMillis(dag.tasks(), dag.edges(), slots);
        }
        Arrays.sort(millis);
        System.out.printf(Locale.ROOT, "| %s | %d | %d | %s | %s | %s | %s | %.2f |%n", family, size, processors,
                pceToBaseline, listToBaseline, pceToBound, listToBound, millis[millis.length / 2]);
    }

    private static double planningMillis(List<TaskSpec> tasks, List<ClassifiedEdge> edges, PoolSlots slots) {
        Scheduler.plan(tasks, edges, slots); // warm-up
        long begin = System.nanoTime();
        Scheduler.plan(tasks, edges, slots);
        return (System.nanoTime() - begin) / 1e6;
    }

    private static List<Path> uncheckedFiles(Path path) {
        try {
            return ScheduleBench.stgFiles(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Mean and worst (largest) of ratios. */
    private static final class Ratio {
        private double sum;
        private double worst;
        private int count;

        void add(double ratio) {
            sum += ratio;
            worst = Math.max(worst, ratio);
            count++;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.4f (%.4f)", sum / count, worst);
        }
    }
}
