package dev.pce.engine.service;

import com.fasterxml.jackson.databind.node.NullNode;
import dev.pce.engine.CeException;
import dev.pce.engine.model.TaskSpec;
import dev.pce.engine.model.TaskStatus;
import dev.pce.engine.testing.CompletedWorkflow;
import dev.pce.engine.testing.Plans;
import dev.pce.engine.testing.ServiceTestBase;
import dev.pce.engine.workflow.CompleteCommand;
import dev.pce.engine.workspace.Workspace;
import dev.pce.testing.FileDamage;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static dev.pce.engine.ErrorCode.LOG_CORRUPT;
import static dev.pce.engine.testing.Errors.thrown;
import static dev.pce.engine.testing.Plans.task;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A log damaged outside PCE makes its workflow unreadable, with an error naming the file: it is never read as a
 * finished workflow, nor cut back to its last readable line.
 */
class DamagedLogTest extends ServiceTestBase {
    private static final Duration TTL = Duration.ofMinutes(15);

    @Test
    void emptyLogIsAnUnreadableWorkflowNotACompletedOne() throws IOException {
        String healthy = service.plan("healthy", Plans.of(task("a")), "planner").workflowId();
        String empty = "wf-20250115-100000-aaaaaa";
        Path log = Files.createDirectories(workspace.workflowDir(empty)).resolve(Workspace.EVENTS_FILE);
        Files.createFile(log);

        CeException claim = thrown(LOG_CORRUPT, () -> service.claim(empty, "builders", "bob", Optional.empty(), TTL));
        CeException status = thrown(LOG_CORRUPT, () -> service.status(empty));
        WorkflowListing listing = service.list();

        assertThat(claim.getMessage()).contains("Event log " + log + " holds no events", "workflow.planned");
        assertThat(claim.fix()).contains("Restore the file from a backup", "ce doctor --repair-log " + empty);
        assertThat(status.getMessage()).isEqualTo(claim.getMessage());
        assertThat(listing.workflows()).extracting(WorkflowSummary::workflowId).containsExactly(healthy);
        assertThat(listing.unreadable()).singleElement().satisfies(unreadable -> {
            assertThat(unreadable.workflowId()).isEqualTo(empty);
            assertThat(unreadable.error()).contains(log.toString(), "holds no events");
        });
        assertThat(WorkspaceGc.collect(workspace, Duration.ZERO, clock, true).unreadable())
                .extracting(WorkflowListing.UnreadableWorkflow::workflowId).containsExactly(empty);
    }

    @Test
    void logEmptiedInPlaceIsUnreadableAndSaysHowManyAcknowledgedEventsItHeld() throws IOException {
        String id = service.plan("emptied", Plans.of(task("a")), "planner").workflowId();
        Path log = workspace.eventsFile(id);
        FileDamage.cut(log, 0);

        CeException claim = thrown(LOG_CORRUPT, () -> service.claim(id, "builders", "bob", Optional.empty(), TTL));

        assertThat(claim.getMessage()).as("the server had read the log, and reads it again")
                .contains("Event log " + log + " is empty, but it held 1 acknowledged events");
    }

    @Test
    void firstEventOtherThanThePlanMakesTheWorkflowUnreadable() throws IOException {
        String id = service.plan("ship", Plans.of(task("a"), task("b")), "planner").workflowId();
        service.claim(id, "builders", "bob", Optional.empty(), TTL);
        Path log = workspace.eventsFile(id);
        List<String> lines = Files.readAllLines(log);
        // the plan line removed and the claim renumbered to seq 1, as a hand edit would
        Files.write(replacement(log), List.of(lines.get(1).replace("\"seq\":2", "\"seq\":1")));
        Files.move(replacement(log), log, java.nio.file.StandardCopyOption.ATOMIC_MOVE);

        try (WorkflowService fresh = new WorkflowService(workspace, clock)) {
            CeException claim = thrown(LOG_CORRUPT, () -> fresh.claim(id, "builders", "eve", Optional.empty(), TTL));

            assertThat(claim.getMessage()).contains(log.toString(), "Event 1 (task.claimed",
                    "starts with its plan (workflow.planned)");
        }
    }

    /** The report's scenario: 25 events, cut inside line 6, then the next claim. */
    @Test
    void logCutInTheMiddleIsAnErrorAndNoCompletedTaskIsHandedOutAgain() throws IOException {
        List<TaskSpec> tasks = Plans.independent(12, "build");
        String id = service.plan("ship", tasks, "planner").workflowId();
        CompletedWorkflow.completeEach(service, id, tasks);
        Path log = workspace.eventsFile(id);
        assertThat(Files.readAllLines(log)).hasSize(25);
        long insideLine6 = FileDamage.lineStart(log, 6) + 40;
        FileDamage.cut(log, insideLine6);

        try (WorkflowService fresh = new WorkflowService(workspace, clock)) {
            CeException claim = thrown(LOG_CORRUPT, () -> fresh.claim(id, "builders", "eve", Optional.empty(), TTL));

            assertThat(claim.getMessage()).contains("Event log " + log + " ends inside line 6",
                    "25 acknowledged events", "events 6 to 25 are missing");
            assertThat(fresh.list().unreadable()).extracting(WorkflowListing.UnreadableWorkflow::workflowId)
                    .containsExactly(id);
        }
        // the server that was running all along notices too, and also hands out nothing
        thrown(LOG_CORRUPT, () -> service.claim(id, "builders", "eve", Optional.empty(), TTL));
        assertThat(Files.size(log)).as("nothing was cut").isEqualTo(insideLine6);
        assertThat(log.resolveSibling("events.jsonl.torn")).doesNotExist();
    }

    @Test
    void aRunningServerReadsARepairedLogAgainOnItsNextCall() throws IOException {
        String id = service.plan("ship", Plans.of(task("a"), task("b")), "planner").workflowId();
        var claimed = service.claim(id, "builders", "bob", Optional.of("a"), TTL).task().orElseThrow();
        Path log = workspace.eventsFile(id);
        byte[] intact = Files.readAllBytes(log);
        Files.write(log, "garbage\n".getBytes(), StandardOpenOption.APPEND);

        thrown(LOG_CORRUPT, () -> service.status(id));
        FileDamage.cut(log, intact.length); // a person removes the damaged line

        assertThat(service.status(id).tasks()).filteredOn(task -> task.id().equals("a"))
                .extracting(TaskView::status).containsExactly(TaskStatus.CLAIMED);
        service.complete(id, new CompleteCommand("a", claimed.claimId(), "bob", "done", List.of(),
                NullNode.getInstance()));
        assertThat(service.status(id).counts().done()).isEqualTo(1);
    }

    private static Path replacement(Path log) {
        return log.resolveSibling("replacement.jsonl");
    }
}
