package dev.pce.engine.service;

import dev.pce.engine.CeException;
import dev.pce.engine.event.Event;
import dev.pce.engine.log.LogFileScan;
import dev.pce.engine.workflow.WorkflowSnapshot;
import dev.pce.engine.workflow.WorkflowState;
import dev.pce.engine.workspace.Workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Checks one workflow's files the way {@code ce doctor} reports them, changing nothing but a wrong snapshot on
 * request: every line of the event log (see {@link LogInspection} for what is checked), and the snapshot, a cache,
 * against a replay of the log up to its event. A snapshot that differs is deleted when repairing caches: the next
 * open replays the log, which is the truth. A log is never changed here (see {@link LogRepair}).
 */
public final class WorkflowCheck {

    /** What the check found. */
    public enum Verdict { OK, REPAIRED, PROBLEM }

    /**
     * @param file     the event log
     * @param events   the events the log holds (its lines that read)
     * @param log      PROBLEM when {@code problems} lists any
     * @param snapshot OK when absent or equal to the replay, REPAIRED when a wrong one was deleted, PROBLEM when a
     *                 wrong one was found and not repaired
     * @param detail   what was found, in a few words
     * @param problems every problem of the log, by line, each with what to do
     */
    public record Result(String workflowId, Path file, int events, Verdict log, Verdict snapshot, String detail,
                         List<LogProblem> problems) {
        public Result {
            problems = List.copyOf(problems);
        }

        /** Whether PCE reads the workflow (it may still hold events changed outside PCE). */
        public boolean readable() {
            return problems.stream().noneMatch(problem -> problem.kind() == LogProblem.Kind.UNREADABLE);
        }
    }

    private WorkflowCheck() {
    }

    public static Result check(Workspace workspace, String workflowId, boolean repair) {
        Path file = workspace.eventsFile(workflowId);
        LogFileScan scan;
        try {
            scan = LogFileScan.of(file);
        } catch (CeException e) {
            return new Result(workflowId, file, 0, Verdict.PROBLEM, Verdict.OK, "the log cannot be read",
                    List.of(new LogProblem(0, LogProblem.Kind.UNREADABLE, e.getMessage(), e.fix())));
        }
        List<Event> events = scan.lines().stream().flatMap(line -> line.event().stream()).toList();
        List<LogProblem> problems = LogInspection.of(scan, workflowId);
        Result logOnly = new Result(workflowId, file, events.size(), problems.isEmpty() ? Verdict.OK
                : Verdict.PROBLEM, Verdict.OK, logDetail(scan, problems), problems);
        if (!logOnly.readable()) {
            return logOnly;
        }
        return withSnapshot(logOnly, workspace.workflowDir(workflowId).resolve(Workspace.SNAPSHOT_FILE), events,
                repair);
    }

    private static String logDetail(LogFileScan scan, List<LogProblem> problems) {
        if (!problems.isEmpty()) {
            return problems.size() + " problem(s) in " + scan.file();
        }
        return scan.tail().map(tail -> "a torn last line of " + tail.bytes() + " bytes after the acknowledged end "
                + "(an append that never finished; never acknowledged), which the next change to the workflow cuts; ")
                .orElse("");
    }

    private static Result withSnapshot(Result log, Path snapshotFile, List<Event> events, boolean repair) {
        Optional<WorkflowSnapshot> snapshot = SnapshotStore.read(snapshotFile);
        if (snapshot.isEmpty()) {
            return snapshot(log, Verdict.OK, "no snapshot (the log is replayed)");
        }
        WorkflowState replayed = new WorkflowState(log.workflowId());
        events.stream().filter(event -> event.seq() <= snapshot.get().seq()).forEach(replayed::apply);
        if (comparable(replayed.snapshot(0)).equals(comparable(snapshot.get()))) {
            return snapshot(log, Verdict.OK, "the snapshot at event " + snapshot.get().seq() + " equals the replay");
        }
        if (!repair) {
            return snapshot(log, Verdict.PROBLEM, "the snapshot at event " + snapshot.get().seq()
                    + " differs from the replay; --repair deletes it");
        }
        try {
            Files.deleteIfExists(snapshotFile);
        } catch (IOException e) {
            return snapshot(log, Verdict.PROBLEM, "the snapshot differs from the replay and cannot be deleted: "
                    + e.getMessage());
        }
        return snapshot(log, Verdict.REPAIRED, "the snapshot differed from the replay and was deleted (it is a cache)");
    }

    private static Result snapshot(Result log, Verdict verdict, String detail) {
        String separator = log.detail().isEmpty() || log.detail().endsWith("; ") ? "" : "; ";
        return new Result(log.workflowId(), log.file(), log.events(), log.log(), verdict,
                log.detail() + separator + detail, log.problems());
    }

    /** A snapshot without its byte offset, which only says where in the file it ends. */
    private static WorkflowSnapshot comparable(WorkflowSnapshot snapshot) {
        return new WorkflowSnapshot(snapshot.format(), snapshot.workflowId(), snapshot.seq(), 0,
                snapshot.lastEventId(), snapshot.goal(), snapshot.createdAt(), snapshot.updatedAt(), snapshot.tasks(),
                snapshot.edges(), snapshot.gates(), snapshot.conflicts(), snapshot.poolSizes(),
                snapshot.editRequests());
    }
}
