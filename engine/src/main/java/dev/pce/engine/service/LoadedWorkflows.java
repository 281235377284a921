package dev.pce.engine.service;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Which workflows this process holds in memory, least recently used first. Once together they hold more tasks than
 * the budget, the views used longest ago unload (their workflows are read from the files again when next used): ten
 * plans of 100,000 tasks would otherwise stay in memory for the server's whole life, 2 GB of them.
 *
 * <p>Views unload on a thread of their own: unloading takes a view's lock, which the caller that touched another view
 * must not wait for while it may hold a lock of its own.
 */
final class LoadedWorkflows {
    /** Tasks kept in memory over all workflows: the largest plan and a quarter more (about 300 MB). */
    static final int DEFAULT_TASK_BUDGET = 125_000;

    private final int taskBudget;
    private final Executor unloader;
    private final LinkedHashMap<String, WorkflowHandle> byUse = new LinkedHashMap<>(16, 0.75f, true);

    LoadedWorkflows() {
        this(DEFAULT_TASK_BUDGET, Unloader.THREAD);
    }

    /**
     * @param taskBudget the tasks the loaded workflows may hold together; the one in use stays loaded regardless
     * @param unloader   runs the unloading
     */
    LoadedWorkflows(int taskBudget, Executor unloader) {
        this.taskBudget = taskBudget;
        this.unloader = unloader;
    }

    /** Notes that {@code handle} is in use now, and unloads the views used longest ago beyond the budget. */
    void used(String workflowId, WorkflowHandle handle) {
        List<WorkflowHandle> unload = new ArrayList<>();
        synchronized (this) {
            byUse.put(workflowId, handle);
            long held = 0;
            for (WorkflowHandle each : byUse.values()) {
                held += each == handle || each.loaded() ? each.tasks() : 0;
            }
            Iterator<Map.Entry<String, WorkflowHandle>> oldestFirst = byUse.entrySet().iterator();
            while (held > taskBudget && oldestFirst.hasNext()) {
                WorkflowHandle each = oldestFirst.next().getValue();
                if (each != handle) {
                    oldestFirst.remove();
                    if (each.loaded()) {
                        held -= each.tasks();
                        unload.add(each);
                    }
                }
            }
        }
        unload.forEach(each -> unloader.execute(each::unload));
    }

    /** Forgets a view the service dropped. */
    synchronized void dropped(String workflowId) {
        byUse.remove(workflowId);
    }

    /** One daemon thread for the process, started when a view first unloads. */
    private static final class Unloader {
        static final ExecutorService THREAD = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "pce-workflow-unloader");
            thread.setDaemon(true);
            return thread;
        });
    }
}
