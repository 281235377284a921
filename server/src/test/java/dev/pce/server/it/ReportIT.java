package dev.pce.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pce.engine.Json;
import dev.pce.server.it.CeProcess.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.pce.server.it.ServerUnderTest.args;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code ce report} on a workflow run through a real server: claims, completions, a failure and retry, a gate that
 * blocks and then passes. The figures are checked against the same figures worked out here from the raw lines of
 * events.jsonl, and the HTML page is parsed as XML.
 */
class ReportIT {
    private static final String HOSTILE = "<script>alert('pce')</script> Design";
    private static final List<String> POOLS = List.of("planners", "builders", "reviewers");

    @TempDir
    Path temp;

    @Test
    void theReportsFiguresAreThoseOfTheEventLog() throws Exception {
        Path workspace = temp.resolve("ws");
        String id;
        try (ServerUnderTest server = ServerUnderTest.start(workspace)) {
            id = server.ok("ce_plan", args("goal", "Report <metrics>", "tasks", List.of(
                    args("id", "design", "title", HOSTILE, "kind", "design"),
                    args("id", "build-a", "title", "Handler", "kind", "build", "depends_on", List.of("design")),
                    args("id", "build-b", "title", "Tests", "kind", "build", "depends_on", List.of("design")),
                    args("id", "review", "title", "Review", "kind", "review",
                            "depends_on", List.of("build-a", "build-b"))))).path("workflow_id").asText();
            run(server, id, "design", "planners", "p1");
            String failing = claim(server, id, "build-a", "builders", "b1");
            server.ok("ce_fail", args("workflow_id", id, "task_id", "build-a", "claim_id", failing, "agent", "b1",
                    "reason", "tests failed", "retryable", true));
            run(server, id, "build-b", "builders", "b2");
            run(server, id, "build-a", "builders", "b1");
            JsonNode blocked = server.ok("ce_gate", args("workflow_id", id, "project_type", "library")).path("gate");
            assertThat(blocked.path("blocking").asBoolean()).as(blocked.toString()).isTrue();
            reportPassingEvidence(server, id, blocked);
            JsonNode passed = server.ok("ce_gate", args("workflow_id", id, "project_type", "library")).path("gate");
            assertThat(passed.path("blocking").asBoolean()).as(passed.toString()).isFalse();
            for (String pool : POOLS) {
                AgentSteps.finishAll(server, id, pool);
            }
            assertThat(server.ok("ce_status", args("workflow_id", id)).path("workflow").path("phase").asText())
                    .isEqualTo("completed");
        }
        Figures expected = Figures.of(Files.readAllLines(workspace.resolve("workflows").resolve(id)
                .resolve("events.jsonl")));
        Path html = temp.resolve("out/report.html");

        Run run = CeProcess.ce(workspace, "report", "--workflow", id, "--json", "--html", html.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("Wrote " + html + ": 1 workflow(s)");
        JsonNode report = Json.mapper().readTree(run.out()); // stdout is the JSON document alone
        JsonNode workflow = report.path("workflows").path(0);
        assertThat(workflow.path("workflow_id").asText()).isEqualTo(id);
        assertThat(workflow.path("phase").asText()).isEqualTo("completed");
        assertThat(workflow.path("failed").asBoolean()).isFalse();
        assertThat(workflow.path("makespan_seconds").asDouble()).isCloseTo(expected.makespan(), within(1e-6));
        assertThat(workflow.path("sequential_seconds").asDouble()).isCloseTo(expected.sequential(), within(1e-6));
        assertThat(workflow.path("speedup").asDouble())
                .isCloseTo(expected.sequential() / expected.makespan(), within(1e-6));
        JsonNode attempts = workflow.path("attempts");
        assertThat(attempts.path("total").asInt()).isEqualTo(expected.claims());
        assertThat(attempts.path("failed").asInt()).isEqualTo(1);
        assertThat(attempts.path("failure_rate").asDouble()).isCloseTo(1.0 / expected.claims(), within(1e-9));
        assertThat(workflow.path("rework").path("retries").asInt()).isEqualTo(1);
        assertThat(workflow.path("rework").path("gate_remediation").asInt()).isEqualTo(expected.remediation());
        // the gate asked for twice, then the gates that judge themselves once evidence exists
        assertThat(workflow.path("gates")).hasSize(expected.gates()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(workflow.path("gate_pass_rate").asDouble())
                .isCloseTo((double) expected.gatesPassed() / expected.gates(), within(1e-9));
        assertThat(workflow.path("gate_holds")).hasSize(1);
        assertThat(workflow.path("gate_holds").path(0).path("seconds").asDouble())
                .isCloseTo(expected.gateHold(), within(1e-6));
        JsonNode buildA = task(workflow, "build-a");
        assertThat(buildA.path("attempts")).extracting(attempt -> attempt.path("outcome").asText())
                .containsExactly("failed", "completed");
        assertThat(buildA.path("attempts").path(1).path("agent").asText()).isEqualTo("b1");
        assertThat(report.path("trend")).hasSize(1);
        assertThat(report.path("flags")).isEmpty();

        String page = Files.readString(html);
        assertThat(page.toLowerCase()).doesNotContain("<script");
        assertThat(page).contains("&lt;script&gt;alert(&#39;pce&#39;)&lt;/script&gt; Design");
        Map<String, Integer> barsPerTask = new HashMap<>();
        NodeList rects = parse(page).getElementsByTagNameNS("http://www.w3.org/2000/svg", "rect");
        for (int i = 0; i < rects.getLength(); i++) {
            Element rect = (Element) rects.item(i);
            if (rect.getAttribute("class").startsWith("attempt ")) {
                barsPerTask.merge(rect.getAttribute("data-task"), 1, Integer::sum);
            }
        }
        assertThat(barsPerTask).isEqualTo(expected.claimsPerTask());

        Run text = CeProcess.ce(workspace, "report");
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).contains("Workflow " + id + " (completed): Report <metrics>", "gates "
                + expected.gates() + " evaluated, " + expected.gatesPassed() + " passed", "Anomalies: none.")
                .containsPattern("\n  builders +\\d+ +\\d+ +\\d+ +1 "); // one failed attempt
        Path summary = Files.createFile(workspace.resolveSibling("step-summary.md"));
        Run ci = CeProcess.run(Optional.empty(), workspace, Map.of("GITHUB_STEP_SUMMARY", summary.toString()),
                "report", "--ci");
        assertThat(ci.exitCode()).as("a completed workflow with no history to flag it: no alert; " + ci.err())
                .isZero();
        assertThat(Files.readString(summary)).contains("### PCE report", "1 workflow(s): 1 completed", "No alert.");
        Run strict = CeProcess.run(Optional.empty(), workspace, Map.of("GITHUB_STEP_SUMMARY", summary.toString()),
                "report", "--ci", "--max-failure-rate", "0");
        assertThat(strict.exitCode()).as("one attempt failed: above a rate of 0").isEqualTo(1);
        assertThat(strict.out()).contains("::error title=PCE alert::The failure rate is");
        Run unknown = CeProcess.ce(workspace, "report", "--workflow", "wf-20260101-000000-abcdef");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("Workflow 'wf-20260101-000000-abcdef' does not exist", id);
    }

    /** For every criterion of the blocked gate, a measurement of its metric right at its threshold. */
    private static void reportPassingEvidence(ServerUnderTest server, String id, JsonNode gate) {
        Map<String, List<Map<String, Object>>> byDimension = new LinkedHashMap<>();
        for (JsonNode criterion : gate.path("criteria")) {
            byDimension.computeIfAbsent(criterion.path("dimension").asText(), dimension -> new ArrayList<>())
                    .add(Map.of("metric", criterion.path("metric").asText(),
                            "value", criterion.path("threshold").asDouble()));
        }
        byDimension.forEach((dimension, measurements) -> server.ok("ce_gate_report", args("workflow_id", id,
                "agent", "ci", "dimension", dimension, "measurements", measurements)));
    }

    private static void run(ServerUnderTest server, String id, String task, String pool, String agent) {
        String claim = claim(server, id, task, pool, agent);
        server.ok("ce_complete", args("workflow_id", id, "task_id", task, "claim_id", claim, "agent", agent));
    }

    private static String claim(ServerUnderTest server, String id, String task, String pool, String agent) {
        JsonNode claimed = server.ok("ce_claim", args("workflow_id", id, "pool", pool, "agent", agent,
                "task_id", task));
        return claimed.path("task").path("claim_id").asText();
    }

    private static JsonNode task(JsonNode workflow, String taskId) {
        for (JsonNode task : workflow.path("tasks")) {
            if (task.path("id").asText().equals(taskId)) {
                return task;
            }
        }
        throw new AssertionError("no task " + taskId + " in " + workflow);
    }

    private static Document parse(String page) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(page)));
    }

    /**
     * The figures worked out from the log's raw JSON lines, independently of the engine: this run has no lease
     * expiry, so every claim ends with its task's completion or failure.
     */
    private record Figures(double makespan, double sequential, int claims, Map<String, Integer> claimsPerTask,
                           int remediation, int gates, int gatesPassed, double gateHold) {

        static Figures of(List<String> lines) throws Exception {
            Map<String, Instant> claimedAt = new HashMap<>();
            Map<String, Integer> perTask = new HashMap<>();
            Instant first = null;
            Instant last = null;
            double sequential = 0;
            int remediation = 0;
            int gates = 0;
            int gatesPassed = 0;
            Instant blockedAt = null;
            double gateHold = 0;
            for (String line : lines) {
                JsonNode event = Json.mapper().readTree(line);
                Instant time = Instant.parse(event.path("time").asText());
                JsonNode payload = event.path("payload");
                switch (event.path("type").asText()) {
                    case "task.claimed" -> {
                        claimedAt.put(payload.path("claim_id").asText(), time);
                        perTask.merge(payload.path("task_id").asText(), 1, Integer::sum);
                        first = first == null ? time : first;
                    }
                    case "task.completed" -> {
                        sequential += seconds(claimedAt.get(payload.path("claim_id").asText()), time);
                        last = time;
                    }
                    case "task.failed" -> last = time;
                    case "workflow.tasks_added" -> remediation += payload.path("tasks").size();
                    case "gate.evaluated" -> {
                        gates++;
                        if (payload.path("blocking").asBoolean()) {
                            blockedAt = time;
                        } else {
                            gatesPassed++;
                            gateHold = blockedAt == null ? gateHold : seconds(blockedAt, time);
                            blockedAt = null;
                        }
                    }
                    default -> {
                        // evidence and the plan take no time
                    }
                }
            }
            return new Figures(seconds(first, last), sequential, claimedAt.size(), perTask, remediation, gates,
                    gatesPassed, gateHold);
        }

        private static double seconds(Instant from, Instant to) {
            return Duration.between(from, to).toNanos() / 1e9;
        }
    }
}
