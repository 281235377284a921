package dev.pce.engine.learning.insight;

import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.engine.conflict.QualityDecision;
import dev.pce.engine.conflict.QualityResolution;
import dev.pce.engine.conflict.TimelineDecision;
import dev.pce.engine.conflict.TimelineResolution;
import dev.pce.engine.event.ConflictOverridden;
import dev.pce.engine.event.ConflictResolved;
import dev.pce.engine.event.Event;
import dev.pce.engine.event.GateEvaluated;
import dev.pce.engine.event.TaskCompleted;
import dev.pce.engine.event.TaskFailed;
import dev.pce.engine.knowledge.KnowledgeStore;
import dev.pce.engine.service.AppendListener;
import dev.pce.engine.service.WorkflowService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Captures insights as they happen: told of every append of a {@link WorkflowService}, it captures the workflow's
 * insights ({@link InsightCapture}) on a thread of its own after an append that holds an insight event or ends the
 * workflow. The call that appended never waits for it, and a capture that fails is logged: the events are in the
 * log already, and the next capture of the workflow, or the catch-up after the next start, makes up for it.
 */
public final class AutomaticCapture implements AppendListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AutomaticCapture.class);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    private final WorkflowService workflows;
    private final KnowledgeStore store;
    private final InsightCapture capture;
    private final ExecutorService worker;
    /** Workflows with a capture queued: true when an insight event came, false when only a possible end. */
    private final ConcurrentMap<String, Boolean> queued = new ConcurrentHashMap<>();

    private AutomaticCapture(WorkflowService workflows, KnowledgeStore store, ZoneId zone) {
        this.workflows = workflows;
        this.store = store;
        this.capture = new InsightCapture(workflows, store, zone);
        this.worker = Executors.newSingleThreadExecutor(task ->
                Thread.ofPlatform().daemon().name("pce-insight-capture").unstarted(task));
    }

    /** Captures {@code workflows}' insights into {@code store} from now on, writing dates in {@code zone}. */
    public static AutomaticCapture start(WorkflowService workflows, KnowledgeStore store, ZoneId zone) {
        AutomaticCapture automatic = new AutomaticCapture(workflows, store, zone);
        workflows.onAppended(automatic);
        return automatic;
    }

    @Override
    public void appended(String workflowId, List<Event> events) {
        boolean insight = events.stream().anyMatch(AutomaticCapture::isInsight);
        boolean mayEnd = events.stream().anyMatch(event -> event.payload() instanceof TaskCompleted
                || event.payload() instanceof TaskFailed);
        if (insight || mayEnd) {
            queue(workflowId, insight);
        }
    }

    /** Whether the event is one of {@link InsightEvent}'s (the workflow's end aside, which needs the whole log). */
    static boolean isInsight(Event event) {
        return switch (event.payload()) {
            case TaskFailed ignored -> true;
            case GateEvaluated gate -> gate.blocking();
            case ConflictOverridden ignored -> true;
            case ConflictResolved resolved -> switch (resolved.resolution()) {
                case QualityResolution quality -> quality.decision() == QualityDecision.ESCALATE;
                case TimelineResolution timeline -> timeline.decision() == TimelineDecision.RESCHEDULE;
                default -> false;
            };
            default -> false;
        };
    }

    /**
     * Captures, in the background, every workflow whose log changed since its last capture: what a crash between
     * an append and its capture, or a process without automatic capture, left behind.
     */
    public void catchUp() {
        submit(() -> {
            for (String workflowId : workflows.workspace().workflowIds()) {
                if (capture.behind(workflowId)) {
                    run(workflowId, true);
                }
            }
        });
    }

    /**
     * Waits until the captures queued so far are done (for a measurement that counts the notes, and a test).
     *
     * @return false when that took longer than {@code limit}
     */
    public boolean awaitIdle(Duration limit) throws InterruptedException {
        try {
            worker.submit(() -> { }).get(limit.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException | RejectedExecutionException e) {
            return true; // nothing to wait for
        }
    }

    private void queue(String workflowId, boolean insight) {
        boolean[] first = new boolean[1];
        queued.compute(workflowId, (id, before) -> {
            first[0] = before == null;
            return before == null ? insight : before || insight;
        });
        if (!first[0]) {
            return; // a capture is queued already; it reads the log when it runs
        }
        submit(() -> {
            Boolean sawInsight = queued.remove(workflowId);
            run(workflowId, sawInsight != null && sawInsight);
        });
    }

    private void submit(Runnable work) {
        try {
            worker.execute(work);
        } catch (RejectedExecutionException e) {
            LOG.debug("Closing: the capture is left to the catch-up of the next start");
        }
    }

    /** Captures one workflow; without an insight event seen, only when the workflow has ended. */
    private void run(String workflowId, boolean insight) {
        try {
            if (!store.awaitOpen()) {
                return; // logged by the store; the catch-up of the next start captures
            }
            if (!insight && !workflows.status(workflowId).phase().finished()) {
                return;
            }
            InsightCapture.Result result = capture.capture(workflowId);
            if (result.count(InsightCapture.Outcome.WRITTEN) + result.count(InsightCapture.Outcome.UPDATED) > 0) {
                LOG.info("Captured the insights of workflow {}: {} written, {} updated, {} unchanged, {} kept as a "
                                + "person left them", workflowId, result.count(InsightCapture.Outcome.WRITTEN),
                        result.count(InsightCapture.Outcome.UPDATED), result.count(InsightCapture.Outcome.UNCHANGED),
                        result.count(InsightCapture.Outcome.KEPT));
            }
        } catch (CeException e) {
            if (e.code() == ErrorCode.UNKNOWN_WORKFLOW) {
                LOG.debug("Workflow {} is gone; nothing to capture", workflowId);
            } else {
                LOG.warn("Capturing the insights of workflow {} failed; the next capture tries again: {}",
                        workflowId, e.describe());
            }
        } catch (RuntimeException e) {
            LOG.error("Capturing the insights of workflow {} failed (a PCE bug); the events are kept", workflowId, e);
        }
    }

    /**
     * Stops capturing: queued captures get {@code CLOSE_WAIT} to finish; one still running then is left to end with
     * the process, never interrupted (an interrupt closes the vault index's files mid-write). What it did not write,
     * the next start's catch-up does: the notes are derived from the log.
     */
    @Override
    public void close() {
        workflows.onAppended(AppendListener.NONE);
        worker.shutdown();
        try {
            if (!worker.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.info("A capture of insights is still running at close; the next start catches up what it misses");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
