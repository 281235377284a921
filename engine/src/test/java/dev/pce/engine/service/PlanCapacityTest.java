package dev.pce.engine.service;

import dev.pce.engine.CeException;
import dev.pce.engine.Limits;
import dev.pce.engine.model.TaskSpec;
import dev.pce.engine.testing.ServiceTestBase;
import dev.pce.engine.workflow.PlanCapacity;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static dev.pce.engine.ErrorCode.INVALID_PLAN;
import static dev.pce.engine.testing.Errors.thrown;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One plan call costs a bounded time, memory and log line: a plan (or the tasks added to a workflow) may hold up to
 * {@link Limits#MAX_PLAN_EDGES} relations and a plan event of {@link Limits#MAX_PLAN_PAYLOAD_BYTES}; one more is
 * refused with an error naming the bound, the value and the fix, and nothing is stored.
 */
class PlanCapacityTest extends ServiceTestBase {
    private static final int ROOTS = 100;

    @Test
    void aPlanWithAsManyRelationsAsTheBoundIsStored() {
        PlanResult plan = service.plan("at the bound", dependingOnRoots(Limits.MAX_PLAN_EDGES), "planner");

        assertThat(plan.edges()).hasSize(Limits.MAX_PLAN_EDGES);
        assertThat(service.status(plan.workflowId()).taskCount()).isEqualTo(plan.taskCount());
    }

    @Test
    void oneDeclaredDependencyMoreIsRefusedBeforeAnythingIsClassifiedOrStored() {
        CeException error = thrown(INVALID_PLAN,
                () -> service.plan("one over", dependingOnRoots(Limits.MAX_PLAN_EDGES + 1), "planner"));

        assertThat(error.getMessage()).contains("declares 300,001 dependencies", "more than the 300,000 relations a"
                + " plan may hold");
        assertThat(error.fix()).contains("Split the goal into several workflows", "declare only direct dependencies");
        assertNothingStored();
    }

    /** A megabyte of deep paths would have been gigabytes of facts for the rules: counted and refused first. */
    @Test
    void aPlanNamingMoreFilesAndDirectoriesThanItMayHoldIsRefused() {
        assertThat(PlanCapacity.references(List.of(TaskSpec.builder("a", "build").reads("src/api/Foo.java")
                .writes("src/api/", "README.md").produces("api").build()))).isEqualTo(3 + 2 + 1 + 1);
        String deep = "d/".repeat(99);
        List<TaskSpec> tasks = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            String[] paths = new String[10];
            for (int p = 0; p < paths.length; p++) {
                paths[p] = deep + "f" + i + "-" + p;
            }
            tasks.add(TaskSpec.builder("t" + i, "build").writes(paths).build());
        }
        tasks.add(TaskSpec.builder("one-more", "build").writes("x").build());

        CeException error = thrown(INVALID_PLAN, () -> service.plan("deep paths", tasks, "planner"));

        assertThat(error.getMessage()).contains("the plan's tasks name 1,000,001 files, directories and interfaces",
                "more than the 1,000,000 a plan may hold");
        assertThat(error.fix()).contains("name a directory instead of the files in it");
        assertNothingStored();
    }

    @Test
    void relationsTheClassifierDerivesCountTowardsTheBoundByClass() {
        // 776 tasks writing one file, none ordered: every pair shares it, 300,700 resource relations
        List<TaskSpec> writers = new ArrayList<>();
        for (int i = 0; i < 776; i++) {
            writers.add(TaskSpec.builder("w" + i, "build").writes("src/Shared.java").build());
        }

        CeException error = thrown(INVALID_PLAN, () -> service.plan("shared file", writers, "planner"));

        assertThat(error.getMessage()).contains("has 300,700 relations between its tasks (300,700 resource)",
                "more than the 300,000 a plan may hold");
        assertThat(error.fix()).contains("order the tasks that write the same file");
        assertNothingStored();
    }

    @Test
    void aPlanWhoseEventIsLargerThanThePlanEventBoundIsRefusedNamingItsSize() {
        String description = "d".repeat(Limits.MAX_TEXT_LENGTH);
        int fits = Limits.MAX_PLAN_PAYLOAD_BYTES / (Limits.MAX_TEXT_LENGTH + 300);
        assertThat(service.plan("fits", described(fits, description), "planner").taskCount()).isEqualTo(fits);
        int tooMany = Limits.MAX_PLAN_PAYLOAD_BYTES / Limits.MAX_TEXT_LENGTH + 1;

        CeException error = thrown(INVALID_PLAN, () -> service.plan("too big", described(tooMany, description),
                "planner"));

        assertThat(error.getMessage()).contains(String.format(Locale.ROOT,
                "the event recording its %,d tasks and 0 relations takes 120.", tooMany),
                "more than the 120.0 MiB (125,829,120 bytes) one plan event may hold");
        assertThat(error.fix()).contains("Split the goal", "shorten the descriptions");
        assertThat(service.list().workflows()).hasSize(1);
    }

    @Test
    void tasksAddedToAWorkflowMayNotTakeItPastTheWorkflowBound() {
        String id = service.plan("full", dependingOnRoots(Limits.MAX_PLAN_EDGES), "planner").workflowId();
        int room = Limits.MAX_WORKFLOW_EDGES - Limits.MAX_PLAN_EDGES;
        List<TaskSpec> fits = extraTasks("fix-", room / ROOTS);
        service.addTasks(id, fits, "gate failed", "gate-1", "gate");

        CeException error = thrown(INVALID_PLAN, () -> service.addTasks(id, extraTasks("more-", 1), "gate failed",
                "gate-2", "gate"));

        assertThat(error.getMessage()).contains("the workflow declares 375,100 dependencies",
                "more than the 375,000 relations a workflow may hold");
        assertThat(service.status(id).taskCount()).isEqualTo(ROOTS + Limits.MAX_PLAN_EDGES / ROOTS + fits.size());
    }

    /** {@value #ROOTS} roots and enough tasks depending on every root to declare {@code dependencies} in all. */
    private static List<TaskSpec> dependingOnRoots(int dependencies) {
        List<TaskSpec> tasks = new ArrayList<>();
        String[] roots = new String[ROOTS];
        for (int i = 0; i < ROOTS; i++) {
            roots[i] = "root-" + i;
            tasks.add(TaskSpec.builder(roots[i], "build").build());
        }
        for (int i = 0; i * ROOTS < dependencies; i++) {
            int count = Math.min(ROOTS, dependencies - i * ROOTS);
            tasks.add(TaskSpec.builder("t" + i, "build").dependsOn(Arrays.copyOf(roots, count)).build());
        }
        return tasks;
    }

    private static List<TaskSpec> extraTasks(String prefix, int count) {
        List<TaskSpec> tasks = new ArrayList<>();
        String[] roots = new String[ROOTS];
        for (int i = 0; i < ROOTS; i++) {
            roots[i] = "root-" + i;
        }
        for (int i = 0; i < count; i++) {
            tasks.add(TaskSpec.builder(prefix + i, "fix").dependsOn(roots).build());
        }
        return tasks;
    }

    private static List<TaskSpec> described(int count, String description) {
        List<TaskSpec> tasks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tasks.add(TaskSpec.builder("t" + i, "build").description(description).build());
        }
        return tasks;
    }

    private void assertNothingStored() {
        assertThat(service.list().workflows()).isEmpty();
        Path workflows = workspace.workflowsDir();
        if (Files.isDirectory(workflows)) {
            try (var entries = Files.list(workflows)) {
                assertThat(entries.toList()).as("no workflow directory, staged or not").isEmpty();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
