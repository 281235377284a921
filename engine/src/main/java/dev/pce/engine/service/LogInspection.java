package dev.pce.engine.service;

import dev.pce.engine.CeException;
import dev.pce.engine.event.ClaimRevoked;
import dev.pce.engine.event.Event;
import dev.pce.engine.event.LeaseExpired;
import dev.pce.engine.event.ProgressRolledBack;
import dev.pce.engine.event.TaskClaimed;
import dev.pce.engine.event.TaskCompleted;
import dev.pce.engine.event.TaskEvent;
import dev.pce.engine.event.TaskReopened;
import dev.pce.engine.event.TaskFailed;
import dev.pce.engine.event.TaskProgressed;
import dev.pce.engine.event.PlanEdited;
import dev.pce.engine.event.TasksAdded;
import dev.pce.engine.event.WorkflowPlanned;
import dev.pce.engine.log.LogFileScan;
import dev.pce.engine.model.TaskSpec;
import dev.pce.engine.service.LogProblem.Kind;
import dev.pce.engine.workflow.WorkflowState;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Finds everything wrong with a scanned log, line by line: what PCE refuses to read (a line that does not decode,
 * a seq out of place, an event that does not fit the ones before it, a log cut before its acknowledged end, no
 * plan first), and what it reads though it was changed outside PCE (event ids that are not PCE's, or twice in the
 * log; a report under a claim its task never had; an event about a task the workflow does not have).
 */
final class LogInspection {
    /** A UUID version 7 as PCE writes it: lowercase, version 7, the RFC 4122 variant. */
    private static final Pattern UUID_V7 =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    private static final String EDITED = "The line was changed outside PCE: restore the log from a backup, or write "
            + "back what it held if you know it.";

    private final LogFileScan scan;
    private final WorkflowState state;
    private final List<LogProblem> problems = new ArrayList<>();
    private final Map<String, Long> lineOfId = new HashMap<>();
    /** Every claim each task had so far, with the line it is on. */
    private final Map<String, Map<String, Long>> claimsOfTask = new LinkedHashMap<>();
    /** Whether the events so far fold, as they must for PCE to read the workflow. */
    private boolean folding = true;
    /** Whether a line before did not read: what it held (a claim, a task) is unknown, so claims are not judged. */
    private boolean linesLost;

    private LogInspection(LogFileScan scan, String workflowId) {
        this.scan = scan;
        this.state = new WorkflowState(workflowId);
    }

    static List<LogProblem> of(LogFileScan scan, String workflowId) {
        return new LogInspection(scan, workflowId).run();
    }

    private List<LogProblem> run() {
        if (scan.lines().isEmpty()) {
            problems.add(new LogProblem(0, Kind.UNREADABLE, scan.acknowledged().isPresent()
                    ? "Event log " + scan.file() + " is empty, but it held " + scan.acknowledged().get().seq()
                    + " acknowledged events."
                    : WorkflowHandle.empty(scan.file(), state.workflowId()).getMessage(),
                    "Restore the file from a backup; if the workflow is not needed, ce doctor --repair-log "
                            + state.workflowId() + " moves its folder aside."));
            return problems;
        }
        for (LogFileScan.Line line : scan.lines()) {
            if (line.error().isPresent()) {
                unreadable(line.number(), line.error().get());
                linesLost = true;
            } else {
                inspect(line.number(), line.event().orElseThrow());
            }
        }
        inspectEnd();
        return problems;
    }

    private void inspect(long line, Event event) {
        if (event.seq() != line) {
            unreadable(line, "Event log " + scan.file() + " line " + line + " has seq " + event.seq() + ", expected "
                    + line + ".", "Lines were reordered, removed or added outside PCE; restore the log from a backup.");
        }
        inspectId(line, event.id());
        // without the plan, or after a line that did not read, the tasks and claims are not all known
        if (event.payload() instanceof TaskEvent taskEvent && !linesLost && !claimsOfTask.isEmpty()) {
            inspectTaskEvent(line, event, taskEvent);
        }
        learnTasks(event);
        if (folding) {
            try {
                state.apply(event);
            } catch (CeException e) {
                unreadable(line, "Event log " + scan.file() + ": " + e.getMessage(), e.fix());
            }
        }
    }

    private void inspectId(long line, String id) {
        if (!UUID_V7.matcher(id).matches()) {
            inconsistent(line, "its event id '" + id + "' is not a UUID version 7 as PCE writes them (logs of "
                    + "parallel jobs merge by id).", EDITED);
        }
        Long first = lineOfId.putIfAbsent(id, line);
        if (first != null) {
            inconsistent(line, "its event id " + id + " is also the id of line " + first + " (a merge keeps only "
                    + "one of them).", EDITED);
        }
    }

    private void inspectTaskEvent(long line, Event event, TaskEvent taskEvent) {
        String task = taskEvent.taskId();
        Map<String, Long> claims = claimsOfTask.get(task);
        if (claims == null) {
            inconsistent(line, event.type() + " names task '" + task + "', which the workflow does not have; PCE "
                    + "ignores it.", EDITED);
            return;
        }
        if (taskEvent instanceof TaskClaimed claimed) {
            claims.putIfAbsent(claimed.claimId(), line);
            return;
        }
        String claimId = claimOf(taskEvent);
        if (!claims.containsKey(claimId)) {
            String known = claims.isEmpty() ? "it was never claimed" : "its claims are " + describe(claims);
            inconsistent(line, event.type() + " of task '" + task + "' names claim " + claimId + ", but " + known
                    + "; PCE ignores this report, so the task's state misses it.", "The claim id was changed "
                    + "outside PCE: restore the log from a backup, or write back the claim id of the claim this "
                    + "report belongs to.");
        }
    }

    /** The claim a report about a task was made under. */
    private static String claimOf(TaskEvent event) {
        return switch (event) {
            case TaskClaimed claimed -> claimed.claimId();
            case TaskCompleted completed -> completed.claimId();
            case TaskFailed failed -> failed.claimId();
            case TaskProgressed progressed -> progressed.claimId();
            case ProgressRolledBack rolledBack -> rolledBack.claimId();
            case LeaseExpired expired -> expired.claimId();
            case ClaimRevoked revoked -> revoked.claimId();
            case TaskReopened reopened -> reopened.claimId();
        };
    }

    private static String describe(Map<String, Long> claims) {
        List<String> each = new ArrayList<>();
        claims.forEach((claimId, line) -> each.add(claimId + " (line " + line + ")"));
        return String.join(", ", each);
    }

    private void learnTasks(Event event) {
        List<TaskSpec> tasks = switch (event.payload()) {
            case WorkflowPlanned planned -> planned.tasks();
            case TasksAdded added -> added.tasks();
            case PlanEdited edited -> edited.added();
            default -> List.of();
        };
        tasks.forEach(task -> claimsOfTask.putIfAbsent(task.id(), new LinkedHashMap<>()));
    }

    /** What lies after the last complete line, against how far the log had been acknowledged. */
    private void inspectEnd() {
        if (scan.acknowledged().isEmpty()) {
            return;
        }
        LogFileScan.Acknowledged acknowledged = scan.acknowledged().get();
        long lines = scan.lines().size();
        if (lines >= acknowledged.seq()) {
            return;
        }
        String where = scan.tail().map(tail -> "ends inside line " + tail.line() + " (" + tail.bytes()
                + " bytes without a newline)").orElse("ends after line " + lines);
        unreadable(scan.tail().map(LogFileScan.Tail::line).orElse(lines + 1), "Event log " + scan.file() + " "
                + where + ", but it held " + acknowledged.seq() + " acknowledged events (the last one "
                + acknowledged.eventId() + "): it was cut outside PCE and events " + (lines + 1) + " to "
                + acknowledged.seq() + " are missing.", "Restore the file from a backup. To go on with the events "
                + "it still holds, run ce doctor --repair-log " + state.workflowId() + " (PCE keeps a copy).");
    }

    private void unreadable(long line, CeException error) {
        unreadable(line, error.getMessage(), error.fix());
    }

    private void unreadable(long line, String what, String fix) {
        folding = false;
        problems.add(new LogProblem(line, Kind.UNREADABLE, what, fix));
    }

    private void inconsistent(long line, String what, String fix) {
        problems.add(new LogProblem(line, Kind.INCONSISTENT, "Event log " + scan.file() + " line " + line + ": "
                + what, fix));
    }
}
