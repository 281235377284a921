package dev.pce.engine.service;

import dev.pce.engine.CeException;
import dev.pce.engine.event.Event;
import dev.pce.engine.log.EventLog;
import dev.pce.engine.workflow.WorkflowSnapshot;
import dev.pce.engine.workflow.WorkflowState;
import dev.pce.engine.workspace.Workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Checks one workflow's files the way {@code ce doctor} reports them: the event log reads to its end (a torn last
 * line is cut, as every open does) and its events fold into a state, and the snapshot, a cache, equals a replay of the log up to its event. A
 * snapshot that does not is deleted when repairing: the next open replays the log, which is the truth.
 */
public final class WorkflowCheck {

    /** What the check found. */
    public enum Verdict { OK, REPAIRED, PROBLEM }

    /**
     * @param events   the events the log holds
     * @param log      whether the log reads; PROBLEM names what is wrong in {@code detail}
     * @param snapshot OK when absent or equal to the replay, REPAIRED when a wrong one was deleted, PROBLEM when a
     *                 wrong one was found and not repaired
     */
    public record Result(String workflowId, int events, Verdict log, Verdict snapshot, String detail) {
    }

    private WorkflowCheck() {
    }

    public static Result check(Workspace workspace, String workflowId, boolean repair) {
        List<Event> events;
        try (EventLog log = EventLog.open(workspace.eventsFile(workflowId), Clock.systemUTC())) {
            events = log.readNew();
        } catch (CeException e) {
            return new Result(workflowId, 0, Verdict.PROBLEM, Verdict.OK, e.describe());
        }
        try {
            // Lines that decode can still hold events that do not fit together; the server would refuse the log.
            new WorkflowState(workflowId).applyAll(events);
        } catch (CeException e) {
            return new Result(workflowId, events.size(), Verdict.PROBLEM, Verdict.OK, e.describe());
        }
        Path snapshotFile = workspace.workflowDir(workflowId).resolve(Workspace.SNAPSHOT_FILE);
        Optional<WorkflowSnapshot> snapshot = SnapshotStore.read(snapshotFile);
        if (snapshot.isEmpty()) {
            return new Result(workflowId, events.size(), Verdict.OK, Verdict.OK, "no snapshot (the log is replayed)");
        }
        WorkflowState replayed = new WorkflowState(workflowId);
        events.stream().filter(event -> event.seq() <= snapshot.get().seq()).forEach(replayed::apply);
        if (comparable(replayed.snapshot(0)).equals(comparable(snapshot.get()))) {
            return new Result(workflowId, events.size(), Verdict.OK, Verdict.OK,
                    "the snapshot at event " + snapshot.get().seq() + " equals the replay");
        }
        if (!repair) {
            return new Result(workflowId, events.size(), Verdict.OK, Verdict.PROBLEM,
                    "the snapshot at event " + snapshot.get().seq() + " differs from the replay; --repair deletes it");
        }
        try {
            Files.deleteIfExists(snapshotFile);
        } catch (IOException e) {
            return new Result(workflowId, events.size(), Verdict.OK, Verdict.PROBLEM,
                    "the snapshot differs from the replay and cannot be deleted: " + e.getMessage());
        }
        return new Result(workflowId, events.size(), Verdict.OK, Verdict.REPAIRED,
                "the snapshot differed from the replay and was deleted (it is a cache)");
    }

    /** A snapshot without its byte offset, which only says where in the file it ends. */
    private static WorkflowSnapshot comparable(WorkflowSnapshot snapshot) {
        return new WorkflowSnapshot(snapshot.format(), snapshot.workflowId(), snapshot.seq(), 0,
                snapshot.lastEventId(), snapshot.goal(), snapshot.createdAt(), snapshot.updatedAt(), snapshot.tasks(),
                snapshot.edges(), snapshot.gates(), snapshot.conflicts());
    }
}
