package dev.pce.server.report;

import dev.pce.engine.metrics.AnomalyFlag;
import dev.pce.engine.metrics.AttemptCounts;
import dev.pce.engine.metrics.GateHold;
import dev.pce.engine.metrics.MetricsReport;
import dev.pce.engine.metrics.PoolMetrics;
import dev.pce.engine.metrics.Rework;
import dev.pce.engine.metrics.WorkflowMetrics;
import dev.pce.engine.service.WorkflowListing.UnreadableWorkflow;

import java.util.List;
import java.util.Locale;

/** The report as text for a terminal: per workflow its figures and a table of its pools, then the flags. */
public final class TextReport {

    private TextReport() {
    }

    public static String render(MetricsReport report, List<UnreadableWorkflow> unreadable) {
        StringBuilder out = new StringBuilder();
        if (report.workflows().isEmpty()) {
            out.append("No workflows yet: ce_plan creates one.\n");
        }
        for (WorkflowMetrics workflow : report.workflows()) {
            workflow(out, workflow);
            out.append('\n');
        }
        out.append(report.flags().isEmpty() ? "Anomalies: none.\n"
                : "Anomalies (" + report.flags().size() + "):\n");
        for (AnomalyFlag flag : report.flags()) {
            out.append("  ").append(flag.workflowId()).append(": ").append(flag.message()).append('\n');
        }
        for (UnreadableWorkflow workflow : unreadable) {
            out.append("Unreadable: ").append(workflow.workflowId()).append(": ").append(workflow.error()).append('\n');
        }
        return out.toString();
    }

    private static void workflow(StringBuilder out, WorkflowMetrics workflow) {
        out.append("Workflow ").append(workflow.workflowId())
                .append(workflow.phase().map(phase -> " (" + phase.wireName() + ")").orElse(" (never planned)"));
        if (!workflow.goal().isEmpty()) {
            out.append(": ").append(oneLine(workflow.goal()));
        }
        out.append('\n');
        workflow.plannedAt().ifPresent(at -> out.append("  planned   ").append(ReportFormat.time(at)).append('\n'));
        if (workflow.start().isPresent()) {
            out.append("  ran       ").append(ReportFormat.time(workflow.start().get())).append(" to ")
                    .append(ReportFormat.time(workflow.end().orElseThrow())).append('\n');
        }
        out.append(String.format(Locale.ROOT, "  makespan %s, sequential %s, speedup %s, utilization %s%n",
                ReportFormat.duration(workflow.makespanSeconds()), ReportFormat.duration(workflow.sequentialSeconds()),
                ReportFormat.ratio(workflow.speedup()), ReportFormat.percent(workflow.utilization())));
        AttemptCounts attempts = workflow.attempts();
        out.append(String.format(Locale.ROOT, "  attempts %d: %d completed, %d failed, %d expired, %d revoked, "
                        + "%d running; failure rate %s%s%n", attempts.total(), attempts.completed(), attempts.failed(),
                attempts.expired(), attempts.revoked(), attempts.running(),
                ReportFormat.percent(attempts.failureRate()), workflow.failed() ? "; the workflow failed" : ""));
        long passed = workflow.gates().stream().filter(gate -> gate.passed()).count();
        out.append(String.format(Locale.ROOT, "  gates %d evaluated, %d passed (%s)", workflow.gates().size(), passed,
                ReportFormat.percent(workflow.gatePassRate())));
        for (GateHold hold : workflow.gateHolds()) {
            out.append("; ").append(hold.gate()).append(hold.open() ? " holding for " : " held ")
                    .append(ReportFormat.duration(hold.seconds()));
        }
        Rework rework = workflow.rework();
        out.append(String.format(Locale.ROOT, "%n  rework: after reviews %d, gate remediation %d, retries %d%n",
                rework.reviewRework(), rework.gateRemediation(), rework.retries()));
        if (!workflow.pools().isEmpty()) {
            pools(out, workflow.pools());
        }
    }

    private static void pools(StringBuilder out, List<PoolMetrics> pools) {
        int width = Math.max(4, pools.stream().mapToInt(pool -> pool.pool().length()).max().orElse(4));
        String row = "  %-" + width + "s %5s %6s %8s %6s %9s %11s %9s %9s%n";
        out.append(String.format(Locale.ROOT, row, "pool", "tasks", "agents", "attempts", "failed", "busy",
                "utilization", "wait p50", "wait p95"));
        for (PoolMetrics pool : pools) {
            out.append(String.format(Locale.ROOT, row, pool.pool(), pool.tasks(), pool.agents(),
                    pool.attempts().total(), pool.attempts().failed() + pool.attempts().expired(),
                    ReportFormat.duration(pool.busySeconds()), ReportFormat.percent(pool.utilization()),
                    ReportFormat.duration(pool.waitP50Seconds()), ReportFormat.duration(pool.waitP95Seconds())));
        }
    }

    /** The first line, without control characters: a goal is untrusted, and a terminal obeys escape codes. */
    private static String oneLine(String text) {
        String line = text.strip().lines().findFirst().orElse("").replaceAll("\\p{Cntrl}", "\uFFFD");
        return line.length() > 100 ? line.substring(0, 99) + "\u2026" : line;
    }
}
