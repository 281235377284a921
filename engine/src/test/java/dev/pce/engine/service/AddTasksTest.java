package dev.pce.engine.service;

import dev.pce.engine.event.TasksAdded;
import dev.pce.engine.model.TaskSpec;
import dev.pce.engine.model.TaskStatus;
import dev.pce.engine.testing.Plans;
import dev.pce.engine.testing.ServiceTestBase;
import dev.pce.engine.workflow.CompleteCommand;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static dev.pce.engine.ErrorCode.CONFLICT;
import static dev.pce.engine.ErrorCode.INVALID_PLAN;
import static dev.pce.engine.testing.Errors.assertError;
import static dev.pce.engine.testing.Plans.task;
import static org.assertj.core.api.Assertions.assertThat;

/** Tasks added to a running workflow (remediation, rework) behave like planned ones, in every process. */
class AddTasksTest extends ServiceTestBase {
    private String id;

    @BeforeEach
    void plan() {
        id = service.plan("ship", Plans.of(task("build"), task("review").kind("review").pool("")
                .dependsOn("build")), "planner").workflowId();
    }

    @Test
    void addedTasksJoinThePlanWithTheirRelationsAndSurviveARestart() {
        List<String> added = service.addTasks(id, Plans.of(task("fix-tests").dependsOn("build"),
                task("re-review").kind("review").pool("").dependsOn("fix-tests")), "tests failed", "gate-1", "gate");

        assertThat(added).containsExactly("fix-tests", "re-review");
        WorkflowStatus status = service.status(id);
        assertThat(status.taskCount()).isEqualTo(4);
        assertThat(status.tasks()).extracting(TaskView::id).containsExactly("build", "review", "fix-tests",
                "re-review");
        assertThat(status.tasks().get(3).pool()).isEqualTo("reviewers");
        assertThat(status.tasks().get(2).status()).isEqualTo(TaskStatus.WAITING);
        assertThat(status.schedule().orElseThrow().waves().toString()).contains("fix-tests", "re-review");

        ClaimResult build = service.claim(id, "builders", "b", Optional.of("build"), Duration.ofMinutes(5));
        service.complete(id, new CompleteCommand("build", build.task().orElseThrow().claimId(), "b", "done",
                List.of(), com.fasterxml.jackson.databind.node.NullNode.getInstance()));
        assertThat(service.status(id).tasks().get(2).status()).isEqualTo(TaskStatus.READY);

        try (WorkflowService restarted = new WorkflowService(workspace, clock)) {
            assertThat(restarted.status(id).tasks()).extracting(TaskView::id, TaskView::status).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("build", TaskStatus.DONE),
                    org.assertj.core.groups.Tuple.tuple("review", TaskStatus.READY),
                    org.assertj.core.groups.Tuple.tuple("fix-tests", TaskStatus.READY),
                    org.assertj.core.groups.Tuple.tuple("re-review", TaskStatus.WAITING));
        }
        assertThat(service.events(new EventQuery(id, 0, Set.of(TasksAdded.TYPE), Optional.empty(),
                Optional.empty(), 100)).events()).hasSize(1);
    }

    @Test
    void addingTheSameTasksAgainAddsNothing() {
        List<TaskSpec> fix = Plans.of(task("fix"));
        assertThat(service.addTasks(id, fix, "r", "gate-1", "gate")).containsExactly("fix");
        assertThat(service.addTasks(id, fix, "r", "gate-1", "gate")).isEmpty();
        assertThat(service.status(id).taskCount()).isEqualTo(3);
    }

    @Test
    void anIdTheWorkflowUsesOrACycleIsRefusedAndAddsNothing() {
        assertError(CONFLICT, () -> service.addTasks(id, Plans.of(task("fix"), task("build")), "r", "c", "gate"),
                "already has tasks build");
        assertError(INVALID_PLAN, () -> service.addTasks(id, Plans.of(task("fix").dependsOn("ghost")), "r", "c",
                "gate"), "ghost");
        assertThat(service.status(id).taskCount()).isEqualTo(2);
    }
}
