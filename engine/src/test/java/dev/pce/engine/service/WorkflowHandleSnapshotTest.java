package dev.pce.engine.service;

import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pce.engine.Json;
import dev.pce.engine.log.EventLog;
import dev.pce.engine.testing.Plans;
import dev.pce.engine.testing.Ticks;
import dev.pce.engine.workflow.CompleteCommand;
import dev.pce.engine.workflow.WorkflowSnapshot;
import dev.pce.engine.workspace.Workspace;
import dev.pce.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Snapshots of a workflow's fold: written once {@link WorkflowHandle#SNAPSHOT_EVERY} events accumulated, used by a
 * new process to skip replaying the log, and ignored whenever they do not match the log.
 */
class WorkflowHandleSnapshotTest {
    private static final Duration TTL = Duration.ofMinutes(15);

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.standard();
    private final List<WorkflowService> services = new ArrayList<>();
    private Workspace workspace;
    private String workflowId;
    private Path snapshotFile;

    @BeforeEach
    void workflowWithEnoughEventsForASnapshot() {
        workspace = Workspace.open(dir.resolve("ws"));
        WorkflowService service = newService();
        workflowId = service.plan("goal", Plans.independent(3, "build"), "planner").workflowId();
        snapshotFile = workspace.workflowDir(workflowId).resolve(Workspace.SNAPSHOT_FILE);
        String claimId = service.claim(workflowId, "builders", "alice", Optional.empty(), TTL)
                .task().orElseThrow().claimId();
        service.complete(workflowId, new CompleteCommand("t1", claimId, "alice", "done", List.of(),
                NullNode.getInstance()));
        assertThat(snapshotFile).doesNotExist();

        // Another process appends many events the fold ignores; one fsync keeps this fast.
        try (EventLog log = EventLog.open(workspace.eventsFile(workflowId), clock)) {
            Ticks.append(log, WorkflowHandle.SNAPSHOT_EVERY);
        }
        service.status(workflowId); // catches up and snapshots
        clock.advance(Duration.ofMinutes(1));
        service.claim(workflowId, "builders", "bob", Optional.empty(), TTL); // one event after the snapshot
    }

    @AfterEach
    void closeServices() {
        services.forEach(WorkflowService::close);
    }

    private WorkflowService newService() {
        WorkflowService service = new WorkflowService(workspace, clock);
        services.add(service);
        return service;
    }

    @Test
    void snapshotIsWrittenOnceEnoughEventsAccumulated() {
        WorkflowSnapshot snapshot = SnapshotStore.read(snapshotFile).orElseThrow();

        assertThat(snapshot.workflowId()).isEqualTo(workflowId);
        assertThat(snapshot.seq()).isEqualTo(3 + WorkflowHandle.SNAPSHOT_EVERY);
        assertThat(snapshot.tasks()).hasSize(3);
        try (EventLog log = EventLog.open(workspace.eventsFile(workflowId), clock)) {
            assertThat(log.endsWith(snapshot.offset(), snapshot.seq(), snapshot.lastEventId())).isTrue();
        }
    }

    @Test
    void newServiceResumesFromTheSnapshotWithIdenticalStatus() throws IOException {
        WorkflowStatus expected = newService().status(workflowId);
        // Damage a line the snapshot covers: only a service that trusts the snapshot can still read the workflow.
        Path log = workspace.eventsFile(workflowId);
        byte[] bytes = Files.readAllBytes(log);
        int secondLine = indexOf(bytes, (byte) '\n') + 1;
        bytes[secondLine] = '#';
        Files.write(log, bytes);

        WorkflowService reopened = newService();

        assertThat(reopened.status(workflowId)).isEqualTo(expected);
        assertThat(expected.lastSeq()).isEqualTo(4 + WorkflowHandle.SNAPSHOT_EVERY);
        assertThat(expected.tasks()).extracting(TaskView::claimedBy)
                .containsExactly(Optional.empty(), Optional.of("bob"), Optional.empty());
    }

    @Test
    void resumedServiceStillServesOldEventsAndAcceptsCommands() {
        WorkflowService reopened = newService();

        EventsPage page = reopened.events(new EventQuery(workflowId, 0, Set.of(), Optional.empty(),
                Optional.empty(), 5));
        ClaimResult claim = reopened.claim(workflowId, "builders", "carol", Optional.empty(), TTL);

        assertThat(page.events()).extracting(event -> event.seq()).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(page.lastSeq()).isEqualTo(4 + WorkflowHandle.SNAPSHOT_EVERY);
        assertThat(claim.task().orElseThrow().spec().id()).isEqualTo("t3");
    }

    @Test
    void unreadableSnapshotIsIgnored() throws IOException {
        WorkflowStatus expected = newService().status(workflowId);
        Files.writeString(snapshotFile, "{\"format\":1,\"workflow_id\":", StandardCharsets.UTF_8);

        assertThat(newService().status(workflowId)).isEqualTo(expected);
    }

    @Test
    void snapshotThatDoesNotMatchTheLogIsIgnored() throws IOException {
        WorkflowStatus expected = newService().status(workflowId);

        rewriteSnapshot(json -> json.put("last_event_id", "0190a000-0000-7000-8000-000000000000")
                .put("goal", "stale goal"));

        assertThat(newService().status(workflowId)).isEqualTo(expected);
    }

    @Test
    void snapshotPointingPastTheEndOfTheLogIsIgnored() throws IOException {
        WorkflowStatus expected = newService().status(workflowId);

        rewriteSnapshot(json -> json.put("offset", json.get("offset").asLong() * 10).put("goal", "stale goal"));

        assertThat(newService().status(workflowId)).isEqualTo(expected);
    }

    @Test
    void snapshotOfAnotherWorkflowIsIgnored() throws IOException {
        WorkflowStatus expected = newService().status(workflowId);

        rewriteSnapshot(json -> json.put("workflow_id", "wf-other").put("goal", "stale goal"));

        assertThat(newService().status(workflowId)).isEqualTo(expected);
    }

    private void rewriteSnapshot(Consumer<ObjectNode> change) throws IOException {
        ObjectNode json = (ObjectNode) Json.mapper().readTree(snapshotFile.toFile());
        change.accept(json);
        Json.mapper().writeValue(snapshotFile.toFile(), json);
    }

    private static int indexOf(byte[] bytes, byte value) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == value) {
                return i;
            }
        }
        throw new AssertionError("no " + (char) value);
    }
}
