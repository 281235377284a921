package dev.pce.server.tools;

import dev.pce.engine.model.TaskStatus;
import dev.pce.engine.service.BlockedTask;
import dev.pce.engine.service.PoolCounts;
import dev.pce.engine.service.TaskView;
import dev.pce.engine.service.WorkflowStatus;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The text of a ce_status answer: what an agent needs to act on, in a few lines per active task. Claimed, ready
 * and failed tasks get a line each; waiting and done tasks are listed by id, since a model deciding what to do next
 * needs their names, not their details (those are in the structured content). Each list stops after a bounded
 * number of tasks and says how many more there are, so the digest of a 20,000-task workflow still fits a client.
 */
public final class StatusDigest {
    private static final int MAX_TITLE = 80;
    /** Tasks described line by line per section. */
    static final int MAX_DETAILED = 25;
    /** Tasks named by id per section. */
    static final int MAX_NAMED = 100;

    private StatusDigest() {
    }

    public static String of(WorkflowStatus status, StatusTool.TasksPage page) {
        StringBuilder out = new StringBuilder(256 + 24 * status.tasks().size());
        out.append("Workflow ").append(status.workflowId()).append(" (").append(status.phase().wireName())
                .append(", ").append(status.progressPercent()).append("% done, ").append(status.taskCount())
                .append(" tasks, last event #").append(status.lastSeq()).append(")\n");
        out.append("Goal: ").append(firstLine(status.goal())).append('\n');
        out.append("Pools:");
        for (PoolCounts pool : status.pools()) {
            out.append(' ').append(pool.pool()).append(" (").append(pool.done()).append('/').append(pool.total())
                    .append(" done, ").append(pool.claimed()).append(" claimed, ").append(pool.ready())
                    .append(" ready, ").append(pool.waiting()).append(" waiting");
            if (pool.failed() + pool.blocked() > 0) {
                out.append(", ").append(pool.failed()).append(" failed, ").append(pool.blocked()).append(" blocked");
            }
            out.append(");");
        }
        out.setLength(out.length() - (status.pools().isEmpty() ? 0 : 1));
        out.append('\n');
        status.schedule().filter(schedule -> !schedule.criticalPath().isEmpty()).ifPresent(schedule -> out
                .append("Expected: done at minute ").append(Math.round(schedule.etaMinutes()))
                .append(" of the workflow (").append(Math.round(schedule.remainingMinutes()))
                .append(" min from now, ").append(schedule.speedup()).append("x one task at a time); critical path ")
                .append(path(schedule.criticalPath())).append('\n'));
        Map<TaskStatus, List<TaskView>> byStatus = new EnumMap<>(TaskStatus.class);
        for (TaskView task : status.tasks()) {
            byStatus.computeIfAbsent(task.status(), any -> new ArrayList<>()).add(task);
        }
        detailed(out, "Claimed", byStatus.get(TaskStatus.CLAIMED));
        detailed(out, "Ready", byStatus.get(TaskStatus.READY));
        detailed(out, "Failed", byStatus.get(TaskStatus.FAILED));
        blocked(out, status.blocked());
        waiting(out, byStatus.get(TaskStatus.WAITING));
        idsOnly(out, "Done", byStatus.get(TaskStatus.DONE));
        if (page.returned() == 0 && status.taskCount() > 0) {
            out.append("(no tasks in the structured content: include_tasks was false or offset is past the end)\n");
        } else if (page.returned() < page.total()) {
            out.append("The structured content lists tasks ").append(page.offset() + 1).append('-')
                    .append(page.offset() + page.returned()).append(" of ").append(page.total())
                    .append(page.nextOffset().map(next -> "; offset " + next + " lists the next ones").orElse(""))
                    .append(".\n");
        }
        return out.toString();
    }

    private static void detailed(StringBuilder out, String heading, List<TaskView> tasks) {
        if (tasks == null) {
            return;
        }
        out.append(heading).append(" (").append(tasks.size()).append("):\n");
        for (TaskView task : tasks.subList(0, Math.min(MAX_DETAILED, tasks.size()))) {
            out.append("  ").append(task.id()).append(" [").append(task.pool()).append("] ")
                    .append(firstLine(task.title())).append(" (est ").append(Math.round(task.estimateMinutes()))
                    .append(" min");
            task.estimateRevised().ifPresent(revision -> out.append(", revised from ")
                    .append(Math.round(revision.fromMinutes())).append(" by ").append(revision.rule()).append(" (")
                    .append(revision.conflictId()).append(')'));
            task.claimedBy().ifPresent(agent -> out.append(task.leaseExpired() ? ", lease of " : ", by ")
                    .append(agent));
            task.leaseUntil().filter(until -> !task.leaseExpired())
                    .ifPresent(until -> out.append(" until ").append(until));
            if (task.attempts() > 0) {
                out.append(", attempt ").append(task.attempts());
            }
            task.lastFailure().ifPresent(reason -> out.append(", last failure: ").append(firstLine(reason)));
            out.append(")\n");
        }
        more(out, tasks.size() - MAX_DETAILED, "\n");
    }

    private static void blocked(StringBuilder out, List<BlockedTask> blocked) {
        if (blocked.isEmpty()) {
            return;
        }
        out.append("Blocked (").append(blocked.size()).append("):");
        for (BlockedTask task : blocked.subList(0, Math.min(MAX_NAMED, blocked.size()))) {
            out.append(' ').append(task.id()).append(" by failed ").append(named(task.failedCause())).append(';');
        }
        out.setLength(out.length() - 1);
        more(out, blocked.size() - MAX_NAMED, "");
        out.append('\n');
    }

    private static void waiting(StringBuilder out, List<TaskView> tasks) {
        if (tasks == null) {
            return;
        }
        out.append("Waiting (").append(tasks.size()).append("):");
        for (TaskView task : tasks.subList(0, Math.min(MAX_NAMED, tasks.size()))) {
            out.append(' ').append(task.id()).append(" on ").append(named(task.waitingFor())).append(';');
        }
        out.setLength(out.length() - 1);
        more(out, tasks.size() - MAX_NAMED, "");
        out.append('\n');
    }

    private static void idsOnly(StringBuilder out, String heading, List<TaskView> tasks) {
        if (tasks == null) {
            return;
        }
        out.append(heading).append(" (").append(tasks.size()).append("):");
        for (TaskView task : tasks.subList(0, Math.min(MAX_NAMED, tasks.size()))) {
            out.append(' ').append(task.id());
        }
        more(out, tasks.size() - MAX_NAMED, "");
        out.append('\n');
    }

    /** " ... and N more" when a list was cut. */
    private static void more(StringBuilder out, int left, String end) {
        if (left > 0) {
            out.append(" ... and ").append(left).append(" more").append(end);
        }
    }

    /** A chain of tasks, its first twenty steps. */
    private static String path(List<String> ids) {
        return ids.size() <= 20 ? String.join(" -> ", ids)
                : String.join(" -> ", ids.subList(0, 20)) + " -> ... (" + (ids.size() - 20) + " more)";
    }

    /** Ids joined by commas, at most ten of them (a task may wait for hundreds). */
    private static String named(List<String> ids) {
        return ids.size() <= 10 ? String.join(",", ids)
                : String.join(",", ids.subList(0, 10)) + ",... (" + (ids.size() - 10) + " more)";
    }

    /** The first line of {@code text}, cut to 80 characters (people and models read status line by line). */
    public static String firstLine(String text) {
        int newline = text.indexOf('\n');
        String line = newline < 0 ? text : text.substring(0, newline);
        return line.length() <= MAX_TITLE ? line : line.substring(0, MAX_TITLE - 3) + "...";
    }
}
