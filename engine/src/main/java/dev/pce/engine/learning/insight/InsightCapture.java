package dev.pce.engine.learning.insight;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pce.engine.AtomicFile;
import dev.pce.engine.Cancellation;
import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.engine.ProcessLocks;
import dev.pce.engine.event.Event;
import dev.pce.engine.knowledge.KnowledgeNote;
import dev.pce.engine.knowledge.KnowledgeStore;
import dev.pce.engine.model.Ids;
import dev.pce.engine.service.EventQuery;
import dev.pce.engine.service.EventsPage;
import dev.pce.engine.service.WorkflowService;
import dev.pce.engine.workspace.Workspace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Writes the insight notes a workflow's log calls for that the vault does not hold yet, and brings PCE's own notes
 * up to date when more events of their insight happened. Idempotent: the notes are derived from the whole log
 * ({@link InsightEvents}, {@link InsightNotes}), named by the workflow and the insight, so capturing again writes
 * nothing new, and a capture that never ran (a crash between an append and its capture) is made up by the next.
 *
 * <p>One capture of a workflow runs at a time across the processes of a workspace (a lock file beside its log, and
 * a lock per file within this process, since one JVM cannot hold two locks on one file): each reads the log after
 * taking the lock, so a note is only ever replaced by one that covers more events.
 *
 * <p>A note a person has taken over (its {@code status} changed from {@code draft}, or its {@code capture} key
 * removed) or made unreadable is left as it is.
 */
public final class InsightCapture {
    static final String LOCK_FILE = "insights.lock";
    static final String MARK_FILE = "insights.captured";
    private static final Logger LOG = LoggerFactory.getLogger(InsightCapture.class);
    private static final Map<Path, ReentrantLock> IN_PROCESS_LOCKS = new ConcurrentHashMap<>();

    private final WorkflowService workflows;
    private final KnowledgeStore store;
    private final ZoneId zone;

    /** @param zone the time zone the notes' dates are written in */
    public InsightCapture(WorkflowService workflows, KnowledgeStore store, ZoneId zone) {
        this.workflows = workflows;
        this.store = store;
        this.zone = zone;
    }

    /** What one capture did with each note the log calls for. */
    public enum Outcome {
        /** Written: the vault had no note of the insight. */
        WRITTEN,
        /** Written over PCE's own note, which covered fewer of the insight's events. */
        UPDATED,
        /** The vault holds it as it should be. */
        UNCHANGED,
        /** A person took the note over, or it cannot be read: left as it is. */
        KEPT
    }

    /** The notes of one capture, each with what was done. */
    public record Result(String workflowId, Map<String, Outcome> notes) {
        public Result {
            notes = Map.copyOf(notes);
        }

        public long count(Outcome outcome) {
            return notes.values().stream().filter(outcome::equals).count();
        }
    }

    /**
     * Captures the insights of {@code workflowId}'s log as it is now.
     *
     * @throws CeException {@code UNKNOWN_WORKFLOW} when there is no such workflow; {@code IO} when the lock cannot
     *                     be taken; whatever the vault reports when a note cannot be written
     */
    public Result capture(String workflowId) {
        Ids.requireWorkflowId(workflowId, "workflow_id");
        Path dir = workflows.workspace().workflowDir(workflowId);
        return locked(dir.resolve(LOCK_FILE), () -> {
            long size = logSize(workflows.workspace(), workflowId);
            List<Event> events = workflows.wholeLog(workflowId, Cancellation.none());
            List<InsightNote> notes = InsightNotes.of(workflowId, InsightEvents.of(workflowId, events), zone);
            Map<String, Outcome> outcomes = new LinkedHashMap<>();
            for (InsightNote note : notes) {
                outcomes.put(note.id(), write(note));
            }
            AtomicFile.write(dir.resolve(MARK_FILE), Long.toString(size).getBytes(StandardCharsets.US_ASCII));
            return new Result(workflowId, outcomes);
        });
    }

    /**
     * Whether {@code workflowId}'s log changed since its last capture (or it never had one): what a catch-up after
     * start looks at, without reading any log.
     */
    public boolean behind(String workflowId) {
        Path mark = workflows.workspace().workflowDir(workflowId).resolve(MARK_FILE);
        try {
            String captured = Files.readString(mark, StandardCharsets.US_ASCII).strip();
            return Long.parseLong(captured) != logSize(workflows.workspace(), workflowId);
        } catch (NoSuchFileException e) {
            return true;
        } catch (IOException | NumberFormatException e) {
            return true; // unreadable mark: capture again, which is harmless
        }
    }

    private static long logSize(Workspace workspace, String workflowId) {
        try {
            return Files.size(workspace.eventsFile(workflowId));
        } catch (IOException e) {
            return -1; // gone: reading the events says so
        }
    }

    private Outcome write(InsightNote note) {
        String path = note.note().folder() + "/" + note.id() + ".md";
        Optional<KnowledgeNote> existing;
        try {
            existing = store.ownNote(path);
        } catch (CeException e) {
            LOG.warn("The insight note {} is left as it is: {}", path, e.describe());
            return Outcome.KEPT;
        }
        if (existing.isEmpty()) {
            try {
                store.captureAs(note.id(), note.note(), false);
                return Outcome.WRITTEN;
            } catch (CeException e) {
                if (e.code() == ErrorCode.CONFLICT) {
                    return Outcome.UNCHANGED; // written in between by a process that does not take the lock
                }
                throw e;
            }
        }
        JsonNode fm = existing.get().frontMatter();
        if (!InsightNote.AUTOMATIC.equals(fm.path(InsightNote.CAPTURE_KEY).asText())
                || !InsightNote.STATUS.equals(fm.path("status").asText())) {
            return Outcome.KEPT;
        }
        if (fm.path(InsightNote.LAST_SEQ_KEY).asLong(0) >= note.lastSeq()) {
            return Outcome.UNCHANGED;
        }
        store.captureAs(note.id(), note.note(), true);
        return Outcome.UPDATED;
    }


    private static <T> T locked(Path lockFile, Supplier<T> work) {
        ReentrantLock threadLock = IN_PROCESS_LOCKS.computeIfAbsent(lockFile, path -> new ReentrantLock());
        threadLock.lock();
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = ProcessLocks.lock(channel)) {
            return work.get();
        } catch (NoSuchFileException e) {
            throw new CeException(ErrorCode.UNKNOWN_WORKFLOW, "The workflow folder " + lockFile.getParent()
                    + " is gone (removed by ce workspace gc?); there is nothing to capture.",
                    "Nothing to do: its insights went with it.", e);
        } catch (IOException e) {
            throw new CeException(ErrorCode.IO, "Cannot lock " + lockFile + " to capture the workflow's insights: "
                    + e.getMessage(), "Check that the workspace is writable and the disk is not full.", e);
        } finally {
            threadLock.unlock();
        }
    }
}
