package dev.pce.engine.service;

import dev.pce.engine.Cancellation;
import dev.pce.engine.dependency.ClassifiedEdge;
import dev.pce.engine.model.EdgeClass;
import dev.pce.engine.model.TaskSpec;
import dev.pce.engine.schedule.PoolSlots;
import dev.pce.engine.testing.ServiceTestBase;
import dev.pce.engine.workflow.CompleteCommand;
import com.fasterxml.jackson.databind.node.NullNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new plan's scheduler is built once and shared: its schedule, the new state's priorities and relations (from the
 * scheduler's positions) and the live schedule. On random plans (hard, soft, resource and feedback edges, several
 * pools, recommended pool sizes or the configured ones) the planning service's status and priority order, before and
 * after claims and completions, are the ones of a reader that folded the plan from the log, building everything
 * anew, and then followed the same events.
 */
class SharedPlanSchedulerTest extends ServiceTestBase {
    private static final List<String> POOLS = List.of("planners", "builders", "reviewers", "ops");
    private static final EdgeClass[] CLASSES = EdgeClass.values();

    @Test
    void theSharedSchedulerGivesWhatBuildingAnewGives() {
        for (long seed = 0; seed < 40; seed++) {
            Random random = new Random(seed);
            int size = seed == 0 ? 1_200 : 2 + random.nextInt(60); // one above the schedule search's serial limit
            List<TaskSpec> tasks = tasks(random, size);
            List<ClassifiedEdge> edges = edges(random, tasks);
            PoolChoice pools = random.nextBoolean() ? PoolChoice.CONFIGURED
                    : (planned, relations, estimates, configured) -> configured.with("builders", 1 + size % 4);
            PlanResult plan = service.plan("goal " + seed, tasks, "planner", Map.of(), Cancellation.none(), pools,
                    Optional.of(edges));
            String id = plan.workflowId();
            try (WorkflowService fresh = new WorkflowService(workspace, clock)) {
                // a reader that folds the plan from the log, building its state and live schedule anew, then
                // follows the same events
                assertSame(id, fresh, seed);
                for (int step = 0; step < 6; step++) {
                    String pool = POOLS.get(random.nextInt(POOLS.size()));
                    ClaimResult claim = service.claim(id, pool, "agent-" + step, Optional.empty(),
                            Duration.ofHours(1));
                    clock.advance(Duration.ofMinutes(1 + random.nextInt(30)));
                    if (claim.claimed() && random.nextBoolean()) {
                        service.complete(id, new CompleteCommand(claim.task().orElseThrow().spec().id(),
                                claim.task().orElseThrow().claimId(), "agent-" + step, "done", List.of(),
                                NullNode.getInstance()));
                    }
                    assertSame(id, fresh, seed);
                }
            }
        }
    }

    private void assertSame(String id, WorkflowService fresh, long seed) {
        assertThat(service.status(id)).as("seed %d", seed).isEqualTo(fresh.status(id));
        assertThat(service.priorityOrder(id)).as("seed %d", seed).isEqualTo(fresh.priorityOrder(id));
    }

    private static List<TaskSpec> tasks(Random random, int size) {
        List<TaskSpec> tasks = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            TaskSpec.Builder task = TaskSpec.builder("t" + i, "build").pool(POOLS.get(random.nextInt(POOLS.size())))
                    .estimate(1 + random.nextInt(90));
            if (random.nextInt(3) == 0) {
                task.writes("src/f" + random.nextInt(6));
            }
            tasks.add(task.build());
        }
        return tasks;
    }

    /** Edges from earlier to later tasks only: no cycle. */
    private static List<ClassifiedEdge> edges(Random random, List<TaskSpec> tasks) {
        List<ClassifiedEdge> edges = new ArrayList<>();
        for (int to = 1; to < tasks.size(); to++) {
            for (int from = Math.max(0, to - 6); from < to; from++) {
                if (random.nextInt(4) == 0) {
                    EdgeClass edgeClass = CLASSES[random.nextInt(CLASSES.length)];
                    edges.add(new ClassifiedEdge(tasks.get(from).id(), tasks.get(to).id(), edgeClass, "test",
                            "random", edgeClass == EdgeClass.RESOURCE ? "src/shared" : ""));
                }
            }
        }
        return edges;
    }
}
