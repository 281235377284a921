package dev.pce.engine.service;

import dev.pce.engine.AtomicFile;
import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.engine.event.Event;
import dev.pce.engine.log.EventLog;
import dev.pce.engine.log.LogFileScan;
import dev.pce.engine.workspace.Workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * {@code ce doctor --repair-log ID}: on a person's request, makes a workflow whose log PCE refuses readable again
 * from what the log still holds, deleting nothing. The events before the first line PCE cannot read stay; the
 * whole damaged file is kept beside the log first. A log without a readable plan holds no workflow to go on with:
 * its folder is moved aside. Nothing acknowledged is ever cut without this request.
 */
public final class LogRepair {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    /** What the repair did. */
    public sealed interface Outcome {
        /** A sentence for the person who asked. */
        String describe();
    }

    /** PCE reads the log as it is; nothing was changed. */
    public record NothingToRepair(Path file) implements Outcome {
        @Override
        public String describe() {
            return "PCE reads " + file + "; nothing to repair (ce doctor lists what else it finds).";
        }
    }

    /** The log ended before its acknowledged end, cleanly after a line: it is now taken as it is. */
    public record Accepted(Path file, long events) implements Outcome {
        @Override
        public String describe() {
            return "Accepted " + file + " as it is, with " + events + " events: the events acknowledged after "
                    + "them are not in it and were not recovered.";
        }
    }

    /** The events before the first damaged line stay; the whole damaged file was copied first. */
    public record Cut(Path file, long keptEvents, long fromLine, Path copy) implements Outcome {
        @Override
        public String describe() {
            return "Kept events 1 to " + keptEvents + " of " + file + " and cut it from line " + fromLine
                    + "; the whole damaged file is in " + copy + ". What was recorded from line " + fromLine
                    + " on is no longer part of the workflow: tasks completed there are handed out again; compare "
                    + "with the copy.";
        }
    }

    /** No readable plan: the workflow's folder was moved aside, out of the listings. */
    public record SetAside(String workflowId, Path movedTo) implements Outcome {
        @Override
        public String describe() {
            return "Workflow " + workflowId + " has no readable plan to go on from; its folder was moved to "
                    + movedTo + " (delete it once you no longer need it).";
        }
    }

    private LogRepair() {
    }

    public static Outcome repair(Workspace workspace, String workflowId, Clock clock) {
        if (!workspace.hasWorkflow(workflowId)) {
            throw new CeException(ErrorCode.UNKNOWN_WORKFLOW, "Workflow '" + workflowId + "' has no event log in "
                    + "workspace " + workspace.root() + ".", "Give an id that ce doctor lists.");
        }
        Path file = workspace.eventsFile(workflowId);
        LogFileScan scan = LogFileScan.of(file);
        long firstDamaged = LogInspection.of(scan, workflowId).stream()
                .filter(problem -> problem.kind() == LogProblem.Kind.UNREADABLE)
                .mapToLong(LogProblem::line).min().orElse(-1);
        if (firstDamaged < 0) {
            return new NothingToRepair(file);
        }
        if (firstDamaged <= 1) {
            return setAside(workspace, workflowId, clock);
        }
        LogFileScan.Line lastKept = scan.lines().get((int) firstDamaged - 2);
        Event last = lastKept.event().orElseThrow();
        String stamp = STAMP.format(clock.instant());
        Path copy = file.resolveSibling(file.getFileName() + ".damaged-" + stamp);
        try (EventLog log = EventLog.open(file, clock)) {
            log.cutAfter(lastKept.end(), last.seq(), last.id(), scan.size(), copy);
        }
        deleteSnapshot(workspace, workflowId);
        return lastKept.end() == scan.size()
                ? new Accepted(file, lastKept.number())
                : new Cut(file, lastKept.number(), firstDamaged, copy);
    }

    private static Outcome setAside(Workspace workspace, String workflowId, Clock clock) {
        Path dir = workspace.workflowDir(workflowId);
        Path aside = workspace.workflowsDir().resolve(".damaged-" + workflowId + "-" + STAMP.format(clock.instant()));
        try {
            Files.move(dir, aside, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new CeException(ErrorCode.IO, "Could not move " + dir + " to " + aside + ": " + e.getMessage()
                    + ".", "Move the folder out of " + workspace.workflowsDir() + " by hand.", e);
        }
        AtomicFile.syncDirectory(workspace.workflowsDir());
        return new SetAside(workflowId, aside);
    }

    /** The snapshot describes the log as it was: a cache to rebuild. */
    private static void deleteSnapshot(Workspace workspace, String workflowId) {
        try {
            Files.deleteIfExists(workspace.workflowDir(workflowId).resolve(Workspace.SNAPSHOT_FILE));
        } catch (IOException e) {
            // a snapshot that no longer matches the log is ignored on open
        }
    }
}
