package dev.pce.engine.workspace;

import dev.pce.engine.AtomicFile;
import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.engine.IoFailures;
import dev.pce.engine.model.Ids;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The on-disk layout shared by every server process of a repository:
 * <pre>
 * .ce-workspace/
 *   workspace.json            format marker
 *   workflows/&lt;id&gt;/events.jsonl   source of truth
 *   workflows/&lt;id&gt;/events.jsonl.ack  how far it was acknowledged
 *   workflows/&lt;id&gt;/snapshot.json  cache
 *   artifacts/  logs/  index/
 * </pre>
 * Created on first use; creating it again (by a concurrent process) is harmless.
 */
public final class Workspace {
    public static final String EVENTS_FILE = "events.jsonl";
    public static final String SNAPSHOT_FILE = "snapshot.json";
    static final String STAGING_PREFIX = ".staging-";
    static final String TRASH_PREFIX = ".trash-";
    private static final String MARKER = "{\"format\":1,\"tool\":\"pce\"}\n";

    private final Path root;

    private Workspace(Path root) {
        this.root = root;
    }

    /** Opens the workspace at {@code root}, creating its layout if missing. */
    public static Workspace open(Path root) {
        Path absolute = root.toAbsolutePath().normalize();
        try {
            for (String dir : List.of("workflows", "artifacts", "logs", "index")) {
                Files.createDirectories(absolute.resolve(dir));
            }
            writeIfAbsent(absolute.resolve("workspace.json"), MARKER);
            // The workspace lives in the user's repository but is never meant to be committed.
            writeIfAbsent(absolute.resolve(".gitignore"), "# PCE workspace: local state, not source\n*\n");
        } catch (IOException e) {
            throw new CeException(ErrorCode.IO, "Could not create the PCE workspace at " + absolute + ": "
                    + e.getMessage() + ".", "Set CE_WORKSPACE to a writable directory.", e);
        }
        return new Workspace(absolute);
    }

    private static void writeIfAbsent(Path file, String content) throws IOException {
        if (Files.exists(file)) {
            return;
        }
        Path temp = Files.createTempFile(file.getParent(), ".tmp-", ".part");
        Files.writeString(temp, content, StandardCharsets.UTF_8);
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException raced) {
            Files.deleteIfExists(temp);
        }
    }

    public Path root() {
        return root;
    }

    public Path workflowsDir() {
        return root.resolve("workflows");
    }

    public Path logsDir() {
        return root.resolve("logs");
    }

    public Path artifactsDir() {
        return root.resolve("artifacts");
    }

    public Path indexDir() {
        return root.resolve("index");
    }

    /** The directory of a workflow; the id is checked so it can never leave {@code workflows/}. */
    public Path workflowDir(String workflowId) {
        return workflowsDir().resolve(Ids.requireWorkflowId(workflowId, "workflow_id"));
    }

    public Path eventsFile(String workflowId) {
        return workflowDir(workflowId).resolve(EVENTS_FILE);
    }

    public boolean hasWorkflow(String workflowId) {
        return Ids.isWorkflowId(workflowId) && Files.isRegularFile(eventsFile(workflowId));
    }

    /** Ids of all workflows, oldest first (ids start with their creation time). */
    public List<String> workflowIds() {
        List<String> ids = new ArrayList<>();
        try (Stream<Path> entries = Files.list(workflowsDir())) {
            entries.map(path -> path.getFileName().toString())
                    .filter(name -> !name.startsWith("."))
                    .filter(this::hasWorkflow)
                    .forEach(ids::add);
        } catch (IOException e) {
            throw new CeException(ErrorCode.IO, "Could not list " + workflowsDir() + ": " + e.getMessage() + ".",
                    "Check that the workspace directory is readable.", e);
        }
        ids.sort(Comparator.naturalOrder());
        return ids;
    }

    /**
     * Creates a workflow atomically: {@code initializer} writes the first events into a staging directory, which
     * is then renamed into place. Other processes never see a half-created workflow.
     *
     * @return false, storing nothing, when a workflow with this id exists already (ids carry a short random part,
     *         so two processes, or one busy one, can draw the same id in the same second); the caller draws again
     */
    public boolean createWorkflow(String workflowId, WorkflowInitializer initializer) {
        Path target = workflowDir(workflowId);
        Path staging = workflowsDir().resolve(STAGING_PREFIX + workflowId);
        if (Files.exists(target)) {
            return false;
        }
        try {
            Files.createDirectory(staging);
        } catch (FileAlreadyExistsException e) {
            return false; // another process is creating a workflow with this id right now
        } catch (IOException e) {
            throw creationFailed(workflowId, e);
        }
        try {
            initializer.initialize(staging.resolve(EVENTS_FILE));
            AtomicFile.syncDirectory(staging);
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            AtomicFile.syncDirectory(workflowsDir());
            return true;
        } catch (IOException e) {
            deleteStaging(staging);
            if (Files.exists(target)) {
                return false; // another process took the id since the check above (rename says "not empty")
            }
            throw creationFailed(workflowId, e);
        } catch (RuntimeException e) {
            deleteStaging(staging); // the initializer's own error (a full disk) says what happened
            throw e;
        }
    }

    private CeException creationFailed(String workflowId, IOException e) {
        return IoFailures.failed("create workflow " + workflowId + " in " + workflowsDir(), workflowsDir(), e,
                "Nothing was stored.");
    }

    /** A failed creation leaves nothing behind; where even that fails, gc removes stale staging later. */
    private static void deleteStaging(Path staging) {
        try {
            deleteTree(staging);
        } catch (CeException e) {
            // the creation's own error matters more
        }
    }

    /** Writes the first events of a new workflow's log. */
    @FunctionalInterface
    public interface WorkflowInitializer {
        void initialize(Path eventsFile) throws IOException;
    }

    /** Removes a directory tree; missing files are fine. */
    public static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new CeException(ErrorCode.IO, "Could not remove " + dir + ": " + e.getMessage() + ".",
                    "Remove it by hand.", e);
        }
    }
}
