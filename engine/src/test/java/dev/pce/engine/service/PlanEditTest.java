package dev.pce.engine.service;

import com.fasterxml.jackson.databind.node.NullNode;
import dev.pce.engine.event.PlanEdited;
import dev.pce.engine.model.EdgeClass;
import dev.pce.engine.model.PlanEdit;
import dev.pce.engine.model.TaskSpec;
import dev.pce.engine.model.TaskStatus;
import dev.pce.engine.testing.Plans;
import dev.pce.engine.testing.ServiceTestBase;
import dev.pce.engine.workflow.CompleteCommand;
import dev.pce.engine.workspace.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static dev.pce.engine.ErrorCode.CONFLICT;
import static dev.pce.engine.ErrorCode.INVALID_PLAN;
import static dev.pce.engine.testing.Errors.assertError;
import static dev.pce.engine.testing.Plans.task;
import static org.assertj.core.api.Assertions.assertThat;

/** A running workflow's plan edited through the service, on real files: each kind of edit, refusals, replay. */
class PlanEditTest extends ServiceTestBase {
    private String id;

    @BeforeEach
    void plan() {
        id = service.plan("ship", Plans.of(task("a"), task("b").dependsOn("a"), task("c").dependsOn("b")),
                "planner").workflowId();
    }

    @Test
    void addedReestimatedAndRewiredTasksChangeTheLiveScheduleAndSurviveAReplayFromTheLog() throws Exception {
        double etaBefore = service.status(id).schedule().orElseThrow().etaMinutes();

        EditOutcome outcome = service.editPlan(id, "edit-1", List.of(
                new PlanEdit.AddTask(TaskSpec.builder("docs", "build").estimate(20).dependsOn("a").build()),
                new PlanEdit.Reestimate("c", 90),
                new PlanEdit.AddDependency("c", "docs", Optional.of(EdgeClass.HARD)),
                new PlanEdit.DropDependency("c", "b")), "scope grew", "lead");

        assertThat(outcome.recorded()).isTrue();
        assertThat(outcome.added()).containsExactly("docs");
        assertThat(outcome.changed()).containsExactly("c");
        assertThat(outcome.edits()).hasSize(4);
        assertThat(outcome.etaMinutes()).contains(30.0 + 20 + 90); // a, docs, c: c no longer waits for b
        assertThat(etaBefore).isEqualTo(90.0);
        WorkflowStatus status = service.status(id);
        assertThat(status.schedule().orElseThrow().etaMinutes()).isEqualTo(140.0);
        assertThat(byId(status).get("c").estimateMinutes()).isEqualTo(90.0);
        assertThat(service.priorityOrder(id).getFirst()).isEqualTo("a");

        complete("a");
        assertThat(statuses()).containsEntry("b", TaskStatus.READY).containsEntry("docs", TaskStatus.READY)
                .containsEntry("c", TaskStatus.WAITING);
        complete("docs");
        assertThat(statuses()).containsEntry("c", TaskStatus.READY); // no longer waits for b

        Map<String, TaskStatus> live = statuses();
        Files.deleteIfExists(workspace.workflowDir(id).resolve(Workspace.SNAPSHOT_FILE));
        try (WorkflowService replayed = new WorkflowService(workspace, clock)) {
            Map<String, TaskStatus> again = replayed.status(id).tasks().stream()
                    .collect(Collectors.toMap(TaskView::id, TaskView::status));
            assertThat(again).isEqualTo(live);
            assertThat(replayed.status(id).schedule().orElseThrow().etaMinutes())
                    .isEqualTo(service.status(id).schedule().orElseThrow().etaMinutes());
        }
        assertThat(service.events(new EventQuery(id, 0, Set.of(PlanEdited.TYPE), Optional.empty(),
                Optional.empty(), 100)).events()).hasSize(1);
    }

    @Test
    void aRemovedTasksDependentsWaitForItsPrerequisitesInstead() {
        EditOutcome outcome = service.editPlan(id, "drop-b", List.of(new PlanEdit.RemoveTask("b")), "not needed",
                "lead");

        assertThat(outcome.removed()).containsExactly("b");
        assertThat(service.plannedTasks(id)).extracting(TaskSpec::id).containsExactly("a", "c");
        assertThat(service.plannedTasks(id).get(1).dependsOn()).containsExactly("a");
        assertThat(statuses()).containsEntry("c", TaskStatus.WAITING);
        complete("a");
        assertThat(statuses()).containsEntry("c", TaskStatus.READY);
    }

    @Test
    void aSplitTasksSubtasksInheritItsPrerequisitesAndItsDependentsWaitForTheLastSubtasks() {
        EditOutcome outcome = service.editPlan(id, "split-b", List.of(new PlanEdit.SplitTask("b", List.of(
                TaskSpec.builder("b-schema", "").title("Schema").estimate(0).build(),
                TaskSpec.builder("b-api", "").title("API").estimate(0).dependsOn("b-schema").build(),
                TaskSpec.builder("b-docs", "").title("Docs").estimate(10).pool("").build()))),
                "too big for one session", "lead");

        assertThat(outcome.added()).containsExactly("b-schema", "b-api", "b-docs");
        assertThat(outcome.removed()).containsExactly("b");
        Map<String, TaskSpec> specs = service.plannedTasks(id).stream()
                .collect(Collectors.toMap(TaskSpec::id, Function.identity()));
        assertThat(service.plannedTasks(id)).extracting(TaskSpec::id)
                .containsExactly("a", "c", "b-schema", "b-api", "b-docs"); // new tasks join at the end
        assertThat(specs.get("b-schema").dependsOn()).containsExactly("a");
        assertThat(specs.get("b-api").dependsOn()).containsExactly("a", "b-schema");
        assertThat(specs.get("b-docs").dependsOn()).containsExactly("a");
        assertThat(specs.get("c").dependsOn()).containsExactly("b-api", "b-docs"); // the last subtasks
        assertThat(specs.get("b-schema").kind()).isEqualTo("build");
        assertThat(specs.get("b-schema").pool()).isEqualTo("builders");
        assertThat(specs.get("b-schema").estimateMinutes()).isEqualTo(10.0); // (30 - 10 given) shared by two
        assertThat(specs.get("b-docs").estimateMinutes()).isEqualTo(10.0);

        complete("a");
        assertThat(statuses()).containsEntry("b-schema", TaskStatus.READY).containsEntry("b-docs", TaskStatus.READY)
                .containsEntry("b-api", TaskStatus.WAITING).containsEntry("c", TaskStatus.WAITING);
    }

    @Test
    void doneAndClaimedTasksAreProtectedAndARefusedRequestChangesNothing() {
        complete("a");
        ClaimResult claim = service.claim(id, "builders", "builder-1", Optional.of("b"), Duration.ofMinutes(10));
        long events = service.status(id).lastSeq();

        assertError(CONFLICT, () -> service.editPlan(id, "e1", List.of(new PlanEdit.Reestimate("c", 45),
                new PlanEdit.RemoveTask("a")), "r", "lead"), "'a' is done");
        assertError(CONFLICT, () -> service.editPlan(id, "e2", List.of(new PlanEdit.SplitTask("b", List.of(
                TaskSpec.builder("b1", "build").build(), TaskSpec.builder("b2", "build").build()))), "r", "lead"),
                "'b' is held by builder-1 under claim " + claim.task().orElseThrow().claimId());
        assertThat(service.status(id).lastSeq()).isEqualTo(events);
        assertThat(byId(service.status(id)).get("c").estimateMinutes()).isEqualTo(30.0);

        clock.advance(Duration.ofMinutes(11)); // the lease ran out: the task is free to re-plan
        assertThat(service.editPlan(id, "e3", List.of(new PlanEdit.Reestimate("b", 45)), "r", "lead").changed())
                .containsExactly("b");
    }

    @Test
    void anEditThatBreaksThePlanIsRefusedAsAWhole() {
        long events = service.status(id).lastSeq();

        assertError(INVALID_PLAN, () -> service.editPlan(id, "cycle", List.of(new PlanEdit.Reestimate("b", 5),
                new PlanEdit.AddDependency("a", "c", Optional.empty())), "r", "lead"), "dependency cycle");
        assertError(INVALID_PLAN, () -> service.editPlan(id, "ghost", List.of(
                new PlanEdit.AddDependency("c", "ghost", Optional.empty()),
                new PlanEdit.RemoveTask("nobody")), "r", "lead"), "edits[0]", "no task 'ghost'", "edits[1]");
        assertError(INVALID_PLAN, () -> service.editPlan(id, "dangling", List.of(new PlanEdit.AddTask(
                TaskSpec.builder("x", "build").dependsOn("gone").build())), "r", "lead"), "unknown task 'gone'");
        assertError(INVALID_PLAN, () -> service.editPlan(id, "zero", List.of(new PlanEdit.Reestimate("c", -1)),
                "r", "lead"), "estimate must be more than 0");
        assertThat(service.status(id).lastSeq()).isEqualTo(events);
        assertThat(byId(service.status(id)).get("b").estimateMinutes()).isEqualTo(30.0);
    }

    @Test
    void theSameRequestAgainRecordsNothingAndTheSameIdWithOtherEditsIsRefused() {
        List<PlanEdit> edits = List.of(new PlanEdit.Reestimate("c", 60));
        assertThat(service.editPlan(id, "once", edits, "r", "lead").recorded()).isTrue();
        long events = service.status(id).lastSeq();

        EditOutcome again = service.editPlan(id, "once", edits, "r", "lead");

        assertThat(again.recorded()).isFalse();
        assertThat(again.changed()).containsExactly("c");
        assertThat(service.status(id).lastSeq()).isEqualTo(events);
        assertError(CONFLICT, () -> service.editPlan(id, "once", List.of(new PlanEdit.Reestimate("c", 61)), "r",
                "lead"), "recorded before with other edits");
        try (WorkflowService restarted = new WorkflowService(workspace, clock)) {
            assertThat(restarted.editPlan(id, "once", edits, "r", "lead").recorded()).isFalse();
        }
    }

    private void complete(String taskId) {
        ClaimResult claim = service.claim(id, "builders", "builder-2", Optional.of(taskId), Duration.ofMinutes(5));
        service.complete(id, new CompleteCommand(taskId, claim.task().orElseThrow().claimId(), "builder-2", "done",
                List.of(), NullNode.getInstance()));
    }

    private Map<String, TaskStatus> statuses() {
        return service.status(id).tasks().stream().collect(Collectors.toMap(TaskView::id, TaskView::status));
    }

    private static Map<String, TaskView> byId(WorkflowStatus status) {
        return status.tasks().stream().collect(Collectors.toMap(TaskView::id, Function.identity()));
    }
}
