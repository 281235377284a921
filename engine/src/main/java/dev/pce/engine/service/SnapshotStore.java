package dev.pce.engine.service;

import dev.pce.engine.Json;
import dev.pce.engine.workflow.WorkflowSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Reads and writes a workflow's snapshot file. The snapshot is a cache: unreadable means absent, and writing is
 * atomic (rename) but not forced to disk, because the log is the source of truth.
 */
final class SnapshotStore {
    private static final Logger LOG = LoggerFactory.getLogger(SnapshotStore.class);

    private SnapshotStore() {
    }

    static Optional<WorkflowSnapshot> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            WorkflowSnapshot snapshot = Json.mapper().readValue(file.toFile(), WorkflowSnapshot.class);
            return snapshot.format() == WorkflowSnapshot.FORMAT ? Optional.of(snapshot) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            LOG.info("Ignoring unreadable snapshot {} ({}); replaying the event log instead.", file, e.toString());
            return Optional.empty();
        }
    }

    static void write(Path file, WorkflowSnapshot snapshot) {
        Path temp = null;
        try {
            temp = Files.createTempFile(file.getParent(), ".snapshot-", ".part");
            Json.mapper().writeValue(temp.toFile(), snapshot);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not write snapshot {} ({}); it is only a cache, continuing.", file, e.toString());
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // best effort
                }
            }
        }
    }
}
