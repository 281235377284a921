package dev.pce.engine.learning.insight.experiment;

import dev.pce.engine.evidence.EvidenceLocations;
import dev.pce.engine.knowledge.KnowledgeStore;
import dev.pce.engine.service.WorkflowService;

import java.nio.file.Path;
import java.time.Clock;

/**
 * One process of the capture experiment on one workspace, as the server composes it: the engine with the conflict
 * and gate rules, and the project's vault. Closing it closes both, as a process that ends does.
 *
 * @param workflows the engine, with the real gate rules and conflict arbiter
 * @param vault     the project's own vault, open
 * @param vaultRoot the vault's folder, where the notes are read back from their files
 * @param evidence  where evidence files may lie
 * @param project   the project's root, where the experiment writes its evidence files
 */
public record CaptureProcess(WorkflowService workflows, KnowledgeStore vault, Path vaultRoot,
                             EvidenceLocations evidence, Path project, AutoCloseable closer)
        implements AutoCloseable {

    @Override
    public void close() throws Exception {
        closer.close();
    }

    /** Starts the process of a run on the workspace under {@code dir}, its engine on {@code clock}. */
    @FunctionalInterface
    public interface Factory {
        CaptureProcess start(Path dir, Clock clock);
    }
}
