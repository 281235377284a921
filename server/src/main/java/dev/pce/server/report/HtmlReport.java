package dev.pce.server.report;

import dev.pce.engine.metrics.Anomalies;
import dev.pce.engine.metrics.AnomalyFlag;
import dev.pce.engine.metrics.AnomalyKind;
import dev.pce.engine.metrics.AttemptCounts;
import dev.pce.engine.metrics.GateEvaluation;
import dev.pce.engine.metrics.MetricsReport;
import dev.pce.engine.metrics.PoolMetrics;
import dev.pce.engine.metrics.TrendPoint;
import dev.pce.engine.metrics.WorkflowMetrics;
import dev.pce.engine.service.WorkflowListing.UnreadableWorkflow;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The report as one self-contained page: inline CSS and SVG, no script, font or link to fetch, so it opens offline
 * and can be archived as a CI artifact. The markup is also well-formed XML (void elements closed, only XML's own
 * entities), which lets tests parse it. Every string from the event logs is escaped ({@link Html}).
 */
public final class HtmlReport {
    private static final String STYLE = """
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:24px auto;max-width:1000px;\
            color:#1b1f24;padding:0 16px}
            h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:32px 0 8px;border-bottom:1px solid #d0d7de;\
            padding-bottom:4px}h3{font-size:15px;margin:20px 0 6px}
            .meta{color:#57606a;margin:0 0 16px}.empty{color:#57606a;font-style:italic}
            h2,.meta{overflow-wrap:anywhere}
            .scroll{overflow-x:auto;max-width:100%}.scroll th,.scroll td{white-space:nowrap}\
            .scroll td.what{white-space:normal;min-width:16em}
            table{border-collapse:collapse;margin:8px 0;font-size:13px}th,td{padding:3px 10px;text-align:left;\
            border-bottom:1px solid #eaeef2}th{background:#f6f8fa}td.num,th.num{text-align:right;\
            font-variant-numeric:tabular-nums}
            .figures{display:grid;grid-template-columns:repeat(4,minmax(0,1fr));gap:8px;margin:8px 0}
            .figure{background:#f6f8fa;border-radius:6px;padding:8px 10px}.figure b{display:block;font-size:18px}
            .figure span{color:#57606a;font-size:12px}
            .phase{display:inline-block;border-radius:10px;padding:0 8px;font-size:12px;color:#fff;background:#1565c0}
            .phase.completed{background:#2e7d32}.phase.failed{background:#c62828}.phase.unplanned{background:#757575}
            .trends{display:grid;grid-template-columns:repeat(2,minmax(0,1fr));gap:8px}
            .no-data{border:1px dashed #d0d7de;border-radius:6px;padding:10px 12px;margin:6px 0;color:#57606a}
            .no-data b{color:#1b1f24}.no-data p{margin:4px 0 0}.note{color:#57606a;font-size:13px}
            .legend span{display:inline-block;margin-right:14px;font-size:12px}
            .legend i{display:inline-block;width:12px;height:12px;border-radius:2px;margin-right:4px;\
            vertical-align:-2px}
            svg{display:block;margin:6px 0;max-width:100%;height:auto}
            svg text{font-size:12px;fill:#1b1f24}svg .tick{font-size:11px;fill:#57606a}svg .pool{font-weight:600}
            svg .chart-title{font-weight:600}svg .grid{stroke:#eaeef2;stroke-width:1}
            .completed{fill:#2e7d32}.failed{fill:#c62828}.expired{fill:#ef6c00}.revoked{fill:#8c959f}\
            .running{fill:#1565c0}.wait{fill:#b6c2cd}.flagged{stroke:#1b1f24;stroke-width:2}
            i.completed{background:#2e7d32}i.failed{background:#c62828}i.expired{background:#ef6c00}\
            i.revoked{background:#8c959f}i.running{background:#1565c0}i.wait{background:#b6c2cd;height:4px;\
            vertical-align:2px}
            .track{fill:#eaeef2}.busy{fill:#3949ab}.line{fill:none;stroke:#3949ab;stroke-width:2}.point{fill:#3949ab}
            ul.flags{padding-left:20px}ul.flags li{margin:4px 0}
            @media (max-width:640px){body{margin:12px auto;padding:0 10px}\
            .figures{grid-template-columns:repeat(2,minmax(0,1fr))}.trends{grid-template-columns:minmax(0,1fr)}}
            """;

    private static final List<TrendChart.Figure> TREND_FIGURES = List.of(
            new TrendChart.Figure("Makespan", point -> OptionalDouble.of(point.makespanSeconds()),
                    ReportFormat::duration, false, "no workflow has started (claimed a task) yet"),
            new TrendChart.Figure("Speedup", TrendPoint::speedup, value -> ReportFormat.ratio(OptionalDouble.of(value)),
                    false, "no workflow has run a task yet"),
            new TrendChart.Figure("Gate pass rate", TrendPoint::gatePassRate, ReportFormat::percent, true,
                    "no gate has been evaluated yet"),
            new TrendChart.Figure("Failure rate", TrendPoint::failureRate, ReportFormat::percent, true,
                    "no attempt has ended yet"));

    private final MetricsReport report;
    private final StringBuilder out = new StringBuilder(64 * 1024);

    private HtmlReport(MetricsReport report) {
        this.report = report;
    }

    /** @param workspace where the workflows live, for the heading */
    public static String render(MetricsReport report, String workspace, List<UnreadableWorkflow> unreadable) {
        return render(report, workspace, unreadable, Optional.empty());
    }

    /** @param pools the pool sizes recommended for the newest (or the selected) workflow's plan, if any */
    public static String render(MetricsReport report, String workspace, List<UnreadableWorkflow> unreadable,
                                Optional<PoolSizingSection> pools) {
        return new HtmlReport(report).page(workspace, unreadable, pools);
    }

    private String page(String workspace, List<UnreadableWorkflow> unreadable, Optional<PoolSizingSection> pools) {
        out.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n")
                .append("<meta charset=\"utf-8\"/>\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
                .append("<title>PCE report: ").append(report.workflows().size() == 1
                        ? Html.escape(report.workflows().getFirst().workflowId()) : "workflows").append("</title>\n")
                .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        out.append("<h1>PCE workflow report</h1>\n<p class=\"meta\">Workspace ").append(Html.escape(workspace))
                .append(" &#183; as of ").append(ReportFormat.time(report.asOf())).append(" &#183; ")
                .append(report.trend().size()).append(" workflow(s) &#183; ").append(report.flags().size())
                .append(" anomaly flag(s)</p>\n");
        trends();
        flags();
        pools.ifPresent(section -> out.append(section.html()));
        for (WorkflowMetrics workflow : report.workflows()) {
            workflow(workflow);
        }
        if (!unreadable.isEmpty()) {
            out.append("<h2>Unreadable workflows</h2>\n<ul>\n");
            unreadable.forEach(workflow -> out.append("<li>").append(Html.escape(workflow.workflowId())).append(": ")
                    .append(Html.escape(workflow.error())).append("</li>\n"));
            out.append("</ul>\n");
        }
        out.append("<p class=\"meta\">Definitions of every figure and of the anomaly rule: docs/metrics.md.</p>\n")
                .append("</body>\n</html>\n");
        return out.toString();
    }

    private void trends() {
        List<TrendPoint> trend = report.trend();
        out.append("<h2 id=\"trends\">Trends across workflows</h2>\n");
        if (trend.isEmpty()) {
            out.append("<p class=\"empty\">No workflows yet.</p>\n");
            return;
        }
        out.append("<div class=\"trends\">\n");
        TREND_FIGURES.forEach(figure -> out.append(TrendChart.render(figure, trend)).append('\n'));
        out.append("</div>\n");
        long notStarted = trend.stream().filter(point -> !TrendChart.charted(point)).count();
        if (notStarted > 0) {
            out.append("<p class=\"note\">").append(notStarted).append(notStarted == 1
                            ? " workflow planned but not started is" : " workflows planned but not started are")
                    .append(" not charted (no task claimed yet); the table lists them.</p>\n");
        }
        openTable("trend");
        out.append("<tr><th class=\"num\">#</th><th>Workflow</th><th>Planned</th>")
                .append("<th>Phase</th><th class=\"num\">Makespan</th><th class=\"num\">Speedup</th>")
                .append("<th class=\"num\">Gate pass rate</th><th class=\"num\">Failure rate</th></tr>\n");
        for (int i = 0; i < trend.size(); i++) {
            TrendPoint point = trend.get(i);
            out.append("<tr><td class=\"num\">").append(i + 1).append("</td><td>")
                    .append(Html.escape(point.workflowId())).append("</td><td>")
                    .append(point.plannedAt().map(ReportFormat::time).orElse(ReportFormat.NONE)).append("</td><td>")
                    .append(point.phase().map(phase -> phase.wireName()).orElse("never planned"))
                    .append("</td>").append(num(TrendChart.charted(point)
                            ? ReportFormat.duration(point.makespanSeconds()) : "not started"))
                    .append(num(ReportFormat.ratio(point.speedup())))
                    .append(num(ReportFormat.percent(point.gatePassRate())))
                    .append(num(ReportFormat.percent(point.failureRate()))).append("</tr>\n");
        }
        closeTable();
    }

    private void flags() {
        out.append("<h2 id=\"anomalies\">Anomalies</h2>\n");
        if (report.flags().isEmpty()) {
            out.append("<p class=\"empty\">None: nothing falls outside the p95 of the other workflows (with at least ")
                    .append(Anomalies.MIN_SAMPLES).append(" past values to compare with).</p>\n");
            return;
        }
        openTable("flags");
        out.append("<tr><th>Workflow</th><th>Kind</th><th>Subject</th>")
                .append("<th class=\"num\">Value</th><th class=\"num\">History</th><th class=\"num\">Samples</th>")
                .append("<th>What</th></tr>\n");
        for (AnomalyFlag flag : report.flags()) {
            boolean gate = flag.kind() == AnomalyKind.GATE_FAILED;
            out.append("<tr class=\"flag\"><td>").append(Html.escape(flag.workflowId())).append("</td><td>")
                    .append(flag.kind().wireName()).append("</td><td>").append(Html.escape(flag.subject()))
                    .append("</td>").append(num(gate ? "blocked" : ReportFormat.duration(flag.value())))
                    .append(num(gate ? "passes " + ReportFormat.percent(flag.passRate())
                            : "p95 " + ReportFormat.duration(flag.p95())))
                    .append(num(String.valueOf(flag.samples()))).append("<td class=\"what\">")
                    .append(Html.escape(flag.message()))
                    .append("</td></tr>\n");
        }
        closeTable();
    }

    private void workflow(WorkflowMetrics workflow) {
        String phase = workflow.phase().map(p -> p.wireName()).orElse("unplanned");
        out.append("<section class=\"workflow\" id=\"").append(Html.escape(workflow.workflowId())).append("\">\n")
                .append("<h2>").append(Html.escape(workflow.workflowId())).append(" <span class=\"phase ")
                .append(phase).append("\">").append(phase).append("</span></h2>\n");
        if (!workflow.goal().isEmpty()) {
            out.append("<p>").append(Html.escape(workflow.goal())).append("</p>\n");
        }
        AttemptCounts attempts = workflow.attempts();
        long passed = workflow.gates().stream().filter(GateEvaluation::passed).count();
        out.append("<div class=\"figures\">\n")
                .append(figure("makespan", ReportFormat.duration(workflow.makespanSeconds()),
                        "first claim to last end"))
                .append(figure("sequential", ReportFormat.duration(workflow.sequentialSeconds()),
                        "completed attempts added up"))
                .append(figure("speedup", ReportFormat.ratio(workflow.speedup()), "sequential / makespan"))
                .append(figure("utilization", ReportFormat.percent(workflow.utilization()), "claims held / agent time"))
                .append(figure("attempts", String.valueOf(attempts.total()), attempts.completed() + " completed, "
                        + attempts.failed() + " failed, " + attempts.expired() + " expired"))
                .append(figure("failure rate", ReportFormat.percent(attempts.failureRate()),
                        workflow.failed() ? "the workflow failed" : "failed or expired / ended"))
                .append(figure("gate pass rate", ReportFormat.percent(workflow.gatePassRate()),
                        passed + " of " + workflow.gates().size() + " evaluations"))
                .append(figure("rework", String.valueOf(workflow.rework().reviewRework()
                                + workflow.rework().gateRemediation() + workflow.rework().retries()),
                        workflow.rework().reviewRework() + " review, " + workflow.rework().gateRemediation()
                                + " gate, " + workflow.rework().retries() + " retries"))
                .append("</div>\n");
        out.append("<h3>Timeline by pool</h3>\n<p class=\"legend\">");
        for (String outcome : List.of("completed", "failed", "expired", "revoked", "running")) {
            out.append("<span><i class=\"").append(outcome).append("\"></i>").append(outcome).append("</span>");
        }
        out.append("<span><i class=\"wait\"></i>waiting from ready to claimed</span></p>\n");
        Set<String> flagged = report.flags().stream()
                .filter(flag -> flag.workflowId().equals(workflow.workflowId()))
                .filter(flag -> flag.kind() == AnomalyKind.TASK_DURATION || flag.kind() == AnomalyKind.TASK_WAIT)
                .map(AnomalyFlag::subject).collect(Collectors.toSet());
        out.append(GanttChart.render(workflow, flagged)).append('\n');
        if (!workflow.pools().isEmpty()) {
            out.append("<h3>Utilization by pool</h3>\n")
                    .append(UtilizationChart.render(workflow.workflowId(), workflow.pools())).append('\n');
            pools(workflow.pools());
        }
        if (!workflow.gates().isEmpty()) {
            gates(workflow.gates());
        }
        out.append("</section>\n");
    }

    private void pools(List<PoolMetrics> pools) {
        openTable("pools");
        out.append("<tr><th>Pool</th><th class=\"num\">Tasks</th>")
                .append("<th class=\"num\">Agents</th><th class=\"num\">Attempts</th><th class=\"num\">Failed</th>")
                .append("<th class=\"num\">Busy</th><th class=\"num\">Utilization</th><th class=\"num\">Wait p50</th>")
                .append("<th class=\"num\">Wait p95</th></tr>\n");
        for (PoolMetrics pool : pools) {
            out.append("<tr><td>").append(Html.escape(pool.pool())).append("</td>")
                    .append(num(String.valueOf(pool.tasks()))).append(num(String.valueOf(pool.agents())))
                    .append(num(String.valueOf(pool.attempts().total())))
                    .append(num(String.valueOf(pool.attempts().failed() + pool.attempts().expired())))
                    .append(num(ReportFormat.duration(pool.busySeconds())))
                    .append(num(ReportFormat.percent(pool.utilization())))
                    .append(num(ReportFormat.duration(pool.waitP50Seconds())))
                    .append(num(ReportFormat.duration(pool.waitP95Seconds()))).append("</tr>\n");
        }
        closeTable();
    }

    private void gates(List<GateEvaluation> gates) {
        out.append("<h3>Gate evaluations</h3>\n");
        openTable("gates");
        out.append("<tr><th>Time</th><th>Gate</th>")
                .append("<th class=\"num\">Wave</th><th>Verdict</th><th>Criteria not passed</th></tr>\n");
        for (GateEvaluation gate : gates) {
            out.append("<tr><td>").append(ReportFormat.time(gate.at())).append("</td><td>")
                    .append(Html.escape(gate.gate())).append("</td>").append(num(String.valueOf(gate.wave())))
                    .append("<td>").append(gate.passed() ? "passed" : "blocked").append("</td><td>")
                    .append(Html.escape(String.join(", ", gate.failedCriteria()))).append("</td></tr>\n");
        }
        closeTable();
    }

    /** A table scrolls sideways in its own box: on a phone, the page keeps its width. */
    private void openTable(String cssClass) {
        out.append("<div class=\"scroll\"><table class=\"").append(cssClass).append("\">\n");
    }

    private void closeTable() {
        out.append("</table></div>\n");
    }

    private static String figure(String name, String value, String note) {
        return String.format(Locale.ROOT, "<div class=\"figure\"><span>%s</span><b>%s</b><span>%s</span></div>%n",
                Html.escape(name), Html.escape(value), Html.escape(note));
    }

    private static String num(String value) {
        return "<td class=\"num\">" + Html.escape(value) + "</td>";
    }
}
