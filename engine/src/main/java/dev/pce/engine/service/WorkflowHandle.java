package dev.pce.engine.service;

import dev.pce.engine.Cancellation;
import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.engine.event.Event;
import dev.pce.engine.event.NewEvent;
import dev.pce.engine.log.EventLog;
import dev.pce.engine.schedule.PoolSlots;
import dev.pce.engine.schedule.Scheduler;
import dev.pce.engine.workflow.ClaimPlan;
import dev.pce.engine.workflow.Command;
import dev.pce.engine.workflow.WorkflowSnapshot;
import dev.pce.engine.workflow.WorkflowState;
import dev.pce.engine.workspace.Workspace;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Closeable;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * One process's view of one workflow: its log and the state folded from it. Every read first catches up with
 * what other processes appended; every command is decided and appended under the log's lock. Thread-safe. A view
 * can {@link #unload} what it holds in memory, and reads it again from the files on its next call.
 */
final class WorkflowHandle implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(WorkflowHandle.class);
    /** Snapshot after this many events beyond the last one, so a restart replays little. */
    static final int SNAPSHOT_EVERY = 1_000;

    /** Null while unloaded; volatile for {@link #usable}, which takes no lock. */
    private volatile EventLog log;
    private WorkflowState state;
    private final Path snapshotFile;
    private final Clock clock;
    private StatusMemo statusMemo = new StatusMemo();
    private LiveSchedule schedule;
    private final String workflowId;
    private final PoolSlots slots;
    private final AppendListener listener;
    private long snapshotSeq;
    /** The workflow's tasks when last loaded: what holding it costs (read without the lock). */
    private volatile int tasks;
    private volatile boolean loaded = true;
    /**
     * Set when this view cannot go on: events read from the log did not fold (they are consumed, so every later
     * call fails the same way), or the file changed under it (cut, replaced). The service then opens a new view.
     */
    private volatile CeException unusable;

    private WorkflowHandle(EventLog log, WorkflowState state, Path snapshotFile, Clock clock, long snapshotSeq,
                           PoolSlots slots, Optional<Scheduler> planned, AppendListener listener) {
        this.log = log;
        this.workflowId = state.workflowId();
        this.slots = slots;
        this.listener = listener;
        this.state = state;
        this.snapshotFile = snapshotFile;
        this.clock = clock;
        this.snapshotSeq = snapshotSeq;
        // a plan scheduled with other sizes than the configured (recommended ones applied) keeps them
        this.schedule = new LiveSchedule(state.poolSizes().orElse(slots));
        planned.ifPresentOrElse(scheduler -> schedule.planned(scheduler, state),
                () -> schedule.apply(List.of(), state));
        this.tasks = state.tasks().size();
    }

    static WorkflowHandle open(String workflowId, Path dir, Clock clock, PoolSlots slots, AppendListener listener) {
        EventLog log = EventLog.open(dir.resolve(Workspace.EVENTS_FILE), clock);
        try {
            return open(workflowId, log, dir, clock, slots, listener);
        } catch (RuntimeException e) {
            log.close(); // the caller gets no handle to close it with
            throw e;
        }
    }

    /**
     * A handle on a workflow this process has just created: it folds the events it wrote instead of reading them
     * back (a large plan's event takes a second to decode), and reads from where they end.
     *
     * @param written   the workflow's events as appended, from its first
     * @param offset    the byte offset just past the last of them
     * @param scheduler the scheduler of the plan the first event holds, with the agents per pool it was planned
     *                  with and nothing reported to it: the state takes its priorities and, while nothing else
     *                  was appended, the live schedule takes it whole (none of them is built again)
     */
    static WorkflowHandle created(String workflowId, Path dir, Clock clock, PoolSlots slots, List<Event> written,
                                  long offset, Scheduler scheduler, AppendListener listener) {
        EventLog log = EventLog.open(dir.resolve(Workspace.EVENTS_FILE), clock);
        try {
            WorkflowState state = new WorkflowState(workflowId);
            state.applyCreated(written, scheduler);
            log.resumeAt(offset, written.getLast().seq());
            List<Event> later = log.readNew();
            state.applyAll(later);
            Optional<Scheduler> planned = written.size() == 1 && later.isEmpty() ? Optional.of(scheduler)
                    : Optional.empty();
            return new WorkflowHandle(log, state, dir.resolve(Workspace.SNAPSHOT_FILE), clock, 0, slots, planned,
                    listener);
        } catch (RuntimeException e) {
            log.close();
            throw e;
        }
    }

    private static WorkflowHandle open(String workflowId, EventLog log, Path dir, Clock clock, PoolSlots slots,
                                       AppendListener listener) {
        Path snapshotFile = dir.resolve(Workspace.SNAPSHOT_FILE);
        Optional<WorkflowSnapshot> snapshot = SnapshotStore.read(snapshotFile)
                .filter(s -> s.workflowId().equals(workflowId))
                .filter(s -> log.endsWith(s.offset(), s.seq(), s.lastEventId()));
        WorkflowState state;
        long snapshotSeq = 0;
        if (snapshot.isPresent()) {
            state = WorkflowState.fromSnapshot(snapshot.get());
            log.resumeAt(snapshot.get().offset(), snapshot.get().seq());
            snapshotSeq = snapshot.get().seq();
        } else {
            state = new WorkflowState(workflowId);
        }
        List<Event> events = log.readNew();
        try {
            state.applyAll(events);
        } catch (CeException e) {
            throw inLog(log, e);
        }
        if (state.lastSeq() == 0) {
            throw empty(log.file(), workflowId);
        }
        WorkflowHandle handle = new WorkflowHandle(log, state, snapshotFile, clock, snapshotSeq, slots,
                Optional.empty(), listener);
        handle.snapshotIfDue();
        return handle;
    }

    /**
     * A log without events: PCE writes a workflow's plan before the workflow appears, so the file was emptied or
     * made outside PCE. Read as a workflow it would look finished, with nothing left to claim.
     */
    static CeException empty(Path file, String workflowId) {
        return new CeException(ErrorCode.LOG_CORRUPT, "Event log " + file + " holds no events, not even the plan "
                + "(workflow.planned) PCE writes when it creates a workflow: it was emptied or made outside PCE, and "
                + "workflow " + workflowId + " cannot be read.", "Restore the file from a backup; if the workflow "
                + "is not needed, ce doctor --repair-log " + workflowId + " moves its folder aside.");
    }

    /**
     * Whether this view can still serve calls: its log is the file it read and its state folded (an unloaded view
     * reads the file as it is on its next call).
     */
    boolean usable() {
        EventLog current = log;
        return unusable == null && (current == null || current.fileStatus() == EventLog.FileStatus.SAME);
    }

    /** The workflow's tasks when this view last held it: what keeping it loaded costs. */
    int tasks() {
        return tasks;
    }

    /** Whether this view holds the workflow's state in memory now. */
    boolean loaded() {
        return loaded;
    }

    /**
     * Lets go of the state, its schedule and status and the open log; the next call reads them again from the
     * snapshot and the log, as a restart would. A finished plan of 100,000 tasks held 200 MB here.
     */
    synchronized void unload() {
        if (!loaded || unusable != null) {
            return;
        }
        loaded = false;
        log.close();
        log = null;
        state = null;
        schedule = null;
        statusMemo = new StatusMemo();
    }

    /** Reads the workflow again after {@link #unload}: the same as a new view would. */
    private void load() {
        if (loaded) {
            return;
        }
        WorkflowHandle fresh = open(workflowId, snapshotFile.getParent(), clock, slots, listener);
        state = fresh.state;
        schedule = fresh.schedule;
        snapshotSeq = fresh.snapshotSeq;
        tasks = fresh.tasks;
        log = fresh.log;
        loaded = true;
    }

    /** Catches up with other processes, then answers from the state. */
    synchronized <T> T read(Function<WorkflowState, T> view) {
        requireUsable();
        load();
        fold(guarded(log::readNew));
        snapshotIfDue();
        return view.apply(state);
    }

    /** The full status now; the same instance as last time when nothing changed since. */
    synchronized WorkflowStatus status() {
        return read(caughtUp -> statusMemo.status(caughtUp, clock.instant(), schedule));
    }

    /**
     * The live schedule as claims follow it. Read it only inside {@link #execute}, where the state (and with it the
     * schedule) has caught up with the log.
     */
    ClaimPlan.Source claimPlan() {
        return schedule::claimPlan;
    }

    /**
     * Decides {@code command} against the caught-up state and appends its events, atomically across processes;
     * then answers from the new state. The events are durable before this returns.
     */
    synchronized <T> T execute(Command command, CommandView<T> view) {
        return execute(command, Cancellation.none(), view);
    }

    /**
     * As {@link #execute(Command, CommandView)}, committing {@code cancellation} right before the append: a cancel
     * that came first stops the command with nothing appended; one that comes later is refused.
     */
    synchronized <T> T execute(Command command, Cancellation cancellation, CommandView<T> view) {
        requireUsable();
        load();
        Executed executed = guarded(() -> log.locked((caughtUp, appender) -> {
            fold(caughtUp);
            Instant now = clock.instant();
            List<NewEvent> decided = command.decide(state, now);
            if (!decided.isEmpty()) {
                cancellation.commit();
            }
            List<Event> appended = appender.append(decided);
            fold(appended);
            return new Executed(appended, now);
        }));
        snapshotIfDue();
        tell(executed.appended());
        return view.apply(state, executed);
    }

    /** Tells the listener of durable events; its failure is its own, never the command's. */
    private void tell(List<Event> appended) {
        if (appended.isEmpty()) {
            return;
        }
        try {
            listener.appended(state.workflowId(), appended);
        } catch (RuntimeException e) {
            LOG.warn("After appending to workflow {}: the append listener failed; the events are kept",
                    state.workflowId(), e);
        }
    }

    synchronized EventLog.Page events(long afterSeq, int limit, Predicate<Event> filter) {
        requireUsable();
        load();
        return guarded(() -> log.read(afterSeq, limit, filter));
    }

    /**
     * Runs a use of the log; when it finds the log damaged, cut or replaced, this view is done: the error goes to
     * the caller, and the service opens a new view for the next call, which reads the file as it is then.
     */
    private <T> T guarded(Supplier<T> use) {
        try {
            return use.get();
        } catch (CeException e) {
            if (unusable == null && (e.code() == ErrorCode.LOG_CORRUPT
                    || log.fileStatus() != EventLog.FileStatus.SAME)) {
                unusable = e;
            }
            throw e;
        }
    }

    /** What a command appended, and the moment it was decided. */
    record Executed(List<Event> appended, Instant decidedAt) {
    }

    @FunctionalInterface
    interface CommandView<T> {
        T apply(WorkflowState state, Executed executed);
    }

    private void fold(List<Event> events) {
        if (!events.isEmpty()) {
            try {
                state.applyAll(events);
            } catch (CeException e) {
                unusable = inLog(log, e);
                throw unusable;
            }
            schedule.apply(events, state);
            tasks = state.tasks().size();
        }
    }

    /** An event that did not fold, with the file it is in: the one to restore. */
    private static CeException inLog(EventLog log, CeException e) {
        return new CeException(e.code(), "Event log " + log.file() + ": " + e.getMessage(), e.fix(), e);
    }

    private void requireUsable() {
        if (unusable != null) {
            throw unusable;
        }
    }

    private void snapshotIfDue() {
        if (state.lastSeq() - snapshotSeq >= SNAPSHOT_EVERY) {
            SnapshotStore.write(snapshotFile, state.snapshot(log.consumedOffset()));
            snapshotSeq = state.lastSeq();
        }
    }

    @Override
    public synchronized void close() {
        if (loaded) {
            log.close();
        }
    }
}
