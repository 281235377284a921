package dev.pce.engine.learning.insight;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pce.engine.conflict.Action;
import dev.pce.engine.conflict.ContenderOutcome;
import dev.pce.engine.conflict.QualityDecision;
import dev.pce.engine.conflict.QualityResolution;
import dev.pce.engine.conflict.ResourceResolution;
import dev.pce.engine.conflict.TimelineDecision;
import dev.pce.engine.conflict.TimelineResolution;
import dev.pce.engine.event.ConflictOverridden;
import dev.pce.engine.event.ConflictResolved;
import dev.pce.engine.event.Event;
import dev.pce.engine.event.EventPayload;
import dev.pce.engine.event.EvidenceReported;
import dev.pce.engine.event.GateEvaluated;
import dev.pce.engine.event.TaskClaimed;
import dev.pce.engine.event.TaskCompleted;
import dev.pce.engine.event.TaskFailed;
import dev.pce.engine.event.WorkflowPlanned;
import dev.pce.engine.gate.Comparison;
import dev.pce.engine.gate.CriterionResult;
import dev.pce.engine.gate.CriterionSeverity;
import dev.pce.engine.gate.Dimension;
import dev.pce.engine.gate.EvidenceSource;
import dev.pce.engine.gate.Measurement;
import dev.pce.engine.gate.Verdict;
import dev.pce.engine.knowledge.NewNote;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import static dev.pce.engine.testing.Plans.task;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The insight events of a log and their notes, per kind: one note per insight (same key, same workflow), linked to
 * its workflow, tasks and evidence, the same for the same log.
 */
class InsightNotesTest {
    private static final String WF = "wf-20261207-090000-abc123";
    private static final Instant START = Instant.parse("2026-12-07T09:00:00Z");
    private final List<Event> log = new ArrayList<>();

    @Test
    void failuresOfOneKindForOneCauseAreOneFailureNoteThatCountsThem() {
        plan();
        fail("api", "Tests failed: 3 of 120", true);
        fail("db", "tests failed: 5 of 118", false);
        fail("api", "Compiler crashed", true);

        List<InsightNote> notes = notes();

        assertThat(notes).hasSize(2);
        InsightNote tests = notes.getFirst();
        assertThat(tests.events()).containsExactly("task.failed@3", "task.failed@5");
        assertThat(tests.note().type()).isEqualTo("failure");
        assertThat(tests.note().folder()).isEqualTo("failures");
        assertThat(tests.note().title()).isEqualTo("build failed: Tests failed: 3 of 120");
        assertThat(tests.note().body()).contains("failed 2 times").contains("api").contains("retried")
                .contains("db").contains("failed for good");
        assertThat(texts(tests.note(), "tasks")).containsExactly("api", "db");
        assertThat(tests.note().extra().get("workflow").asText()).isEqualTo(WF);
        assertThat(tests.note().extra().get("capture").asText()).isEqualTo("automatic");
        assertThat(notes.get(1).events()).containsExactly("task.failed@7");
    }

    @Test
    void aBlockingGateIsAFailureNoteWithItsUnmetCriteriaRemediationAndEvidenceFiles() {
        plan();
        event(new EvidenceReported("target/surefire-reports/TEST-Api.xml",
                List.of(new Measurement(Dimension.TESTS, "tests.failed", 2, "target/surefire-reports/TEST-Api.xml")),
                List.of(), List.of(), List.of(EvidenceSource.of("target/surefire-reports/TEST-Api.xml",
                Dimension.TESTS))));
        event(new EvidenceReported("target/site/jacoco/jacoco.xml", List.of(new Measurement(Dimension.COVERAGE,
                "coverage.line", 90, "target/site/jacoco/jacoco.xml")), List.of(), List.of(), List.of()));
        event(new EvidenceReported("agent:scanner:security", List.of(new Measurement(Dimension.SECURITY,
                "security.high", 0, "agent:scanner")), List.of(), List.of(), List.of()));
        event(new GateEvaluated("wave-0", 0, "library", true, List.of(
                criterion("tests-failed", Dimension.TESTS, Verdict.FAIL, "2 failed tests, at most 0"),
                criterion("coverage-line", Dimension.COVERAGE, Verdict.PASS, "90 at least 80")), 4,
                List.of("wave-0-fix-tests")));
        event(new GateEvaluated("wave-0", 0, "library", false, List.of(), 4, List.of()));

        InsightNote gate = notes().getFirst();

        assertThat(gate.events()).containsExactly("gate.failed@5");
        assertThat(gate.note().type()).isEqualTo("failure");
        assertThat(gate.note().title()).isEqualTo("Gate wave-0 failed: tests-failed");
        assertThat(gate.note().body()).contains("2 failed tests, at most 0").doesNotContain("coverage-line")
                .contains("wave-0-fix-tests");
        assertThat(texts(gate.note(), "evidence")).containsExactly("target/surefire-reports/TEST-Api.xml");
        assertThat(texts(gate.note(), "tasks")).containsExactly("wave-0-fix-tests");
    }

    @Test
    void anEscalationAndThePersonsDecisionOnItShareOneDecisionNote() {
        plan();
        event(new ConflictResolved("conflict-1", new QualityResolution("api", QualityDecision.ESCALATE, 2, 2,
                List.of("alice"), List.of("bob"), "split-panel", "approval and objection weigh the same"), ""));
        event("lead", new ConflictOverridden("conflict-1", "approve", "the test bob asked for exists"));

        List<InsightNote> notes = notes();

        assertThat(notes).hasSize(1);
        InsightNote decision = notes.getFirst();
        assertThat(decision.events()).containsExactly("conflict.escalated@2", "conflict.overridden@3");
        assertThat(decision.note().type()).isEqualTo("decision");
        assertThat(decision.note().title()).isEqualTo("Conflict conflict-1 on api decided by lead: approve");
        assertThat(decision.note().body()).contains("alice").contains("bob").contains("split-panel")
                .contains("the test bob asked for exists");
        assertThat(texts(decision.note(), "tasks")).containsExactly("api");
    }

    @Test
    void overrunsOfOneKindAreOneInsightNoteAndAWarningIsNone() {
        plan();
        event(new ConflictResolved("conflict-1", timeline("api", TimelineDecision.WARN), "c1"));
        event(new ConflictResolved("conflict-2", timeline("api", TimelineDecision.RESCHEDULE), "c1"));
        event(new ConflictResolved("conflict-3", timeline("db", TimelineDecision.RESCHEDULE), "c2"));

        List<InsightNote> notes = notes();

        assertThat(notes).hasSize(1);
        assertThat(notes.getFirst().events()).containsExactly("task.overrun@3", "task.overrun@4");
        assertThat(notes.getFirst().note().type()).isEqualTo("insight");
        assertThat(notes.getFirst().note().tags()).contains("auto-capture", "overrun");
        assertThat(notes.getFirst().note().body()).contains("75 min against an estimate of 30 min")
                .contains("split it");
        assertThat(texts(notes.getFirst().note(), "tasks")).containsExactly("api", "db");
    }

    @Test
    void routineDecisionsAreNoInsights() {
        plan();
        event(new ConflictResolved("conflict-1", ResourceResolution.of(List.of(
                new ContenderOutcome("api", Action.PROCEED, List.of(), List.of("src/A.java"), "critical-path-first",
                        "longer chain"),
                new ContenderOutcome("db", Action.WAIT, List.of("api"), List.of("src/A.java"), "critical-path-first",
                        "shorter chain")), List.of("src/A.java")), ""));
        event(new ConflictResolved("conflict-2", new QualityResolution("api", QualityDecision.CHANGES_REQUIRED, 0,
                3, List.of(), List.of("bob"), "objection-wins", "bob objects"), ""));
        event(new GateEvaluated("wave-0", 0, "library", false, List.of(), 0, List.of()));

        assertThat(notes()).isEmpty();
    }

    @Test
    void theEndOfAWorkflowIsARetrospectiveThatLinksTheWorkflowsOtherInsightNotes() {
        plan();
        fail("api", "Tests failed: 1 of 3", true);
        complete("api", 40);
        assertThat(notes()).extracting(InsightNote::key).containsExactly("failure:build:tests failed: # of #");

        complete("db", 75);
        List<InsightNote> notes = notes();

        assertThat(notes).hasSize(2);
        InsightNote retrospective = notes.getLast();
        assertThat(retrospective.events()).containsExactly("workflow.ended@" + log.size());
        assertThat(retrospective.note().type()).isEqualTo("insight");
        assertThat(retrospective.note().tags()).contains("retrospective");
        assertThat(retrospective.note().title()).isEqualTo("Retrospective of " + WF + ": Rate limiting");
        assertThat(retrospective.note().body()).contains("completed").contains("Tasks: 2")
                .contains("75 min from the plan").contains("critical path of 30 min").contains("2.5x")
                .contains("1 task.failed").contains("[[" + notes.getFirst().id() + "|");
        assertThat(retrospective.note().links()).containsExactly(notes.getFirst().id());
    }

    @Test
    void theSameLogGivesTheSameNotesNamedByWorkflowAndInsightOnly() {
        plan();
        fail("api", "Tests failed: 3 of 120", true);
        List<InsightNote> first = notes();
        fail("db", "Tests failed: 4 of 120", true);
        List<InsightNote> later = notes();

        assertThat(notes()).isEqualTo(later);
        assertThat(later.getFirst().id()).isEqualTo(first.getFirst().id())
                .startsWith(WF + "-failure-build-tests-failed-of-").matches("[a-z0-9-]+");
        assertThat(later.getFirst().lastSeq()).isGreaterThan(first.getFirst().lastSeq());
        assertThat(InsightNotes.id("wf-other", "failure:build:tests failed: # of #"))
                .isNotEqualTo(first.getFirst().id());
    }

    private List<InsightNote> notes() {
        return InsightNotes.of(WF, InsightEvents.of(WF, List.copyOf(log)), ZoneOffset.UTC);
    }

    private void plan() {
        event(new WorkflowPlanned("Rate limiting", List.of(task("api").estimate(30).build(),
                task("db").estimate(20).build())));
    }

    private void fail(String taskId, String reason, boolean retry) {
        String claim = "c" + log.size();
        event(new TaskClaimed(taskId, claim, "b1", "builders", START.plus(Duration.ofHours(1))));
        event(new TaskFailed(taskId, claim, reason, retry, retry));
    }

    private void complete(String taskId, int minute) {
        String claim = "c" + log.size();
        event(new TaskClaimed(taskId, claim, "b1", "builders", START.plus(Duration.ofHours(9))));
        log.add(new Event("e" + (log.size() + 1), log.size() + 1, START.plus(Duration.ofMinutes(minute)), "b1",
                new TaskCompleted(taskId, claim, "done", List.of(), null, false)));
    }

    private void event(EventPayload payload) {
        event("test", payload);
    }

    private void event(String source, EventPayload payload) {
        long seq = log.size() + 1;
        log.add(new Event("e" + seq, seq, START.plus(Duration.ofSeconds(seq)), source, payload));
    }

    private static CriterionResult criterion(String name, Dimension dimension, Verdict verdict, String reason) {
        return new CriterionResult(name, dimension, dimension.wireName() + ".x", Comparison.AT_MOST, 0,
                OptionalDouble.of(1), CriterionSeverity.BLOCKING, true, verdict, "rule-" + name, reason,
                Optional.empty());
    }

    private static TimelineResolution timeline(String taskId, TimelineDecision decision) {
        return new TimelineResolution(taskId, decision, 30, 75, 2, 90, "Check on the agent or split it.",
                "overrun-reschedule", "75 minutes against 30");
    }

    private static List<String> texts(NewNote note, String key) {
        List<String> texts = new ArrayList<>();
        JsonNode value = note.extra().get(key);
        if (value != null) {
            value.forEach(item -> texts.add(item.asText()));
        }
        return texts;
    }
}
