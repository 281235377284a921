package dev.pce.server.report;

import dev.pce.engine.service.WorkflowListing.UnreadableWorkflow;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TextReportTest {

    @Test
    void eachWorkflowWithItsFiguresAndPoolsThenTheFlags() {
        String text = TextReport.render(SampleLogs.report(), List.of(new UnreadableWorkflow("wf-x", "broken")));

        assertThat(text).contains("Workflow wf-now (completed): Ship <b>it</b>",
                "makespan 1m 35s, sequential 1m 30s, speedup 0.95x",
                "attempts 4: 3 completed, 1 failed, 0 expired, 0 revoked, 0 running; failure rate 25%",
                "gates 2 evaluated, 1 passed (50%); wave-1 held 1m 03s",
                "rework: after reviews 0, gate remediation 0, retries 1",
                "Anomalies (2):",
                "  wf-now: task 'build-a' took 60.0 s, above the p95 of 10.0 s",
                "  wf-now: task 'build-a' waited 5.0 s from ready to claimed (attempt 2)",
                "Unreadable: wf-x: broken");
        // builders: b1 21-30 and 35-95, b2 22-32: 79 s over 95 s x 2 agents
        assertThat(text).containsPattern("builders +2 +2 +3 +1 +1m 19s +42% +2\\.0 s +5\\.0 s");
    }

    @Test
    void noWorkflowsSaysSo() {
        String text = TextReport.render(SampleLogs.empty(), List.of());

        assertThat(text).isEqualTo("No workflows yet: ce_plan creates one.\nAnomalies: none.\n");
    }
}
