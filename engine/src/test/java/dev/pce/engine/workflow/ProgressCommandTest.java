package dev.pce.engine.workflow;

import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.engine.dependency.ClassifiedEdge;
import dev.pce.engine.event.ClaimRevoked;
import dev.pce.engine.event.Event;
import dev.pce.engine.model.EdgeClass;
import dev.pce.engine.model.TaskPhase;
import dev.pce.engine.model.TaskStatus;
import dev.pce.engine.testing.StateFixture;
import dev.pce.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.pce.engine.testing.Plans.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Partial outputs: a soft dependent starts on one, and loses its claim when it is rolled back. */
class ProgressCommandTest {
    private final MutableClock clock = MutableClock.standard();

    /** api -> client is soft, api -> docs is hard. */
    private StateFixture plan() {
        return StateFixture.planned(clock, List.of(task("api").build(), task("client").build(), task("docs").build()),
                List.of(new ClassifiedEdge("api", "client", EdgeClass.SOFT, "client may start on a draft", "r", ""),
                        new ClassifiedEdge("api", "docs", EdgeClass.HARD, "docs need the final api", "r", "")));
    }

    private static List<Event> progress(StateFixture workflow, String task, String claim, String artifact,
                                        boolean rollback) {
        return workflow.run(new ProgressCommand(task, claim, "agent", artifact, "", rollback));
    }

    @Test
    void aPartialOutputLetsSoftDependentsStartButNotHardOnes() {
        StateFixture workflow = plan();
        workflow.claimTask("api", "builders", "alice", "cl-api");
        assertThat(workflow.status("client")).isEqualTo(TaskStatus.WAITING);

        progress(workflow, "api", "cl-api", "docs/api-draft.yaml", false);

        assertThat(workflow.status("client")).isEqualTo(TaskStatus.READY);
        assertThat(workflow.status("docs")).isEqualTo(TaskStatus.WAITING);
        assertThat(workflow.state().waitingFor("docs", clock.instant())).containsExactly("api");
    }

    @Test
    void publishingTheSameArtifactTwiceRecordsItOnce() {
        StateFixture workflow = plan();
        workflow.claimTask("api", "builders", "alice", "cl-api");
        progress(workflow, "api", "cl-api", "draft", false);

        assertThat(progress(workflow, "api", "cl-api", "draft", false)).isEmpty();
        assertThat(workflow.state().task("api").orElseThrow().partialOutputs()).hasSize(1);
    }

    @Test
    void rollingBackSendsAStartedSoftDependentBackToWaiting() {
        StateFixture workflow = plan();
        workflow.claimTask("api", "builders", "alice", "cl-api");
        progress(workflow, "api", "cl-api", "draft", false);
        workflow.claimTask("client", "builders", "bob", "cl-client");

        List<Event> events = progress(workflow, "api", "cl-api", "", true);

        assertThat(events).extracting(Event::type).containsExactly("task.progress_rolled_back", "task.claim_revoked");
        assertThat(((ClaimRevoked) events.get(1).payload()).agent()).isEqualTo("bob");
        assertThat(workflow.status("client")).isEqualTo(TaskStatus.WAITING);
        assertThat(workflow.state().task("client").orElseThrow().phase()).isEqualTo(TaskPhase.PENDING);
        assertThatThrownBy(() -> workflow.complete("client", "bob", "cl-client"))
                .isInstanceOfSatisfying(CeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT));
    }

    @Test
    void rollingBackOneOfTwoArtifactsKeepsTheDependentGoing() {
        StateFixture workflow = plan();
        workflow.claimTask("api", "builders", "alice", "cl-api");
        progress(workflow, "api", "cl-api", "draft-1", false);
        progress(workflow, "api", "cl-api", "draft-2", false);
        workflow.claimTask("client", "builders", "bob", "cl-client");

        List<Event> events = progress(workflow, "api", "cl-api", "draft-1", true);

        assertThat(events).extracting(Event::type).containsExactly("task.progress_rolled_back");
        assertThat(workflow.status("client")).isEqualTo(TaskStatus.CLAIMED);
    }

    @Test
    void onlyTheClaimantOfARunningTaskReportsProgress() {
        StateFixture workflow = plan();
        assertThatThrownBy(() -> progress(workflow, "api", "cl-x", "draft", false))
                .isInstanceOfSatisfying(CeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT));
        workflow.claimTask("api", "builders", "alice", "cl-api");

        assertThatThrownBy(() -> progress(workflow, "api", "cl-other", "draft", false))
                .isInstanceOfSatisfying(CeException.class, e -> assertThat(e.getMessage()).contains("cl-api"));
    }

    @Test
    void progressEventsReplayToTheSameState() {
        StateFixture workflow = plan();
        workflow.claimTask("api", "builders", "alice", "cl-api");
        progress(workflow, "api", "cl-api", "draft", false);
        workflow.claimTask("client", "builders", "bob", "cl-client");
        progress(workflow, "api", "cl-api", "", true);

        WorkflowState replayed = new WorkflowState(StateFixture.WORKFLOW_ID);
        replayed.applyAll(workflow.history());

        assertThat(replayed.snapshot(0)).isEqualTo(workflow.state().snapshot(0));
    }
}
