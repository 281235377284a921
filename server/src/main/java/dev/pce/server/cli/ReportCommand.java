package dev.pce.server.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.engine.Json;
import dev.pce.engine.metrics.MetricsReport;
import dev.pce.engine.model.Ids;
import dev.pce.engine.pools.PoolAdvisor;
import dev.pce.engine.pools.PoolHistory;
import dev.pce.engine.pools.PoolHistoryReader;
import dev.pce.engine.service.WorkflowListing.UnreadableWorkflow;
import dev.pce.engine.workspace.Workspace;
import dev.pce.rules.config.Configured;
import dev.pce.rules.config.ProjectConfig;
import dev.pce.server.quality.ProjectSettings;
import dev.pce.server.report.CiReport;
import dev.pce.server.report.HtmlReport;
import dev.pce.server.report.PoolSizingSection;
import dev.pce.server.report.ReportFile;
import dev.pce.server.report.TextReport;
import dev.pce.server.report.WorkflowLogs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code ce report [--workflow ID] [--html FILE] [--json]}: the metrics of the workspace's workflows, read from
 * their event logs (see docs/metrics.md).
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Metrics of the workspace's workflows from their event logs: makespan, speedup, utilization "
                + "and waits per pool, gate pass rate, failure rate, rework, and anomaly flags (a task or gate "
                + "outside the p95 of the other workflows). Text by default; --json for machines; --html FILE "
                + "writes a self-contained page with a timeline by pool and trend charts.")
public final class ReportCommand implements Callable<Integer> {
    static final double DEFAULT_MAX_FAILURE_RATE = 0.2;

    @Mixin
    WorkspaceOption workspaceOption = new WorkspaceOption();

    @Option(names = "--workflow", paramLabel = "ID",
            description = "Report on this workflow only (the others remain its history and trend).")
    String workflowId;

    @Option(names = "--html", paramLabel = "FILE", description = "Write the report as one HTML file (replaced "
            + "atomically; no scripts or external resources, it opens offline).")
    Path html;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Option(names = "--ci", description = "For GitHub Actions: the key figures to $GITHUB_STEP_SUMMARY, anomaly "
            + "flags as warnings, and exit code 1 (a failing check) when the failure rate or an anomaly flag "
            + "crosses the thresholds.")
    boolean ci;

    @Option(names = "--max-failure-rate", paramLabel = "SHARE", description = "With --ci: the share of attempts "
            + "that may fail or expire (0 to 1; default: monitoring.max_failure_rate of the project's configuration, "
            + "else " + DEFAULT_MAX_FAILURE_RATE + ").")
    Optional<Double> maxFailureRate = Optional.empty();

    @Option(names = "--alert-on-anomaly", negatable = true, description = "With --ci: whether an anomaly flag fails "
            + "the check (default: monitoring.alert_on_anomaly of the project's configuration, else yes; "
            + "--no-alert-on-anomaly for warnings only).")
    Optional<Boolean> alertOnAnomaly = Optional.empty();

    @Override
    public Integer call() throws Exception {
        Workspace workspace = workspaceOption.open();
        WorkflowLogs logs = WorkflowLogs.read(workspace);
        Optional<String> selected = Optional.ofNullable(workflowId).map(id -> requireKnown(id, workspace, logs));
        MetricsReport report = MetricsReport.of(logs.logs(), selected, Clock.systemUTC().instant());
        PrintWriter out = workspaceOption.out();
        Optional<PoolSizingSection> pools = Optional.empty();
        try {
            pools = poolSizing(report, logs);
        } catch (CeException e) { // a bad configuration costs the recommendation, not the metrics
            workspaceOption.err().println("No pool sizes recommended: " + e.describe());
            workspaceOption.err().flush();
        }
        if (html != null) {
            Path written = ReportFile.write(html, HtmlReport.render(report, workspace.root().toString(),
                    logs.unreadable(), pools));
            // with --json, stdout is the JSON document alone
            PrintWriter notes = json ? workspaceOption.err() : out;
            notes.printf("Wrote %s: %d workflow(s), %d anomaly flag(s).%n", written, report.workflows().size(),
                    report.flags().size());
            notes.flush();
        }
        if (json) {
            out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(
                    document(report, workspace, logs.unreadable(), pools)));
        } else if (html == null) {
            out.print("Workspace " + workspace.root() + "\n" + TextReport.render(report, logs.unreadable()));
            pools.ifPresent(section -> out.print(section.text()));
        }
        out.flush();
        return ci ? ci(report, out) : 0;
    }

    /**
     * The summary and the annotations of a CI job; 1 when an alert fails the check. The thresholds: the options, else
     * the project's configuration ({@code monitoring:}), else the defaults.
     */
    private int ci(MetricsReport report, PrintWriter out) {
        ProjectConfig config = ProjectSettings.of(Path.of("").toAbsolutePath()).config();
        double rate = maxFailureRate.or(() -> config.maxFailureRate().map(Configured::value))
                .orElse(DEFAULT_MAX_FAILURE_RATE);
        if (!(rate >= 0 && rate <= 1)) {
            throw new CeException(ErrorCode.INVALID_ARGUMENT, "--max-failure-rate is " + rate + ".",
                    "Give a share between 0 and 1, e.g. 0.2 for 20%.");
        }
        CiReport alerts = new CiReport(rate, alertOnAnomaly.or(() -> config.alertOnAnomaly().map(Configured::value))
                .orElse(true));
        GitHubFiles.append(GitHubFiles.STEP_SUMMARY, alerts.summary(report));
        alerts.annotations(report).forEach(out::println);
        out.flush();
        return alerts.alerts(report).isEmpty() ? 0 : 1;
    }

    private static ObjectNode document(MetricsReport report, Workspace workspace, List<UnreadableWorkflow> unreadable,
                                       Optional<PoolSizingSection> pools) {
        ObjectNode document = Json.mapper().createObjectNode().put("workspace", workspace.root().toString());
        document.setAll((ObjectNode) Json.mapper().valueToTree(report));
        document.set("unreadable", Json.mapper().valueToTree(unreadable));
        pools.ifPresent(section -> document.set("pool_recommendation", Json.mapper().valueToTree(section)));
        return document;
    }

    /**
     * The pool sizes recommended for the plan of the reported workflow (the newest when all are reported), from the
     * workspace's finished workflows, with the project's pools and pool sizing; empty before one has finished.
     */
    private static Optional<PoolSizingSection> poolSizing(MetricsReport report, WorkflowLogs logs) {
        if (report.workflows().isEmpty()) {
            return Optional.empty();
        }
        String workflowId = report.workflows().getLast().workflowId();
        ProjectSettings project = ProjectSettings.of(Path.of("").toAbsolutePath());
        PoolHistory history = PoolHistoryReader.of(logs.logs(), report.asOf());
        return PoolAdvisor.forLoggedPlan(logs.logs().get(workflowId), history, project.poolSlots(System.getenv()),
                project.sizingPolicy()).map(recommendation -> new PoolSizingSection(workflowId, recommendation));
    }

    private static String requireKnown(String id, Workspace workspace, WorkflowLogs logs) {
        Ids.requireWorkflowId(id, "--workflow");
        if (logs.logs().containsKey(id)) {
            return id;
        }
        Optional<UnreadableWorkflow> unreadable = logs.unreadable().stream()
                .filter(workflow -> workflow.workflowId().equals(id)).findFirst();
        if (unreadable.isPresent()) {
            throw new CeException(ErrorCode.LOG_CORRUPT, "The log of workflow '" + id + "' cannot be read: "
                    + unreadable.get().error(), "ce doctor checks the workspace's logs and says what to do.");
        }
        List<String> known = List.copyOf(logs.logs().keySet());
        throw new CeException(ErrorCode.UNKNOWN_WORKFLOW, "Workflow '" + id + "' does not exist in workspace "
                + workspace.root() + ". " + (known.isEmpty() ? "It has no workflows yet."
                : "Newest workflows: " + String.join(", ", known.subList(Math.max(0, known.size() - 5),
                known.size())) + "."), "ce status lists the workflows; pass one of their ids to --workflow.");
    }
}
