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
}
