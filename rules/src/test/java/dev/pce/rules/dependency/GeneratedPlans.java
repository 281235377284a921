package dev.pce.rules.dependency;

import dev.pce.engine.model.EdgeClass;
import dev.pce.engine.model.TaskSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Large plans shaped like real ones, from a seed: builds in modules, designs, reviews, shared index files,
 * interfaces produced and consumed, reads of earlier output, declared hard and soft dependencies.
 */
final class GeneratedPlans {

    private GeneratedPlans() {
    }

    static List<TaskSpec> plan(int size, long seed) {
        Random random = new Random(seed);
        List<TaskSpec> tasks = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            String id = "t" + i;
            String module = "src/mod" + (i % 200) + "/";
            TaskSpec.Builder task;
            if (i % 10 == 0) {
                task = TaskSpec.builder(id, "design").writes("docs/design/" + id + ".md");
            } else if (i % 5 == 4) {
                task = TaskSpec.builder(id, "review").dependsOn("t" + (i - 1));
            } else {
                task = TaskSpec.builder(id, "build").writes(module + "F" + i + ".java");
                if (i % 7 == 0) {
                    task.writes("src/mod" + (i % 50) + "/Index.java");
                }
                if (i > 20) {
                    task.reads("src/mod" + ((i - 11) % 200) + "/F" + (i - 11) + ".java");
                    int earlier = random.nextInt(i);
                    if (earlier % 5 != 4) {
                        task.dependsOn("t" + earlier, random.nextBoolean() ? EdgeClass.SOFT : EdgeClass.HARD);
                    }
                }
            }
            if (i % 4 == 1) {
                task.produces("api-" + i);
            }
            if (i % 4 == 3 && i > 10) {
                task.consumes("api-" + (i - 2 - 4 * random.nextInt(Math.min(i / 4, 5))));
            }
            if (i % 97 == 0) {
                task.consumes("external-" + i);
            }
            tasks.add(task.build());
        }
        return tasks;
    }

    /**
     * A plan of about {@code size} tasks in features of five, as {@code ce bench plan} sends them: a design, two builds
     * that depend on it and each write a file of their own, a test of both writing its own file, and a review of the
     * test; every tenth feature's design waits for the review of the feature before. No reads, no interfaces: most
     * relations are plain declared dependencies.
     */
    static List<TaskSpec> features(int size) {
        List<TaskSpec> tasks = new ArrayList<>(size);
        for (int f = 0; tasks.size() < size; f++) {
            String p = "f" + f + "-";
            TaskSpec.Builder design = TaskSpec.builder(p + "design", "design").estimate(15).writes("docs/f" + f + ".md");
            if (f % 10 != 0) {
                design.dependsOn("f" + (f - 1) + "-review");
            }
            tasks.add(design.build());
            for (int b = 0; b < 2 && tasks.size() < size; b++) {
                tasks.add(TaskSpec.builder(p + "build" + b, "implement").estimate(30).dependsOn(p + "design")
                        .writes("src/f" + f + "/Part" + b + ".java").build());
            }
            if (tasks.size() + 2 > size) {
                break;
            }
            tasks.add(TaskSpec.builder(p + "test", "test").estimate(20).dependsOn(p + "build0", p + "build1")
                    .writes("src/f" + f + "/FeatureTest.java").build());
            tasks.add(TaskSpec.builder(p + "review", "review").estimate(10).dependsOn(p + "test").build());
        }
        return tasks;
    }

    /**
     * A small plan of random shape from a seed: every kind of relation the rules decide (declared types, reads and
     * writes of files and directories, interfaces produced and consumed, reviews), and now and then one they refuse
     * (two producers of an interface, a declared resource type, interfaces that order tasks in a cycle).
     */
    static List<TaskSpec> random(Random random) {
        List<String> paths = List.of("f", "src/", "src/A.java", "src/B.java", "src/api/", "src/api/C.java",
                "docs/guide.md");
        List<String> kinds = List.of("build", "build", "test", "review", "design");
        int size = 3 + random.nextInt(12);
        List<TaskSpec> tasks = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            TaskSpec.Builder task = TaskSpec.builder("t" + i, kinds.get(random.nextInt(kinds.size())));
            for (int j = 0; j < i; j++) {
                if (random.nextInt(4) == 0) {
                    switch (random.nextInt(8)) {
                        case 0, 1, 2 -> task.dependsOn("t" + j);
                        case 3, 4 -> task.dependsOn("t" + j, EdgeClass.HARD);
                        case 5, 6 -> task.dependsOn("t" + j, EdgeClass.SOFT);
                        default -> task.dependsOn("t" + j, random.nextInt(10) == 0 ? EdgeClass.RESOURCE : EdgeClass.SOFT);
                    }
                }
            }
            for (int w = random.nextInt(3); w > 0; w--) {
                task.writes(paths.get(random.nextInt(paths.size())));
            }
            for (int r = random.nextInt(3); r > 0; r--) {
                task.reads(paths.get(random.nextInt(paths.size())));
            }
            if (random.nextInt(4) == 0) {
                task.produces("api-" + random.nextInt(size));
            }
            if (random.nextInt(3) == 0) {
                task.consumes("api-" + random.nextInt(size + 2));
            }
            tasks.add(task.build());
        }
        return tasks;
    }
}
