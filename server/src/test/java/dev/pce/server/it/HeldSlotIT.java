package dev.pce.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static dev.pce.server.it.ServerUnderTest.args;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * ce_claim over real stdio follows the live schedule: with the prerequisite of a critical soft dependent running,
 * the pool's free slot is kept for the dependent, and a ready short task is not handed out. The answer says so
 * (claimed false, the workflow still active, held: what, for whom, until when), so an agent's loop asks again; a
 * claim naming the task takes it anyway.
 */
class HeldSlotIT {
    @TempDir
    Path temp;

    @Test
    void aClaimWhileTheScheduleKeepsTheFreeSlotForASoftDependentIsAnsweredWithTheHold() throws Exception {
        try (ServerUnderTest server = ServerUnderTest.start(temp.resolve("ws"), Map.of("CE_POOLS", "a2=2"))) {
            JsonNode plan = server.ok("ce_plan", Plans.slotKeptForASoftDependent());
            String id = plan.path("workflow_id").asText();
            assertThat(plan.path("schedule").path("eta_minutes").asDouble()).as("c from minute 20, s after p")
                    .isEqualTo(80.0);

            JsonNode first = server.ok("ce_claim", args("workflow_id", id, "pool", "a2", "agent", "a2-1"));
            assertThat(first.path("task").path("spec").path("id").asText()).isEqualTo("p");

            Instant asked = Instant.now();
            JsonNode second = server.ok("ce_claim", args("workflow_id", id, "pool", "a2", "agent", "a2-2"));

            assertThat(second.path("claimed").asBoolean()).as(second.toString()).isFalse();
            assertThat(second.path("workflow_phase").asText()).isEqualTo("active");
            JsonNode held = second.path("held");
            assertThat(held.path("task_id").asText()).isEqualTo("s");
            assertThat(held.path("kept_for").asText()).isEqualTo("c");
            assertThat(held.path("resource").asText()).isEqualTo("slot");
            assertThat(held.path("waiting_for")).extracting(JsonNode::asText).containsExactly("p");
            Duration untilStart = Duration.between(asked, Instant.parse(held.path("expected_start").asText()));
            assertThat(untilStart).as("c starts on p's partial output, halfway through p's 40 minutes")
                    .isBetween(Duration.ofMinutes(19), Duration.ofMinutes(20));
            assertThat(second.path("message").asText()).contains("'s' is ready but kept back",
                    "pool a2's free slot for 'c'", "task_id 's'");

            JsonNode named = server.ok("ce_claim", args("workflow_id", id, "pool", "a2", "agent", "a2-2",
                    "task_id", "s"));
            assertThat(named.path("task").path("spec").path("id").asText()).as("a claim by id overrides the plan")
                    .isEqualTo("s");
        }
    }
}
