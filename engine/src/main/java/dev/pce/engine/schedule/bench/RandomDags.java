package dev.pce.engine.schedule.bench;

import dev.pce.engine.dependency.ClassifiedEdge;
import dev.pce.engine.model.EdgeClass;
import dev.pce.engine.model.Pools;
import dev.pce.engine.model.TaskSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

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
}
