package dev.pce.rules.dependency;

import com.fasterxml.jackson.databind.node.NullNode;
import dev.pce.engine.model.EdgeClass;
import dev.pce.engine.model.TaskSpec;
import dev.pce.engine.model.TaskStatus;
import dev.pce.engine.schedule.PoolSlots;
import dev.pce.engine.service.ClaimResult;
import dev.pce.engine.service.TaskView;
import dev.pce.engine.service.WorkflowService;
import dev.pce.engine.workflow.CompleteCommand;
import dev.pce.engine.workflow.ProgressCommand;
import dev.pce.engine.workspace.Workspace;
import dev.pce.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The case of issue 19: a soft dependent that writes its prerequisite's file, through the real rules and the real
 * engine. A partial output lets a soft dependent start while its prerequisite still runs, so a soft edge does not
 * keep two writers apart; the rules add a resource edge, and the dependent waits for the claim to end.
 */
class ResourceExclusionTest {
    private static final Duration TTL = Duration.ofMinutes(30);

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.standard();
    private WorkflowService service;

    @BeforeEach
    void openService() {
        service = new WorkflowService(Workspace.open(dir.resolve(".ce-workspace")), clock,
                new DroolsDependencyClassifier(), PoolSlots.defaults());
    }

    @AfterEach
    void closeService() {
        service.close();
    }

    @Test
    void aSoftDependentWritingItsPrerequisitesFileIsNotClaimableWhileThePrerequisiteHoldsItsClaim() {
        String id = service.plan("one file, two writers", List.of(
                TaskSpec.builder("a", "build").writes("src/Routes.java").build(),
                TaskSpec.builder("b", "build").writes("src/Routes.java").dependsOn("a", EdgeClass.SOFT).build()),
                "planner").workflowId();
        String claimA = service.claim(id, "builders", "ann", Optional.empty(), TTL).task().orElseThrow().claimId();
        service.progress(id, new ProgressCommand("a", claimA, "ann", "src/Routes.java", "routes drafted", false));

        ClaimResult second = service.claim(id, "builders", "bob", Optional.empty(), TTL);

        assertThat(second.claimed()).isFalse();
        TaskView b = task(id, "b");
        assertThat(b.status()).isEqualTo(TaskStatus.WAITING);
        assertThat(b.waitingFor()).containsExactly("a");

        service.complete(id, new CompleteCommand("a", claimA, "ann", "done", List.of(), NullNode.getInstance()));
        assertThat(service.claim(id, "builders", "bob", Optional.empty(), TTL).task().orElseThrow().spec().id())
                .isEqualTo("b");
    }

    private TaskView task(String workflowId, String taskId) {
        return service.status(workflowId).tasks().stream().filter(view -> view.id().equals(taskId)).findFirst()
                .orElseThrow();
    }
}
