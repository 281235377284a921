package dev.pce.engine.service;

import com.fasterxml.jackson.databind.node.NullNode;
import dev.pce.engine.Json;
import dev.pce.engine.event.ClaimRevoked;
import dev.pce.engine.event.Event;
import dev.pce.engine.event.ProgressRolledBack;
import dev.pce.engine.event.TaskEvent;
import dev.pce.engine.event.TaskReopened;
import dev.pce.engine.model.EdgeClass;
import dev.pce.engine.model.TaskSpec;
import dev.pce.engine.model.TaskStatus;
import dev.pce.engine.schedule.ScheduleView;
import dev.pce.engine.testing.ServiceTestBase;
import dev.pce.engine.workflow.CompleteCommand;
import dev.pce.engine.workflow.FailCommand;
import dev.pce.engine.workflow.ProgressCommand;
import dev.pce.engine.workflow.WorkflowSnapshot;
import dev.pce.engine.workflow.WorkflowState;
import dev.pce.engine.workspace.Workspace;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.pce.engine.ErrorCode.CONFLICT;
import static dev.pce.engine.testing.Errors.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Withdrawn drafts cascade (issue 19, point 2): when a prerequisite's partial output is rolled back, or the
 * prerequisite fails for good, every task that started or completed on it, and what started on their outputs, goes
 * back to waiting (or blocked), with events that say why and answers that tell the agents. Through the real service
 * on real files.
 */
class WithdrawnDraftTest extends ServiceTestBase {
    private static final Duration TTL = Duration.ofMinutes(60);

    /** a <-soft- b <-hard- c, plus x on its own: the scenario. */
    private String plan() {
        return service.plan("draft cascade", List.of(spec("a").build(),
                spec("b").dependsOn("a", EdgeClass.SOFT).build(),
                spec("c").dependsOn("b").build(),
                spec("x").build()), "planner").workflowId();
    }

    private static TaskSpec.Builder spec(String id) {
        return TaskSpec.builder(id, "build").estimate(10);
    }

    /** a publishes a draft; b starts on it and completes; c starts on b's output. Returns the claims by task. */
    private Map<String, String> startOnTheDraft(String id) {
        Map<String, String> claims = new LinkedHashMap<>();
        claims.put("a", claim(id, "a", "alice"));
        service.progress(id, new ProgressCommand("a", claims.get("a"), "alice", "docs/api-draft.yaml", "", false));
        claims.put("b", claim(id, "b", "bob"));
        clock.advance(Duration.ofMinutes(5));
        TaskResult done = complete(id, "b", "bob", claims.get("b"));
        assertThat(done.nowReady()).containsExactly("c");
        claims.put("c", claim(id, "c", "carol"));
        return claims;
    }

    @Test
    void rollingBackADraftReopensTheCompletedSoftDependentAndRevokesWhatStartedOnIt() {
        String id = plan();
        Map<String, String> claims = startOnTheDraft(id);
        String x = claim(id, "x", "xavier");

        TaskResult rolledBack = service.progress(id, new ProgressCommand("a", claims.get("a"), "alice", "",
                "the schema was wrong", true));

        assertThat(rolledBack.reopened()).containsExactly("b", "c");
        assertThat(rolledBack.claimsRevoked()).containsExactly("c");
        assertThat(statuses(id)).containsExactly(Map.entry("a", TaskStatus.CLAIMED),
                Map.entry("b", TaskStatus.WAITING), Map.entry("c", TaskStatus.WAITING),
                Map.entry("x", TaskStatus.CLAIMED));
        assertThat(rolledBack.workflowPhase()).isEqualTo(WorkflowPhase.ACTIVE);
        assertThat(rolledBack.progressPercent()).isZero();
        List<Event> events = service.events(new EventQuery(id, 0, Set.of(TaskReopened.TYPE, ClaimRevoked.TYPE),
                Optional.empty(), Optional.empty(), 100)).events();
        assertThat(events).extracting(Event::type, Event::source)
                .containsExactly(tuple("task.reopened", "pce"), tuple("task.claim_revoked", "pce"));
        TaskReopened reopened = (TaskReopened) events.get(0).payload();
        assertThat(reopened.claimId()).isEqualTo(claims.get("b"));
        assertThat(reopened.agent()).isEqualTo("bob");
        assertThat(reopened.cause()).isEqualTo("a");
        assertThat(reopened.reason()).contains("completed on a partial output of a that was rolled back",
                "the schema was wrong");
        ClaimRevoked revoked = (ClaimRevoked) events.get(1).payload();
        assertThat(revoked.cause()).isEqualTo("a");
        assertThat(revoked.reason()).contains("the output of b");

        // the agents learn it on their next report under the work taken back
        assertError(CONFLICT, () -> complete(id, "c", "carol", claims.get("c")), "claim revoked",
                claims.get("c"), "partial output of a that was rolled back");
        assertError(CONFLICT, () -> complete(id, "b", "bob", claims.get("b")), "was reopened",
                "completed on a partial output of a");
        assertError(CONFLICT, () -> service.fail(id, new FailCommand("c", claims.get("c"), "carol", "r", true)),
                "claim revoked");
        assertThat(complete(id, "x", "xavier", x).duplicate()).as("unrelated work is kept").isFalse();
    }

    @Test
    void afterARollbackANewDraftLetsTheReopenedWorkRunAgain() {
        String id = plan();
        Map<String, String> claims = startOnTheDraft(id);
        service.progress(id, new ProgressCommand("a", claims.get("a"), "alice", "", "", true));

        TaskResult republished = service.progress(id, new ProgressCommand("a", claims.get("a"), "alice",
                "docs/api-v2.yaml", "", false));

        assertThat(republished.nowReady()).containsExactly("b");
        String again = claim(id, "b", "bea");
        assertThat(complete(id, "b", "bea", again).nowReady()).containsExactly("c");
        assertThat(service.status(id).tasks().get(1).attempts()).isEqualTo(2);
    }

    @Test
    void aFailureForGoodBlocksWhatStartedOrCompletedOnTheDraft() {
        String id = plan();
        Map<String, String> claims = startOnTheDraft(id);
        FailCommand failure = new FailCommand("a", claims.get("a"), "alice", "the API cannot be built", false);

        TaskResult failed = service.fail(id, failure);

        assertThat(failed.reopened()).containsExactly("b", "c");
        assertThat(failed.claimsRevoked()).containsExactly("c");
        assertThat(failed.nowBlocked()).containsExactly("b", "c");
        assertThat(statuses(id)).containsExactly(Map.entry("a", TaskStatus.FAILED),
                Map.entry("b", TaskStatus.BLOCKED), Map.entry("c", TaskStatus.BLOCKED),
                Map.entry("x", TaskStatus.READY));
        assertThat(service.status(id).blocked()).extracting(BlockedTask::id).containsExactly("b", "c");
        assertError(CONFLICT, () -> complete(id, "c", "carol", claims.get("c")), "claim revoked",
                "which failed for good (the API cannot be built)");
        long seq = service.status(id).lastSeq();

        TaskResult repeated = service.fail(id, failure);

        assertThat(repeated.duplicate()).isTrue();
        assertThat(repeated.reopened()).as("a repeat answers as the first did").containsExactly("b", "c");
        assertThat(repeated.claimsRevoked()).containsExactly("c");
        assertThat(service.status(id).lastSeq()).isEqualTo(seq);
        assertThat(complete(id, "x", "xavier", claim(id, "x", "xavier")).workflowPhase())
                .as("nothing else can run").isEqualTo(WorkflowPhase.FAILED);
    }

    @Test
    void aTaskThatFailedForGoodWithADraftOutHandsNoSoftDependentOut() {
        String id = plan();
        String a = claim(id, "a", "alice");
        service.progress(id, new ProgressCommand("a", a, "alice", "docs/api-draft.yaml", "", false));
        service.fail(id, new FailCommand("a", a, "alice", "abandoned", false));

        ClaimResult next = service.claim(id, "builders", "bob", Optional.empty(), TTL);

        assertThat(next.task().map(task -> task.spec().id())).as("b is blocked, x is the only ready task")
                .contains("x");
        assertThat(service.claim(id, "builders", "bob", Optional.empty(), TTL).claimed()).isFalse();
    }

    @Test
    void aRetryKeepsTheDraftAndTheWorkOnIt() {
        String id = plan();
        Map<String, String> claims = startOnTheDraft(id);

        TaskResult retried = service.fail(id, new FailCommand("a", claims.get("a"), "alice", "flaky", true));

        assertThat(retried.willRetry()).isTrue();
        assertThat(retried.reopened()).isEmpty();
        assertThat(statuses(id)).containsEntry("b", TaskStatus.DONE).containsEntry("c", TaskStatus.CLAIMED);
    }

    /**
     * a <-soft- b <-hard- c <-hard- d, b <-soft- e <-soft- f: b completed (with a draft of its own out before), c
     * completed, d running, e started on b's draft and published one of its own, f started on that.
     */
    @Test
    void theCascadeReachesEveryDepthAndRollsBackTheDraftsOfRevokedWork() {
        String id = service.plan("deep", List.of(spec("a").build(), spec("b").dependsOn("a", EdgeClass.SOFT).build(),
                spec("c").dependsOn("b").build(), spec("d").dependsOn("c").build(),
                spec("e").dependsOn("b", EdgeClass.SOFT).build(), spec("f").dependsOn("e", EdgeClass.SOFT).build(),
                spec("g").dependsOn("a").build()), "planner").workflowId();
        String a = claim(id, "a", "alice");
        service.progress(id, new ProgressCommand("a", a, "alice", "a-draft", "", false));
        String b = claim(id, "b", "bob");
        service.progress(id, new ProgressCommand("b", b, "bob", "b-draft", "", false));
        String e = claim(id, "e", "eve");
        service.progress(id, new ProgressCommand("e", e, "eve", "e-draft", "", false));
        claim(id, "f", "fred");
        complete(id, "b", "bob", b);
        complete(id, "c", "carl", claim(id, "c", "carl"));
        claim(id, "d", "dora");

        TaskResult rolledBack = service.progress(id, new ProgressCommand("a", a, "alice", "a-draft", "", true));

        assertThat(rolledBack.reopened()).containsExactly("b", "c", "d", "e", "f");
        assertThat(rolledBack.claimsRevoked()).containsExactly("d", "e", "f");
        assertThat(statuses(id)).containsEntry("a", TaskStatus.CLAIMED).containsEntry("g", TaskStatus.WAITING)
                .containsEntry("b", TaskStatus.WAITING).containsEntry("f", TaskStatus.WAITING);
        WorkflowStatus status = service.status(id);
        assertThat(status.tasks()).filteredOn(task -> !task.id().equals("a"))
                .allSatisfy(task -> assertThat(task.partialOutputs()).as(task.id()).isEmpty());
        List<Event> pce = service.events(new EventQuery(id, 0, Set.of(), Optional.empty(), Optional.empty(), 100))
                .events().stream().filter(event -> event.source().equals("pce")).toList();
        assertThat(pce).extracting(event -> event.type() + " " + ((TaskEvent) event.payload())
                .taskId()).containsExactly("task.reopened b", "task.reopened c", "task.claim_revoked d",
                "task.progress_rolled_back e", "task.claim_revoked e", "task.claim_revoked f");
        assertThat(((ProgressRolledBack) pce.get(3).payload()).reason()).contains("withdrawn with the claim");
    }

    @Test
    void theReopenedWorkReplaysFromTheLogAndTheScheduleCountsItAgain() throws Exception {
        String id = plan();
        Map<String, String> claims = startOnTheDraft(id);
        clock.advance(Duration.ofMinutes(1));
        ScheduleView before = service.status(id).schedule().orElseThrow();

        service.progress(id, new ProgressCommand("a", claims.get("a"), "alice", "", "", true));

        WorkflowStatus after = service.status(id);
        ScheduleView schedule = after.schedule().orElseThrow();
        assertThat(schedule.remainingMinutes()).as("b and c are to be done again")
                .isGreaterThan(before.remainingMinutes());
        assertThat(schedule.etaMinutes()).isGreaterThan(before.etaMinutes());
        try (WorkflowService fresh = new WorkflowService(Workspace.open(workspace.root()), clock)) {
            WorkflowStatus replayed = fresh.status(id);
            assertThat(replayed.tasks()).isEqualTo(after.tasks());
            assertThat(replayed.schedule()).as("rebuilt from the log").contains(schedule);
            assertError(CONFLICT, () -> fresh.complete(id, new CompleteCommand("c", claims.get("c"), "carol", "s",
                    List.of(), NullNode.getInstance())), "claim revoked");
        }
        WorkflowState state = new WorkflowState(id);
        state.applyAll(service.events(new EventQuery(id, 0, Set.of(), Optional.empty(), Optional.empty(), 100))
                .events());
        String json = Json.mapper().writeValueAsString(state.snapshot(0));
        WorkflowState restored = WorkflowState.fromSnapshot(Json.mapper().readValue(json, WorkflowSnapshot.class));
        assertThat(restored.snapshot(0)).as("the snapshot keeps what was taken back").isEqualTo(state.snapshot(0));
        assertThat(restored.task("c").orElseThrow().withdrawalOf(claims.get("c"))).isPresent();
    }

    private String claim(String id, String taskId, String agent) {
        ClaimResult claim = service.claim(id, "builders", agent, Optional.of(taskId), TTL);
        assertThat(claim.claimed()).as(taskId + ": " + claim.message()).isTrue();
        return claim.task().orElseThrow().claimId();
    }

    private TaskResult complete(String id, String taskId, String agent, String claimId) {
        return service.complete(id, new CompleteCommand(taskId, claimId, agent, "done: " + taskId, List.of(),
                NullNode.getInstance()));
    }

    private Map<String, TaskStatus> statuses(String id) {
        Map<String, TaskStatus> statuses = new LinkedHashMap<>();
        service.status(id).tasks().forEach(task -> statuses.put(task.id(), task.status()));
        return statuses;
    }
}
