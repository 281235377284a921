package dev.pce.engine.service;

import dev.pce.engine.model.Claim;
import dev.pce.engine.model.PartialOutput;
import dev.pce.engine.model.TaskState;
import dev.pce.engine.model.TaskStatus;
import dev.pce.engine.schedule.ScheduleView;
import dev.pce.engine.workflow.WorkflowState;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** Derives what callers see (per-task views, counts, progress, blockers) from a workflow's state at one moment. */
public final class StatusReport {
    private final WorkflowState state;
    private final Instant now;
    private final Map<String, TaskStatus> statuses;
    private final StatusCounts counts;

    private StatusReport(WorkflowState state, Instant now) {
        this.state = state;
        this.now = now;
        this.statuses = state.statuses(now);
        int[] byStatus = new int[TaskStatus.values().length];
        for (TaskStatus status : statuses.values()) {
            byStatus[status.ordinal()]++;
        }
        this.counts = countsOf(byStatus);
    }

    public static StatusReport of(WorkflowState state, Instant now) {
        return new StatusReport(state, now);
    }

    public TaskStatus statusOf(String taskId) {
        return statuses.get(taskId);
    }

    /** The ids of the tasks with {@code status}, in plan order. */
    public List<String> idsWith(TaskStatus status) {
        List<String> ids = new ArrayList<>();
        for (Map.Entry<String, TaskStatus> task : statuses.entrySet()) {
            if (task.getValue() == status) {
                ids.add(task.getKey());
            }
        }
        return Collections.unmodifiableList(ids);
    }

    public WorkflowStatus full() {
        return full(Optional.empty());
    }

    /** The full status, with the expected schedule when there is one. */
    public WorkflowStatus full(Optional<ScheduleView> schedule) {
        List<TaskView> views = new ArrayList<>(state.taskCount());
        List<BlockedTask> blocked = new ArrayList<>();
        for (TaskState task : state.tasks()) {
            views.add(view(task));
            if (statuses.get(task.id()) == TaskStatus.BLOCKED) {
                blocked.add(new BlockedTask(task.id(), task.spec().pool(), state.unfinishedDependencies(task.id()),
                        failedUpstream(task.id())));
            }
        }
        return new WorkflowStatus(state.workflowId(), state.goal(), phase(), state.createdAt(), state.updatedAt(),
                state.lastSeq(), state.taskCount(), progressPercent(), counts(), pools(), views, blocked, schedule);
    }

    public WorkflowSummary summary() {
        return new WorkflowSummary(state.workflowId(), state.goal(), phase(), state.createdAt(), state.updatedAt(),
                state.taskCount(), progressPercent(), counts());
    }

    public TaskView view(TaskState task) {
        TaskStatus status = statuses.get(task.id());
        Optional<Claim> claim = task.claim().filter(c -> status == TaskStatus.CLAIMED || expired(task));
        return new TaskView(task.id(), task.spec().title(), task.spec().kind(), task.spec().pool(), status,
                task.spec().estimateMinutes(),
                status == TaskStatus.WAITING || status == TaskStatus.BLOCKED
                        ? state.waitingFor(task.id(), now) : List.of(),
                claim.map(Claim::agent), claim.map(Claim::leaseUntil), expired(task),
                task.attempts(), task.completion().map(c -> c.agent()), task.completion().map(c -> c.summary()),
                task.lastFailure().map(f -> f.reason()),
                task.partialOutputs().stream().map(PartialOutput::artifact).toList(),
                state.conflicts().resolutions().isEmpty() ? Optional.empty() : state.estimateRevision(task.id()));
    }

    private boolean expired(TaskState task) {
        return task.claim().isPresent() && statuses.get(task.id()) == TaskStatus.READY;
    }

    public WorkflowPhase phase() {
        if (counts.done() == state.taskCount()) {
            return WorkflowPhase.COMPLETED;
        }
        boolean runnable = counts.waiting() + counts.ready() + counts.claimed() > 0;
        return runnable ? WorkflowPhase.ACTIVE : WorkflowPhase.FAILED;
    }

    public double progressPercent() {
        if (state.taskCount() == 0) {
            return 0;
        }
        return Math.round(1000.0 * counts.done() / state.taskCount()) / 10.0;
    }

    public StatusCounts counts() {
        return counts;
    }

    public List<PoolCounts> pools() {
        Map<String, int[]> perPool = new TreeMap<>();
        // the statuses are in plan order, as the state's tasks: walked side by side, no lookup per task
        Iterator<TaskStatus> inPlanOrder = statuses.values().iterator();
        String lastPool = null;
        int[] lastCounts = null;
        for (TaskState task : state.tasks()) {
            TaskStatus status = inPlanOrder.next();
            String pool = task.spec().pool();
            if (!pool.equals(lastPool)) {
                lastPool = pool;
                lastCounts = perPool.computeIfAbsent(pool, name -> new int[TaskStatus.values().length]);
            }
            lastCounts[status.ordinal()]++;
        }
        List<PoolCounts> pools = new ArrayList<>(perPool.size());
        perPool.forEach((pool, counts) -> {
            StatusCounts c = countsOf(counts);
            int total = 0;
            for (int count : counts) {
                total += count;
            }
            pools.add(new PoolCounts(pool, total, c.waiting(), c.ready(), c.claimed(), c.done(), c.failed(),
                    c.blocked()));
        });
        return pools;
    }

    public Optional<PoolCounts> pool(String pool) {
        return pools().stream().filter(counts -> counts.pool().equals(pool)).findFirst();
    }

    /** Tasks that became ready or blocked because of {@code taskId}'s outcome. */
    public Map<String, TaskStatus> dependentStatuses(String taskId) {
        Map<String, TaskStatus> dependents = new LinkedHashMap<>();
        for (String dependent : state.dependentsOf(taskId)) {
            dependents.put(dependent, statuses.get(dependent));
        }
        return dependents;
    }

    /** Counts by {@link TaskStatus#ordinal()}. */
    private static StatusCounts countsOf(int[] counts) {
        return new StatusCounts(counts[TaskStatus.WAITING.ordinal()], counts[TaskStatus.READY.ordinal()],
                counts[TaskStatus.CLAIMED.ordinal()], counts[TaskStatus.DONE.ordinal()],
                counts[TaskStatus.FAILED.ordinal()], counts[TaskStatus.BLOCKED.ordinal()]);
    }

    /** The failed tasks that a blocked task transitively depends on. */
    private List<String> failedUpstream(String taskId) {
        List<String> failed = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        ArrayDeque<String> queue = new ArrayDeque<>(List.of(taskId));
        while (!queue.isEmpty()) {
            String current = queue.poll();
            for (String dependency : state.task(current).orElseThrow().spec().dependsOn()) {
                if (seen.add(dependency)) {
                    if (statuses.get(dependency) == TaskStatus.FAILED) {
                        failed.add(dependency);
                    } else if (statuses.get(dependency) == TaskStatus.BLOCKED) {
                        queue.add(dependency);
                    }
                }
            }
        }
        return failed;
    }
}
