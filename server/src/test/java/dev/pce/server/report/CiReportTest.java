package dev.pce.server.report;

import dev.pce.engine.metrics.MetricsReport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@code ce report --ci} shows a CI job, on the sample workspace: six workflows, two anomaly flags. */
class CiReportTest {
    private final MetricsReport report = SampleLogs.report();

    @Test
    void theSummaryHasTheOutcomesTheRatesEachWorkflowAndTheFlags() {
        String summary = new CiReport(0.2, false).summary(report);

        assertThat(summary).contains("6 workflow(s): 6 completed, 0 failed, 0 still active.",
                "Attempts: 9, 1 failed or expired (failure rate 11%).",
                "| workflow | phase | makespan | speedup | utilisation by pool | failure rate |",
                "| wf-now | completed | 95 s |", "builders ", "- Anomaly: ", "No alert.");
    }

    @Test
    void anAnomalyFlagAlertsWhenAskedAndIsAWarningEitherWay() {
        CiReport alerting = new CiReport(0.2, true);

        assertThat(alerting.alerts(report)).singleElement().asString().startsWith("2 anomaly flag(s): task "
                + "'build-a' took 60.0 s").endsWith("(and more in the summary)");
        assertThat(alerting.annotations(report)).hasSize(3)
                .anySatisfy(line -> assertThat(line).startsWith("::warning title=PCE anomaly::task 'build-a'"))
                .anySatisfy(line -> assertThat(line).startsWith("::error title=PCE alert::2 anomaly flag(s)"));
        assertThat(new CiReport(0.2, false).annotations(report)).hasSize(2)
                .allSatisfy(line -> assertThat(line).startsWith("::warning title=PCE anomaly::"));
    }

    @Test
    void aFailureRateAboveTheThresholdAlerts() {
        assertThat(new CiReport(0.05, false).alerts(report)).containsExactly("The failure rate is 11% of the "
                + "attempts that ended, above the 5% allowed (monitoring.max_failure_rate).");
        assertThat(new CiReport(0.12, false).alerts(report)).isEmpty();
    }

    @Test
    void aWorkspaceWithoutWorkflowsHasNothingToAlertOn() {
        MetricsReport empty = SampleLogs.empty();

        assertThat(new CiReport(0, true).alerts(empty)).isEmpty();
        assertThat(new CiReport(0, true).summary(empty)).contains("0 workflow(s)", "failure rate -", "No alert.");
    }
}
