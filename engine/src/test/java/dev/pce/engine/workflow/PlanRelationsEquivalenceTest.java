package dev.pce.engine.workflow;

import dev.pce.engine.dependency.ClassifiedEdge;
import dev.pce.engine.model.EdgeClass;
import dev.pce.engine.model.TaskSpec;
import dev.pce.engine.schedule.PoolSlots;
import dev.pce.engine.schedule.Scheduler;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The relations held by task position answer what the map-per-relation version answered ({@link PlanRelationsBefore},
 * frozen): prerequisites, partners, dependents, waves and the topological order of every id, on random plans, also
 * ones whose edges name ids the plan does not have; and built from the positions the plan's scheduler resolved, they
 * are the same again.
 */
class PlanRelationsEquivalenceTest {
    private static final EdgeClass[] CLASSES = EdgeClass.values();

    @Test
    void answersAsTheRelationsByMapsDid() {
        for (long seed = 0; seed < 400; seed++) {
            Random random = new Random(seed);
            List<TaskSpec> tasks = tasks(random, random.nextInt(40));
            List<ClassifiedEdge> edges = edges(random, tasks, random.nextInt(4) == 0);
            assertSame(PlanRelations.of(tasks, edges), PlanRelationsBefore.of(tasks, edges), tasks, edges, seed);
        }
    }

    @Test
    void theSchedulersPositionsGiveTheSameRelations() {
        for (long seed = 0; seed < 200; seed++) {
            Random random = new Random(seed);
            List<TaskSpec> tasks = tasks(random, 1 + random.nextInt(60));
            List<ClassifiedEdge> edges = edges(random, tasks, false);
            Map<String, Integer> positions = new HashMap<>();
            for (int i = 0; i < tasks.size(); i++) {
                positions.put(tasks.get(i).id(), i);
            }
            Scheduler scheduler = new Scheduler(tasks, edges, PoolSlots.defaults(), Map.copyOf(positions));
            PlanRelations shared = PlanRelations.of(tasks, edges, scheduler.positions().orElseThrow());
            assertSame(shared, PlanRelationsBefore.of(tasks, edges), tasks, edges, seed);
            assertThat(scheduler.priorityOrder()).isEqualTo(new Scheduler(tasks, edges, PoolSlots.defaults())
                    .priorityOrder());
        }
    }

    private static void assertSame(PlanRelations now, PlanRelationsBefore before, List<TaskSpec> tasks,
                                   List<ClassifiedEdge> edges, long seed) {
        Set<String> ids = new LinkedHashSet<>();
        tasks.forEach(task -> ids.add(task.id()));
        edges.forEach(edge -> {
            ids.add(edge.from());
            ids.add(edge.to());
        });
        ids.add("not-named-anywhere");
        assertThat(now.topologicalOrder()).as("seed %d", seed).isEqualTo(before.topologicalOrder());
        assertThat(now.edges()).isEqualTo(before.edges());
        for (String id : ids) {
            assertThat(now.prerequisites(id)).as("seed %d, %s", seed, id).isEqualTo(before.prerequisites(id));
            assertThat(now.partners(id)).as("seed %d, %s", seed, id).isEqualTo(before.partners(id));
            assertThat(now.dependents(id)).as("seed %d, %s", seed, id).isEqualTo(before.dependents(id));
            assertThat(now.wave(id)).as("seed %d, %s", seed, id).isEqualTo(before.wave(id));
        }
    }

    private static List<TaskSpec> tasks(Random random, int size) {
        List<TaskSpec> tasks = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            tasks.add(TaskSpec.builder("t" + i, "build").estimate(1 + random.nextInt(60)).build());
        }
        return tasks;
    }

    /** Edges from earlier to later tasks in random order (no cycle), some named twice; unknown ids if asked. */
    private static List<ClassifiedEdge> edges(Random random, List<TaskSpec> tasks, boolean unknownIds) {
        List<ClassifiedEdge> edges = new ArrayList<>();
        for (int to = 1; to < tasks.size(); to++) {
            for (int from = Math.max(0, to - 8); from < to; from++) {
                if (random.nextInt(4) == 0) {
                    edges.add(edge(tasks.get(from).id(), tasks.get(to).id(), random));
                }
            }
        }
        if (unknownIds && !tasks.isEmpty()) {
            for (int i = 0; i < 3; i++) {
                String known = tasks.get(random.nextInt(tasks.size())).id();
                edges.add(random.nextBoolean() ? edge("ghost" + i, known, random) : edge(known, "ghost" + i, random));
            }
        }
        java.util.Collections.shuffle(edges, random);
        return edges;
    }

    private static ClassifiedEdge edge(String from, String to, Random random) {
        EdgeClass edgeClass = CLASSES[random.nextInt(CLASSES.length)];
        return new ClassifiedEdge(from, to, edgeClass, "test", "random",
                edgeClass == EdgeClass.RESOURCE ? "src/f" + random.nextInt(5) : "");
    }
}
