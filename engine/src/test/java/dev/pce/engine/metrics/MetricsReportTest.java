package dev.pce.engine.metrics;

import dev.pce.engine.event.Event;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.pce.engine.metrics.Log.at;
import static dev.pce.engine.metrics.Log.task;
import static org.assertj.core.api.Assertions.assertThat;

class MetricsReportTest {

    /** Six workflows planned at 0, 100, 200, ...: builds of 10 s, except the last one's of 500 s. */
    private static Map<String, List<Event>> workspace() {
        Map<String, List<Event>> logs = new LinkedHashMap<>();
        for (int i = 5; i >= 0; i--) { // out of order: the report orders by plan time
            double t = i * 100;
            Log log = new Log().event(t, new dev.pce.engine.event.WorkflowPlanned("goal " + i,
                    List.of(task("b", "build"))));
            log.ran("b", "builders", "b1", t, t + (i == 5 ? 500 : 10));
            logs.put("wf-" + i, log.events());
        }
        logs.put("wf-empty", List.of());
        return logs;
    }

    @Test
    void everyWorkflowInPlanOrderWithTheFlagsOfEach() {
        MetricsReport report = MetricsReport.of(workspace(), Optional.empty(), at(2000));

        assertThat(report.workflows()).extracting(WorkflowMetrics::workflowId)
                .containsExactly("wf-empty", "wf-0", "wf-1", "wf-2", "wf-3", "wf-4", "wf-5");
        assertThat(report.trend()).extracting(TrendPoint::workflowId)
                .containsExactly("wf-empty", "wf-0", "wf-1", "wf-2", "wf-3", "wf-4", "wf-5");
        assertThat(report.trend().getLast().makespanSeconds()).isEqualTo(500.0);
        assertThat(report.trend().getLast().failureRate().getAsDouble()).isZero();
        assertThat(report.trend().getLast().start()).isEqualTo(report.workflows().getLast().start()).isPresent();
        assertThat(report.trend().getFirst().start()).as("a log without a claim has not started").isEmpty();
        assertThat(report.flags()).singleElement().satisfies(flag -> {
            assertThat(flag.workflowId()).isEqualTo("wf-5");
            assertThat(flag.kind()).isEqualTo(AnomalyKind.TASK_DURATION);
        });
    }

    @Test
    void oneWorkflowInDetailStillHasTheWholeWorkspaceAsHistoryAndTrend() {
        MetricsReport report = MetricsReport.of(workspace(), Optional.of("wf-5"), at(2000));

        assertThat(report.workflows()).extracting(WorkflowMetrics::workflowId).containsExactly("wf-5");
        assertThat(report.trend()).hasSize(7);
        assertThat(report.flags()).hasSize(1);
        assertThat(MetricsReport.of(workspace(), Optional.of("wf-1"), at(2000)).flags()).isEmpty();
    }
}
