package dev.pce.engine.schedule.bench;

import dev.pce.engine.dependency.ClassifiedEdge;
import dev.pce.engine.model.EdgeClass;
import dev.pce.engine.model.Pools;
import dev.pce.engine.model.TaskSpec;
import dev.pce.engine.schedule.StgReader;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/** Seeded task graphs for the benchmark. */
public final class RandomDags {

    /** A generated plan. */
    public record Dag(String name, List<TaskSpec> tasks, List<ClassifiedEdge> edges) {
    }

    private RandomDags() {
    }

    /**
     * A layered random DAG: about sqrt(n) layers of about sqrt(n) tasks in one pool, estimates 1..60, each task after
     * the first layer with 1..3 hard prerequisites from the three layers before it.
     */
    public static Dag layered(int n, String pool, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int width = Math.max(4, (int) Math.sqrt(n));
        List<TaskSpec> tasks = new ArrayList<>(n);
        List<ClassifiedEdge> edges = new ArrayList<>(n * 2);
        for (int i = 0; i < n; i++) {
            tasks.add(TaskSpec.builder("t" + i, "build").pool(pool).estimate(1 + random.nextInt(60)).build());
            int layer = i / width;
            if (layer > 0) {
                int from = Math.max(0, (layer - 3) * width);
                int to = layer * width;
                int count = 1 + random.nextInt(3);
                for (int k = 0; k < count; k++) {
                    edges.add(new ClassifiedEdge("t" + random.nextInt(from, to), "t" + i, EdgeClass.HARD, "", "", ""));
                }
            }
        }
        return new Dag("layered " + n, tasks, edges);
    }

    /**
     * A realistic plan: {@code features} independent features, each a design (planners), 2-4 builds (builders),
     * a test task after the builds (builders) and a review (reviewers), with estimates in typical ranges.
     */
    public static Dag features(int features, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<TaskSpec> tasks = new ArrayList<>();
        List<ClassifiedEdge> edges = new ArrayList<>();
        for (int f = 0; f < features; f++) {
            String design = "f" + f + "-design";
            tasks.add(TaskSpec.builder(design, "design").pool(Pools.PLANNERS).estimate(random.nextInt(10, 31)).build());
            int builds = random.nextInt(2, 5);
            String test = "f" + f + "-test";
            for (int b = 0; b < builds; b++) {
                String build = "f" + f + "-build" + b;
                tasks.add(TaskSpec.builder(build, "build").pool(Pools.BUILDERS).estimate(random.nextInt(20, 61))
                        .build());
                edges.add(new ClassifiedEdge(design, build, EdgeClass.HARD, "", "", ""));
                edges.add(new ClassifiedEdge(build, test, EdgeClass.HARD, "", "", ""));
            }
            tasks.add(TaskSpec.builder(test, "test").pool(Pools.BUILDERS).estimate(random.nextInt(20, 41)).build());
            String review = "f" + f + "-review";
            tasks.add(TaskSpec.builder(review, "review").pool(Pools.REVIEWERS).estimate(random.nextInt(10, 26))
                    .build());
            edges.add(new ClassifiedEdge(test, review, EdgeClass.HARD, "", "", ""));
        }
        return new Dag(features + " features", tasks, edges);
    }

    /**
     * Chains with soft edges: chains of 2-5 tasks (estimates 5-60), each link soft with probability one half, else
     * hard, all in one pool; the pattern of the soft-edge reproduction, where a dependent may start on its
     * prerequisite's partial output and the slot it needs must be free then.
     */
    public static Dag softChains(int n, String pool, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<TaskSpec> tasks = new ArrayList<>(n);
        List<ClassifiedEdge> edges = new ArrayList<>();
        int left = 0;
        for (int i = 0; i < n; i++) {
            tasks.add(TaskSpec.builder("t" + i, "build").pool(pool).estimate(5 + random.nextInt(56)).build());
            if (left > 0) {
                edges.add(new ClassifiedEdge("t" + (i - 1), "t" + i,
                        random.nextBoolean() ? EdgeClass.SOFT : EdgeClass.HARD, "", "", ""));
                left--;
            } else {
                left = 1 + random.nextInt(4);
            }
        }
        return new Dag("soft chains " + n, tasks, edges);
    }

    /**
     * Shared files: a random DAG (each task 0-3 hard prerequisites among the ten before it, estimates 1-10) in one
     * pool, where about a third of the tasks write one of a few shared files; writers of a file that no path of
     * edges orders get a resource edge, as the classifier gives them. The pattern of the shared-files reproduction.
     */
    public static Dag sharedFiles(int n, String pool, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int files = Math.max(2, n / 15);
        List<TaskSpec> tasks = new ArrayList<>(n);
        List<ClassifiedEdge> edges = new ArrayList<>();
        List<BitSet> ancestors = new ArrayList<>(n);
        List<List<Integer>> writers = new ArrayList<>();
        for (int f = 0; f < files; f++) {
            writers.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            BitSet before = new BitSet(n);
            int prerequisites = i == 0 ? 0 : random.nextInt(4);
            for (int k = 0; k < prerequisites; k++) {
                int from = random.nextInt(Math.max(0, i - 10), i);
                if (!before.get(from)) {
                    edges.add(new ClassifiedEdge("t" + from, "t" + i, EdgeClass.HARD, "", "", ""));
                    before.set(from);
                    before.or(ancestors.get(from));
                }
            }
            ancestors.add(before);
            TaskSpec.Builder task = TaskSpec.builder("t" + i, "build").pool(pool).estimate(1 + random.nextInt(10));
            if (random.nextInt(3) == 0) {
                int file = random.nextInt(files);
                task.writes("src/shared/F" + file + ".java");
                for (int other : writers.get(file)) {
                    if (!before.get(other)) {
                        edges.add(new ClassifiedEdge("t" + other, "t" + i, EdgeClass.RESOURCE, "", "", ""));
                    }
                }
                writers.get(file).add(i);
            }
            tasks.add(task.build());
        }
        return new Dag("shared files " + n, tasks, edges);
    }

    /**
     * A random graph in the Standard Task Graph Set's text format, made the way its "layrprob" graphs are (tasks in
     * random layers, each edge from an earlier layer with a fixed probability, costs 1-10), read back through
     * {@link StgReader}.
     */
    public static Dag stg(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] layer = new int[n + 2];
        int layers = Math.max(2, (int) Math.sqrt(n));
        for (int i = 1; i <= n; i++) {
            layer[i] = random.nextInt(layers);
        }
        // STG ids are in topological order: sort the tasks by layer
        int[] sorted = IntStream.rangeClosed(1, n).boxed()
                .sorted(Comparator.comparingInt(i -> layer[i])).mapToInt(Integer::intValue).toArray();
        StringBuilder text = new StringBuilder().append(n).append('\n').append("0 0 0\n");
        for (int id = 1; id <= n; id++) {
            List<Integer> predecessors = new ArrayList<>();
            for (int before = 1; before < id; before++) {
                if (layer[sorted[before - 1]] < layer[sorted[id - 1]] && random.nextDouble() < 2.0 / layers) {
                    predecessors.add(before);
                }
            }
            if (predecessors.isEmpty()) {
                predecessors.add(0);
            }
            text.append(id).append(' ').append(1 + random.nextInt(10)).append(' ').append(predecessors.size());
            predecessors.forEach(before -> text.append(' ').append(before));
            text.append('\n');
        }
        text.append(n + 1).append(" 0 ").append(n);
        for (int id = 1; id <= n; id++) {
            text.append(' ').append(id);
        }
        text.append('\n');
        StgReader.StgGraph graph = StgReader.parse("stg-style " + n, text.toString());
        return new Dag(graph.name(), graph.tasks(), graph.edges());
    }
}
