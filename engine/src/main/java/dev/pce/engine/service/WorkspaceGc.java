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
 * threshold. Active workflows are never touched. The removal happens under the log's lock after a last look at
 * the log, so a workflow that another process just revived is kept.
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

    public static List<Entry> collect(Workspace workspace, Duration olderThan, Clock clock, boolean dryRun) {
        Instant cutoff = clock.instant().minus(olderThan);
        List<Entry> entries = new ArrayList<>();
        for (String id : workspace.workflowIds()) {
            Path dir = workspace.workflowDir(id);
            try (EventLog log = EventLog.open(dir.resolve(Workspace.EVENTS_FILE), clock)) {
                WorkflowState state = new WorkflowState(id);
                state.applyAll(log.readNew());
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
                entries.add(new Entry(id, phase, state.updatedAt(), eligible, removed));
            }
        }
        if (!dryRun) {
            removeLeftovers(workspace, clock.instant());
        }
        return entries;
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
