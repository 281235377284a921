package dev.pce.server.report;

import dev.pce.engine.metrics.AnomalyFlag;
import dev.pce.engine.metrics.AttemptCounts;
import dev.pce.engine.metrics.MetricsReport;
import dev.pce.engine.metrics.PoolMetrics;
import dev.pce.engine.metrics.WorkflowMetrics;
import dev.pce.engine.service.WorkflowPhase;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The report as a CI job shows it: the key figures for the job summary, the anomaly flags as warnings, and the
 * alerts, the thresholds the figures crossed, which fail the check.
 *
 * @param maxFailureRate  the attempts that failed or expired, over those that ended, above which it alerts
 * @param alertOnAnomaly  whether an anomaly flag alerts
 */
public record CiReport(double maxFailureRate, boolean alertOnAnomaly) {

    /** The attempts of every workflow reported on, added up. */
    static AttemptCounts attempts(MetricsReport report) {
        int total = 0;
        int completed = 0;
        int failed = 0;
        int expired = 0;
        int revoked = 0;
        int running = 0;
        for (WorkflowMetrics workflow : report.workflows()) {
            AttemptCounts counts = workflow.attempts();
            total += counts.total();
            completed += counts.completed();
            failed += counts.failed();
            expired += counts.expired();
            revoked += counts.revoked();
            running += counts.running();
        }
        return new AttemptCounts(total, completed, failed, expired, revoked, running);
    }

    /** What crossed a threshold, one sentence each; empty when nothing did. */
    public List<String> alerts(MetricsReport report) {
        List<String> alerts = new ArrayList<>();
        OptionalDouble failureRate = attempts(report).failureRate();
        if (failureRate.isPresent() && failureRate.getAsDouble() > maxFailureRate) {
            alerts.add(String.format(Locale.ROOT, "The failure rate is %.0f%% of the attempts that ended, above "
                    + "the %.0f%% allowed (monitoring.max_failure_rate).", failureRate.getAsDouble() * 100,
                    maxFailureRate * 100));
        }
        if (alertOnAnomaly && !report.flags().isEmpty()) {
            alerts.add(report.flags().size() + " anomaly flag(s): " + report.flags().getFirst().message()
                    + (report.flags().size() > 1 ? " (and more in the summary)" : ""));
        }
        return alerts;
    }

    /** The job summary: the workflows' outcomes, the rates, each workflow's headline figures, the flags, alerts. */
    public String summary(MetricsReport report) {
        StringBuilder out = new StringBuilder("### PCE report\n\n");
        long completed = count(report, WorkflowPhase.COMPLETED);
        long failed = count(report, WorkflowPhase.FAILED);
        AttemptCounts attempts = attempts(report);
        out.append(String.format(Locale.ROOT, "%d workflow(s): %d completed, %d failed, %d still active. "
                        + "Attempts: %d, %d failed or expired (failure rate %s).%n%n", report.workflows().size(),
                completed, failed, report.workflows().size() - completed - failed, attempts.total(),
                attempts.failed() + attempts.expired(), percent(attempts.failureRate())));
        if (!report.workflows().isEmpty()) {
            out.append("| workflow | phase | makespan | speedup | utilisation by pool | failure rate |\n")
                    .append("|---|---|---|---|---|---|\n");
            for (WorkflowMetrics workflow : report.workflows()) {
                out.append("| ").append(workflow.workflowId()).append(" | ")
                        .append(workflow.phase().map(WorkflowPhase::wireName).orElse("not planned")).append(" | ")
                        .append(String.format(Locale.ROOT, "%.0f s", workflow.makespanSeconds())).append(" | ")
                        .append(times(workflow.speedup())).append(" | ").append(utilisation(workflow)).append(" | ")
                        .append(percent(workflow.attempts().failureRate())).append(" |\n");
            }
            out.append('\n');
        }
        for (AnomalyFlag flag : report.flags()) {
            out.append("- Anomaly: ").append(flag.message()).append('\n');
        }
        List<String> alerts = alerts(report);
        out.append(alerts.isEmpty() ? "\nNo alert.\n" : "\n**Alert:** " + String.join(" ", alerts) + "\n");
        return out.toString();
    }

    /** GitHub workflow commands: a warning per anomaly flag, an error per alert. */
    public List<String> annotations(MetricsReport report) {
        List<String> lines = new ArrayList<>();
        report.flags().forEach(flag -> lines.add("::warning title=PCE anomaly::" + escape(flag.message())));
        alerts(report).forEach(alert -> lines.add("::error title=PCE alert::" + escape(alert)));
        return lines;
    }

    private static long count(MetricsReport report, WorkflowPhase phase) {
        return report.workflows().stream().filter(workflow -> workflow.phase().equals(Optional.of(phase))).count();
    }

    private static String utilisation(WorkflowMetrics workflow) {
        List<String> pools = new ArrayList<>();
        for (PoolMetrics pool : workflow.pools()) {
            pools.add(pool.pool() + " " + percent(pool.utilization()));
        }
        return pools.isEmpty() ? "-" : String.join(", ", pools);
    }

    private static String percent(OptionalDouble share) {
        return share.isPresent() ? String.format(Locale.ROOT, "%.0f%%", share.getAsDouble() * 100) : "-";
    }

    private static String times(OptionalDouble factor) {
        return factor.isPresent() ? String.format(Locale.ROOT, "%.1fx", factor.getAsDouble()) : "-";
    }

    /** A workflow command's message: GitHub reads %, CR and LF as escapes. */
    private static String escape(String message) {
        return message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }
}
