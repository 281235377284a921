package dev.pce.engine.schedule;

import dev.pce.engine.dependency.ClassifiedEdge;
import dev.pce.engine.model.EdgeClass;
import dev.pce.engine.model.TaskSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Random plans for property tests: tasks in several pools, edges only from earlier to later tasks (no cycles). */
record RandomPlans(List<TaskSpec> tasks, List<ClassifiedEdge> edges) {
    private static final List<String> POOLS = List.of("planners", "builders", "reviewers", "ops");

    static RandomPlans generate(long seed, int size) {
        Random random = new Random(seed);
        List<TaskSpec> tasks = new ArrayList<>();
        List<ClassifiedEdge> edges = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            tasks.add(task("t" + i, random));
            for (int before = Math.max(0, i - 6); before < i; before++) {
                int roll = random.nextInt(10);
                if (roll < 2) {
                    edges.add(edge(tasks.get(before).id(), tasks.get(i).id(), EdgeClass.HARD));
                } else if (roll == 2) {
                    edges.add(edge(tasks.get(before).id(), tasks.get(i).id(), EdgeClass.SOFT));
                } else if (roll == 3) {
                    edges.add(edge(tasks.get(before).id(), tasks.get(i).id(), EdgeClass.RESOURCE));
                } else if (roll == 4) {
                    edges.add(edge(tasks.get(before).id(), tasks.get(i).id(), EdgeClass.FEEDBACK));
                }
            }
        }
        return new RandomPlans(tasks, edges);
    }

    static TaskSpec task(String id, Random random) {
        return TaskSpec.builder(id, "build").pool(POOLS.get(random.nextInt(POOLS.size())))
                .estimate(1 + random.nextInt(60)).build();
    }

    static ClassifiedEdge edge(String from, String to, EdgeClass edgeClass) {
        return new ClassifiedEdge(from, to, edgeClass, "test", "random", "");
    }
}
