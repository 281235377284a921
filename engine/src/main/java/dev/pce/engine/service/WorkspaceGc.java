package dev.pce.engine.service;

import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.engine.log.EventLog;
import dev.pce.engine.workflow.WorkflowState;
import dev.pce.engine.workspace.Workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Removes finished workflows (completed, or failed with nothing left to run) whose last event is older than a
 * threshold. Active workflows are never touched, nor are workflows whose logs cannot be read. The removal happens
 * under the log's lock after a last look at the log, so a workflow that another process just revived is kept.
 */
public final class WorkspaceGc {
    private static final Duration STALE_STAGING = Duration.ofHours(1);

    private WorkspaceGc() {
    }

    /**
     * What gc found for one workflow.
     *
     * @param eligible finished and old enough to remove
     * @param removed  actually removed (never in a dry run)
     */
    public record Entry(String workflowId, WorkflowPhase phase, Instant updatedAt, boolean eligible,
                        boolean removed) {
    }

    /**
     * What gc did: an entry per readable workflow, and the workflows whose logs could not be read, kept untouched
     * with the reason (ce doctor says more).
     */
    public record Result(List<Entry> entries, List<WorkflowListing.UnreadableWorkflow> unreadable) {
        public Result {
            entries = List.copyOf(entries);
            unreadable = List.copyOf(unreadable);
        }
    }

    public static Result collect(Workspace workspace, Duration olderThan, Clock clock, boolean dryRun) {
        Instant cutoff = clock.instant().minus(olderThan);
        List<Entry> entries = new ArrayList<>();
        List<WorkflowListing.UnreadableWorkflow> unreadable = new ArrayList<>();
        for (String id : workspace.workflowIds()) {
            try {
                entries.add(collect(workspace, id, cutoff, clock, dryRun));
            } catch (CeException e) {
                unreadable.add(new WorkflowListing.UnreadableWorkflow(id, e.describe()));
            }
        }
        if (!dryRun) {
            removeLeftovers(workspace, clock.instant());
        }
        return new Result(entries, unreadable);
    }

    private static Entry collect(Workspace workspace, String id, Instant cutoff, Clock clock, boolean dryRun) {
        Path dir = workspace.workflowDir(id);
        Path file = dir.resolve(Workspace.EVENTS_FILE);
        try (EventLog log = EventLog.open(file, clock)) {
            WorkflowState state = new WorkflowState(id);
            state.applyAll(log.readNew());
            if (state.lastSeq() == 0) {
                throw WorkflowHandle.empty(file, id);
            }
            WorkflowPhase phase = StatusReport.of(state, clock.instant()).phase();
            boolean eligible = phase.finished() && state.updatedAt().isBefore(cutoff);
            boolean removed = eligible && !dryRun && log.locked((caughtUp, appender) -> {
                state.applyAll(caughtUp);
                if (!caughtUp.isEmpty()) {
                    return false;
                }
                moveToTrash(workspace, dir);
                return true;
            });
            return new Entry(id, phase, state.updatedAt(), eligible, removed);
        }
    }

    private static void moveToTrash(Workspace workspace, Path dir) {
        Path trash = workspace.workflowsDir().resolve(".trash-" + dir.getFileName() + "-" + System.nanoTime());
        try {
            Files.move(dir, trash, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new CeException(ErrorCode.IO,
                    "Could not remove workflow directory " + dir + ": " + e.getMessage() + ".",
                    "Check permissions on the workspace.", e);
        }
    }

    /** Trash from earlier runs and staging directories of creations that died long ago. */
    private static void removeLeftovers(Workspace workspace, Instant now) {
        try (Stream<Path> entries = Files.list(workspace.workflowsDir())) {
            for (Path path : entries.toList()) {
                String name = path.getFileName().toString();
                boolean trash = name.startsWith(".trash-");
                boolean staleStaging = name.startsWith(".staging-")
                        && Files.getLastModifiedTime(path).toInstant().isBefore(now.minus(STALE_STAGING));
                if (trash || staleStaging) {
                    Workspace.deleteTree(path);
                }
            }
        } catch (IOException e) {
            // Leftovers are harmless; the next gc tries again.
        }
    }
}
