package dev.pce.server.report;

import dev.pce.engine.service.BlockedTask;
import dev.pce.engine.service.PoolCounts;
import dev.pce.engine.service.StatusCounts;
import dev.pce.engine.service.TaskView;
import dev.pce.engine.service.WorkflowListing;
import dev.pce.engine.service.WorkflowStatus;
import dev.pce.engine.service.WorkflowSummary;
import dev.pce.server.tools.StatusDigest;

import java.util.List;

/** Renders status for people: aligned columns, one line per workflow or task. */
public final class StatusText {

    private StatusText() {
    }

    /** The workflows of a workspace, then those whose log cannot be read. */
    public static String listing(WorkflowListing listing) {
        StringBuilder out = new StringBuilder(summaries(listing.workflows(), listing.unreadable().isEmpty()));
        for (WorkflowListing.UnreadableWorkflow broken : listing.unreadable()) {
            out.append("Cannot read ").append(broken.workflowId()).append(": ").append(broken.error())
                    .append(System.lineSeparator());
        }
        return out.toString();
    }

    private static String summaries(List<WorkflowSummary> workflows, boolean onlyThese) {
        if (workflows.isEmpty()) {
            if (!onlyThese) {
                return "";
            }
            return "No workflows yet. Plan one with the ce_plan tool (or run ./ce demo to see one).\n";
        }
        StringBuilder out = new StringBuilder();
        out.append(String.format("%-30s %-9s %6s %6s  %-40s  %s%n", "WORKFLOW", "PHASE", "DONE", "TASKS", "COUNTS",
                "GOAL"));
        for (WorkflowSummary workflow : workflows) {
            out.append(String.format("%-30s %-9s %5.1f%% %6d  %-40s  %s%n", workflow.workflowId(),
                    workflow.phase().wireName(), workflow.progressPercent(), workflow.taskCount(),
                    counts(workflow.counts()), StatusDigest.firstLine(workflow.goal())));
        }
        return out.toString();
    }

    public static String detail(WorkflowStatus status) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("Workflow %s  [%s, %.1f%% done, %d tasks]%n", status.workflowId(),
                status.phase().wireName(), status.progressPercent(), status.taskCount()));
        out.append("Goal: ").append(StatusDigest.firstLine(status.goal())).append(System.lineSeparator());
        out.append(String.format("%nPOOL          TOTAL  WAITING  READY  CLAIMED  DONE  FAILED  BLOCKED%n"));
        for (PoolCounts pool : status.pools()) {
            out.append(String.format("%-12s %6d %8d %6d %8d %5d %7d %8d%n", pool.pool(), pool.total(),
                    pool.waiting(), pool.ready(), pool.claimed(), pool.done(), pool.failed(), pool.blocked()));
        }
        if (!status.tasks().isEmpty()) {
            out.append(String.format("%n%-24s %-10s %-8s %-8s %-14s %s%n", "TASK", "POOL", "STATUS", "EST(min)",
                    "AGENT", "TITLE"));
            for (TaskView task : status.tasks()) {
                out.append(String.format("%-24s %-10s %-8s %8.0f %-14s %s%n", task.id(), task.pool(),
                        task.status().wireName(), task.estimateMinutes(),
                        task.claimedBy().or(task::completedBy).orElse("-"),
                        StatusDigest.firstLine(task.title()) + (task.waitingFor().isEmpty() ? ""
                                : "  (waits for " + String.join(", ", task.waitingFor()) + ")")));
            }
        }
        if (!status.blocked().isEmpty()) {
            out.append(System.lineSeparator()).append("Blocked by failed tasks:").append(System.lineSeparator());
            for (BlockedTask task : status.blocked()) {
                out.append("  ").append(task.id()).append(" is blocked by failed ").append(task.failedCause())
                        .append(System.lineSeparator());
            }
        }
        return out.toString();
    }

    private static String counts(StatusCounts counts) {
        return "done " + counts.done() + ", claimed " + counts.claimed() + ", ready " + counts.ready() + ", waiting "
                + counts.waiting() + (counts.failed() + counts.blocked() > 0
                ? ", failed " + counts.failed() + ", blocked " + counts.blocked() : "");
    }
}
