package dev.pce.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pce.engine.Limits;
import dev.pce.server.bench.LimitPlans;
import dev.pce.server.client.McpStdioClient.ToolResponse;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.pce.server.it.ServerUnderTest.args;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bounds on one plan, over stdio: a plan at them is stored, one past them is refused with an error naming the
 * bound, the value and the fix, and the server goes on. What a call at the bounds costs is measured by
 * {@code ce bench plan} (docs/performance.md), never asserted here.
 */
class PlanLimitsIT extends OneServerPerClass {
    /**
     * Larger than the bound of 20,000 tasks before; the plan at today's bound (100,000 tasks) takes seconds more, so
     * {@code ce bench plan --series} sends it (docs/performance.md).
     */
    @Test
    void aPlanPastTheFormerBoundIsStoredAndItsAnswerNamesHowManyTasksAndRelationsItLeftOut() throws IOException {
        JsonNode plan = server.ok("ce_plan", LimitPlans.features(20_005));

        assertThat(plan.path("task_count").asInt()).isEqualTo(20_005);
        Path log = Path.of(plan.path("event_log").asText());
        assertThat(Files.size(log)).as("the plan's event line").isLessThanOrEqualTo(Limits.MAX_EVENT_LINE_BYTES);
        JsonNode cuts = plan.path("truncated").path("cuts");
        assertThat(cuts.findValues("path")).extracting(JsonNode::asText).contains("/tasks", "/edges");
        for (JsonNode cut : cuts) {
            if (cut.path("path").asText().equals("/tasks")) {
                assertThat(cut.path("total").asInt()).isEqualTo(20_005);
                assertThat(cut.path("kept").asInt()).isEqualTo(plan.path("tasks").size()).isPositive();
            }
        }
        JsonNode status = server.ok("ce_status", args("workflow_id", plan.path("workflow_id").asText()));
        assertThat(status.path("workflow").path("task_count").asInt()).isEqualTo(20_005);
    }

    @Test
    void oneTaskMoreThanTheBoundIsRefusedNamingTheBoundTheValueAndTheFix() {
        ToolResponse refused = server.call("ce_plan", LimitPlans.relations(Limits.MAX_TASKS + 1, 0));

        assertThat(refused.isError()).isTrue();
        assertThat(refused.text()).contains("INVALID_PLAN", "tasks has 100,001 items",
                "more than the 100,000 tasks a plan may hold", "Split the goal into several workflows");
        assertThat(server.ok("ce_plan", Plans.small()).path("task_count").asInt()).as("the server goes on")
                .isEqualTo(4);
    }

    @Test
    void oneRelationMoreIsRefusedNamingTheBoundTheValueAndTheFix() {
        ToolResponse refused = server.call("ce_plan", LimitPlans.relations(20_000, Limits.MAX_PLAN_EDGES + 1));

        assertThat(refused.isError()).isTrue();
        assertThat(refused.text()).contains("INVALID_PLAN", "declares 300,001 dependencies",
                "more than the 300,000 relations a plan may hold", "Split the goal into several workflows");
    }

    @Test
    void relationsTheRulesWouldDeriveCountTooAndAreRefusedBeforeTheyAreBuilt() {
        ToolResponse refused = server.call("ce_plan", LimitPlans.writers(1_000, false));

        assertThat(refused.isError()).isTrue();
        assertThat(refused.text()).contains("INVALID_PLAN", "more than the 300,000 relations it may hold",
                "1,000 tasks write src/Shared.java", "order the tasks that write the same file");
    }

    @Test
    void aPlanNamingMoreFilesAndDirectoriesThanTheRulesMayHoldIsRefused() {
        ToolResponse refused = server.call("ce_plan", LimitPlans.deepFiles(1_000, 10, 100));

        assertThat(refused.isError()).isTrue();
        assertThat(refused.text()).contains("INVALID_PLAN", "the plan's tasks name 1,010,000 files, directories and"
                + " interfaces", "more than the 1,000,000 a plan may hold", "name a directory instead");
    }
}
