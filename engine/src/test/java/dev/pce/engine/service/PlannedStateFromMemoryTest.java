package dev.pce.engine.service;

import dev.pce.engine.model.TaskSpec;
import dev.pce.engine.testing.Plans;
import dev.pce.engine.testing.ServiceTestBase;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.pce.engine.testing.Plans.task;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server that plans a workflow builds its state from the plan it holds, without reading back the event it wrote
 * (a 100,000-task plan's is 50 MB): that state must be the one every other reader folds from the log.
 */
class PlannedStateFromMemoryTest extends ServiceTestBase {

    @Test
    void theStateBuiltFromThePlanInMemoryIsTheStateReadFromTheLog() {
        List<TaskSpec> tasks = Plans.of(task("design").kind("design"), task("api").writes("src/api.ts")
                        .dependsOn("design"), task("ui").writes("src/api.ts").dependsOn("design"),
                task("review").kind("review").dependsOn("api", "ui"));
        String id = service.plan("goal", tasks, "planner").workflowId();
        WorkflowStatus fromMemory = service.status(id);
        List<String> orderFromMemory = service.priorityOrder(id);
        List<TaskSpec> specsFromMemory = service.plannedTasks(id);

        try (WorkflowService reader = new WorkflowService(workspace, clock)) {
            assertThat(reader.status(id)).isEqualTo(fromMemory);
            assertThat(reader.priorityOrder(id)).isEqualTo(orderFromMemory);
            assertThat(reader.plannedTasks(id)).isEqualTo(specsFromMemory);
        }
    }
}
