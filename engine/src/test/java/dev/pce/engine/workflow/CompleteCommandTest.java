package dev.pce.engine.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pce.engine.Json;
import dev.pce.engine.event.Event;
import dev.pce.engine.event.TaskCompleted;
import dev.pce.engine.model.TaskStatus;
import dev.pce.engine.testing.Plans;
import dev.pce.engine.testing.StateFixture;
import dev.pce.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.pce.engine.ErrorCode.CONFLICT;
import static dev.pce.engine.ErrorCode.UNKNOWN_TASK;
import static dev.pce.engine.testing.Plans.task;
import static dev.pce.engine.testing.Errors.assertError;
import static org.assertj.core.api.Assertions.assertThat;

class CompleteCommandTest {
    private final MutableClock clock = MutableClock.standard();
    private final StateFixture workflow = StateFixture.planned(clock,
            Plans.of(task("a"), task("b").dependsOn("a")));

    @Test
    void claimantCompletesTheTaskWithItsReport() throws Exception {
        workflow.claim("builders", "alice", "cl-1");
        JsonNode data = Json.mapper().readTree("{\"tests_passed\":12}");

        List<Event> events = workflow.run(new CompleteCommand("a", "cl-1", "alice", "built it",
                List.of("src/A.java"), data));

        assertThat(events).extracting(Event::payload).containsExactly(
                new TaskCompleted("a", "cl-1", "built it", List.of("src/A.java"), data, false));
        assertThat(workflow.status("a")).isEqualTo(TaskStatus.DONE);
        assertThat(workflow.status("b")).isEqualTo(TaskStatus.READY);
        assertThat(workflow.state().task("a").orElseThrow().completion().orElseThrow().agent()).isEqualTo("alice");
    }

    @Test
    void repeatingTheSameCompletionDecidesNothing() {
        workflow.claim("builders", "alice", "cl-1");
        workflow.complete("a", "alice", "cl-1");
        long seq = workflow.state().lastSeq();

        assertThat(workflow.complete("a", "alice", "cl-1")).isEmpty();
        assertThat(workflow.state().lastSeq()).isEqualTo(seq);
    }

    @Test
    void completionWithoutAnyClaimIsRefused() {
        assertError(CONFLICT, () -> workflow.complete("a", "alice", "cl-1"), "is not claimed");
    }

    @Test
    void completionUnderAnotherAgentsClaimIsRefusedNamingTheHolder() {
        workflow.claim("builders", "alice", "cl-1");

        assertError(CONFLICT, () -> workflow.complete("a", "mallory", "cl-9"),
                "is held by alice under claim cl-1, not cl-9");
    }

    @Test
    void completionBySupersededClaimIsRefused() {
        workflow.claim("builders", "alice", "cl-1");
        clock.advance(StateFixture.LEASE);
        workflow.claim("builders", "bob", "cl-2");

        assertError(CONFLICT, () -> workflow.complete("a", "alice", "cl-1"), "is held by bob under claim cl-2");

        workflow.complete("a", "bob", "cl-2");
        assertError(CONFLICT, () -> workflow.complete("a", "alice", "cl-1"), "was already completed by bob");
    }

    @Test
    void lateCompletionIsKeptWhileNobodyElseClaimedTheTask() {
        workflow.claim("builders", "alice", "cl-1");
        clock.advance(StateFixture.LEASE.plusMinutes(1));

        List<Event> events = workflow.complete("a", "alice", "cl-1");

        assertThat(((TaskCompleted) events.get(0).payload()).late()).isTrue();
        assertThat(workflow.status("a")).isEqualTo(TaskStatus.DONE);
    }

    @Test
    void completingATaskThatFailedForGoodIsRefused() {
        workflow.claim("builders", "alice", "cl-1");
        workflow.fail("a", "alice", "cl-1", false);

        assertError(CONFLICT, () -> workflow.complete("a", "alice", "cl-1"), "failed for good");
    }

    @Test
    void completingAnUnknownTaskIsReportedAsUnknown() {
        assertError(UNKNOWN_TASK, () -> workflow.complete("zzz", "alice", "cl-1"), "has no task 'zzz'");
    }

}
