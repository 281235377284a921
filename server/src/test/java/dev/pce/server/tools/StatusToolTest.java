package dev.pce.server.tools;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pce.engine.Json;
import dev.pce.engine.learning.LearnedPlanning;
import dev.pce.engine.learning.PlanDecider;
import dev.pce.engine.service.WorkflowService;
import dev.pce.engine.workspace.Workspace;
import dev.pce.pkm.knowledge.VaultKnowledgeStore;
import dev.pce.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** ce_status on a real workspace: the digest text, and the reuse of an unchanged answer. */
class StatusToolTest {
    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    private WorkflowService workflows;
    private StatusTool status;
    private String workflowId;

    @BeforeEach
    void planThreeTasks() {
        workflows = new WorkflowService(Workspace.open(dir), clock);
        status = new StatusTool(workflows);
        JsonNode plan = new PlanTool(workflows, VaultKnowledgeStore.unavailable("not needed"),
                new LearnedPlanning(PlanDecider.NONE)).call(args("""
                {"goal": "Add a health endpoint", "tasks": [
                  {"id": "design", "title": "Design the endpoint", "kind": "plan", "estimate": 20},
                  {"id": "build", "title": "Build it", "kind": "build", "depends_on": ["design"]},
                  {"id": "review", "title": "Review it", "kind": "review", "depends_on": ["build"]}]}
                """)).structured();
        workflowId = plan.path("workflow_id").asText();
    }

    @AfterEach
    void close() {
        workflows.close();
    }

    @Test
    void digestDetailsReadyTasksAndNamesWhatWaitingTasksWaitFor() {
        String text = status().text();

        assertThat(text).startsWith("Workflow " + workflowId + " (active, 0.0% done, 3 tasks, last event #1)\n");
        assertThat(text).contains("Ready (1):\n  design [planners] Design the endpoint (est 20 min)\n");
        assertThat(text).contains("Waiting (2): build on design; review on build\n");
        assertThat(text).doesNotContain("Done (");
    }

    @Test
    void unchangedStatusReusesTheLastAnswer() {
        ToolOutput first = status();

        assertThat(status()).isSameAs(first);
    }

    @Test
    void aClaimChangesTheAnswer() {
        ToolOutput before = status();
        new ClaimTool(workflows).call(args("{\"workflow_id\": \"" + workflowId
                + "\", \"pool\": \"planners\", \"agent\": \"pat\", \"lease_seconds\": 60}"));

        ToolOutput after = status();

        assertThat(after).isNotSameAs(before);
        assertThat(after.text()).contains("Claimed (1):\n  design [planners] Design the endpoint (est 20 min, by pat until ");
        assertThat(after.structured().path("workflow").path("tasks").path(0).path("claimed_by").asText())
                .isEqualTo("pat");
    }

    @Test
    void anExpiredLeaseChangesTheAnswerWithoutAnyEvent() {
        new ClaimTool(workflows).call(args("{\"workflow_id\": \"" + workflowId
                + "\", \"pool\": \"planners\", \"agent\": \"pat\", \"lease_seconds\": 60}"));
        ToolOutput claimed = status();

        clock.advance(Duration.ofMinutes(2));
        ToolOutput expired = status();

        assertThat(expired).isNotSameAs(claimed);
        assertThat(expired.text()).contains("Ready (1):\n  design [planners] Design the endpoint (est 20 min, lease of pat, attempt 1)");
        assertThat(expired.structured().path("workflow").path("tasks").path(0).path("lease_expired").asBoolean())
                .isTrue();
    }

    @Test
    void aRetryableFailureShowsTheAttemptAndTheReason() {
        JsonNode claim = new ClaimTool(workflows).call(args("{\"workflow_id\": \"" + workflowId
                + "\", \"pool\": \"planners\", \"agent\": \"pat\"}")).structured();
        new FailTool(workflows).call(args("{\"workflow_id\": \"" + workflowId + "\", \"task_id\": \"design\", "
                + "\"claim_id\": \"" + claim.path("task").path("claim_id").asText() + "\", \"agent\": \"pat\", "
                + "\"reason\": \"The build server was unreachable.\", \"retryable\": true}"));

        assertThat(status().text()).contains("Ready (1):\n  design [planners] Design the endpoint (est 20 min, "
                + "attempt 1, last failure: The build server was unreachable.)\n");
    }

    private ToolOutput status() {
        return status.call(args("{\"workflow_id\": \"" + workflowId + "\"}"));
    }

    private static ToolArgs args(String json) {
        try {
            return ToolArgs.of(Json.mapper().readTree(json));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(json, e);
        }
    }
}
