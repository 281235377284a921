package dev.pce.engine.pools;

import com.fasterxml.jackson.databind.node.NullNode;
import dev.pce.engine.model.TaskSpec;
import dev.pce.engine.service.ClaimResult;
import dev.pce.engine.testing.ServiceTestBase;
import dev.pce.engine.workflow.CompleteCommand;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pool history on real logs: a running workflow's log is not decoded (its plan event can be 50 MB), a finished one
 * is, once per size.
 */
class PoolHistoryReaderTest extends ServiceTestBase {
    private static final List<TaskSpec> TWO_BUILDS = List.of(TaskSpec.builder("a", "build").estimate(10).build(),
            TaskSpec.builder("b", "build").estimate(10).dependsOn("a").build());

    @Test
    void aLogWithNothingButClaimsAfterItsPlanIsNotDecoded() throws IOException {
        PoolHistoryReader reader = new PoolHistoryReader(workspace);
        String planned = service.plan("goal", TWO_BUILDS, "planner").workflowId();
        String claimed = service.plan("goal", TWO_BUILDS, "planner").workflowId();
        claim(claimed);
        // a writer killed mid-line leaves bytes after the last newline: readers leave them out
        Files.writeString(workspace.eventsFile(claimed), "{\"id\":\"half", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);

        PoolHistory history = reader.read(clock.instant());

        assertThat(history.workflows()).isZero();
        assertThat(reader.logsDecoded()).as("neither plan event decoded").isZero();
        assertThat(planned).isNotEqualTo(claimed);
    }

    @Test
    void aFinishedWorkflowIsDecodedOnceAndCounts() {
        PoolHistoryReader reader = new PoolHistoryReader(workspace);
        String workflow = service.plan("goal", TWO_BUILDS, "planner").workflowId();
        String first = claim(workflow);
        assertThat(reader.read(clock.instant()).workflows()).isZero();

        complete(workflow, "a", first);
        assertThat(reader.read(clock.instant()).workflows()).as("b still to do").isZero();
        assertThat(reader.logsDecoded()).as("a completion may have finished it: read whole").isEqualTo(1);
        complete(workflow, "b", claim(workflow));

        assertThat(reader.read(clock.instant()).workflows()).isEqualTo(1);
        assertThat(reader.read(clock.instant()).workflows()).isEqualTo(1);
        assertThat(reader.logsDecoded()).as("the unchanged log is not read again").isEqualTo(2);
    }

    private String claim(String workflowId) {
        ClaimResult claim = service.claim(workflowId, "builders", "builder-1", Optional.empty(), Duration.ofHours(1));
        clock.advance(Duration.ofMinutes(10));
        return claim.task().orElseThrow().claimId();
    }

    private void complete(String workflowId, String taskId, String claimId) {
        service.complete(workflowId, new CompleteCommand(taskId, claimId, "builder-1", "done", List.of(),
                NullNode.getInstance()));
    }
}
