package dev.pce.engine.service;

import com.fasterxml.jackson.databind.node.NullNode;
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

import static dev.pce.engine.testing.Plans.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A server that made many large plans holds only the most recently used in memory: the others unload once together
 * they pass the budget, and are read from their files again, unchanged, when next used.
 */
class LoadedWorkflowsTest extends ServiceTestBase {
    private static final Duration TTL = Duration.ofMinutes(15);

    @BeforeEach
    void smallBudget() {
        service.keepLoaded(5, Runnable::run);
    }

    private static List<TaskSpec> chain() {
        return Plans.of(task("a"), task("b").dependsOn("a"), task("c").dependsOn("b"));
    }

    @Test
    void workflowsUsedLongestAgoUnloadOnceTogetherTheyPassTheBudget() {
        String first = service.plan("first", chain(), "planner").workflowId();
        assertThat(service.holdsInMemory(first)).isTrue();

        String second = service.plan("second", chain(), "planner").workflowId();

        assertThat(service.holdsInMemory(first)).as("6 tasks held, 5 allowed: the older one goes").isFalse();
        assertThat(service.holdsInMemory(second)).isTrue();
    }

    @Test
    void anUnloadedWorkflowIsReadAgainWithEverythingThatHappenedToIt() {
        String first = service.plan("first", chain(), "planner").workflowId();
        String claimId = service.claim(first, "builders", "bob", Optional.empty(), TTL).task().orElseThrow()
                .claimId();
        service.complete(first, new CompleteCommand("a", claimId, "bob", "done: a", List.of(),
                NullNode.getInstance()));
        String held = service.claim(first, "builders", "eve", Optional.empty(), TTL).task().orElseThrow().claimId();
        service.plan("second", chain(), "planner");
        assertThat(service.holdsInMemory(first)).isFalse();

        WorkflowStatus status = service.status(first);

        assertThat(service.holdsInMemory(first)).as("used again: loaded again").isTrue();
        assertThat(status.tasks()).extracting(TaskView::id, TaskView::status).containsExactly(
                tuple("a", TaskStatus.DONE),
                tuple("b", TaskStatus.CLAIMED),
                tuple("c", TaskStatus.WAITING));
        service.complete(first, new CompleteCommand("b", held, "eve", "done: b", List.of(), NullNode.getInstance()));
        assertThat(service.claim(first, "builders", "bob", Optional.empty(), TTL).task().orElseThrow().spec().id())
                .isEqualTo("c");
    }
}
