package dev.pce.engine.service;

import dev.pce.engine.dependency.ClassifiedEdge;
import dev.pce.engine.model.TaskSpec;
import dev.pce.engine.model.TaskStatus;
import dev.pce.engine.schedule.PoolSlots;
import dev.pce.engine.testing.ServiceTestBase;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine's own guard behind the resource edges: a claim is never handed out while another live claim writes a
 * path it writes, even when the recorded relations have no edge for the pair (a workflow planned by a version that
 * let soft dependents write their prerequisite's files, or a classifier that derives no resource edges).
 */
class LiveClaimWritesTest extends ServiceTestBase {
    private static final Duration TTL = Duration.ofMinutes(30);

    @Override
    protected WorkflowService newService() {
        return new WorkflowService(workspace, clock, ClassifiedEdge::declaredOnly, PoolSlots.defaults());
    }

    @Test
    void aTaskWritingAPathALiveClaimWritesWaitsEvenWithoutAResourceEdge() {
        String id = service.plan("two writers, no edge", List.of(
                TaskSpec.builder("a", "build").writes("src/api/").build(),
                TaskSpec.builder("b", "build").writes("./src/api/Routes.java").build(),
                TaskSpec.builder("c", "build").writes("docs/guide.md").build()), "planner").workflowId();
        service.claim(id, "builders", "ann", Optional.of("a"), TTL);

        ClaimResult next = service.claim(id, "builders", "bob", Optional.empty(), TTL);

        assertThat(next.task().orElseThrow().spec().id()).isEqualTo("c");
        TaskView b = service.status(id).tasks().get(1);
        assertThat(b.status()).isEqualTo(TaskStatus.WAITING);
        assertThat(b.waitingFor()).containsExactly("a");
        assertThat(service.claim(id, "builders", "cid", Optional.empty(), TTL).claimed()).isFalse();

        clock.advance(TTL.plusMinutes(1)); // a lease that ran out writes nothing any more
        assertThat(service.claim(id, "builders", "dan", Optional.of("b"), TTL).claimed()).isTrue();
    }
}
