package dev.pce.server.bench.load;

import dev.pce.engine.Json;
import dev.pce.engine.dependency.ClassifiedEdge;
import dev.pce.engine.event.Event;
import dev.pce.engine.event.EventCodec;
import dev.pce.engine.event.EventPayload;
import dev.pce.engine.event.LeaseExpired;
import dev.pce.engine.event.TaskClaimed;
import dev.pce.engine.event.TaskCompleted;
import dev.pce.engine.event.TaskFailed;
import dev.pce.engine.event.WorkflowPlanned;
import dev.pce.engine.model.EdgeClass;
import dev.pce.engine.model.TaskSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit must find every kind of violation it claims to check, each named with its task and claim: a checker
 * that passes everything would make the load test worthless. Logs are written line by line here, so that they can
 * hold what the event log itself would refuse (gaps, repeated seqs, torn lines).
 */
class LogAuditTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path temp;

    /** a -> b (hard); c and d write one file; e stands alone. */
    private static Event plan() {
        List<TaskSpec> tasks = List.of(
                TaskSpec.builder("a", "implement").build(),
                TaskSpec.builder("b", "implement").dependsOn("a").build(),
                TaskSpec.builder("c", "implement").writes("shared.txt").build(),
                TaskSpec.builder("d", "implement").writes("shared.txt").build(),
                TaskSpec.builder("e", "implement").build());
        List<ClassifiedEdge> edges = List.of(
                new ClassifiedEdge("a", "b", EdgeClass.HARD, "declared", "declared-untyped-is-hard", ""),
                new ClassifiedEdge("c", "d", EdgeClass.RESOURCE, "both write it", "same-path-written-twice",
                        "shared.txt"));
        return event(1, new WorkflowPlanned("audit test", tasks, edges));
    }

    /** A clean run: every task claimed and completed once, e failing once and an abandoned lease on d. */
    private static List<EventPayload> cleanRun() {
        return List.of(
                claimed("a", "cl-a1"), completed("a", "cl-a1"),
                claimed("b", "cl-b1"), completed("b", "cl-b1"),
                claimed("c", "cl-c1"), completed("c", "cl-c1"),
                claimed("d", "cl-d1"), new LeaseExpired("d", "cl-d1", "agent"), claimed("d", "cl-d2"),
                completed("d", "cl-d2"),
                claimed("e", "cl-e1"), new TaskFailed("e", "cl-e1", "seeded", true, true),
                claimed("e", "cl-e2"), completed("e", "cl-e2"));
    }

    @Test
    void aCleanLogToldToTheAgentsPasses() throws IOException {
        AuditResult result = audit(withPlan(cleanRun()), told(cleanRun()));

        assertThat(result.violations()).isEmpty();
        assertThat(result.transitions()).isEqualTo(14);
        assertThat(result.transitionsByType()).containsEntry(TaskClaimed.TYPE, 7)
                .containsEntry(TaskCompleted.TYPE, 5).containsEntry(TaskFailed.TYPE, 1)
                .containsEntry(LeaseExpired.TYPE, 1);
        assertThat(result.tasksDone()).isEqualTo(5);
        assertThat(result.replayed().lastSeq()).isEqualTo(15);
    }

    @Test
    void anAcknowledgedTransitionMissingFromTheLogIsLost() throws IOException {
        List<EventPayload> logged = new ArrayList<>(cleanRun());
        logged.remove(completed("b", "cl-b1"));

        assertThat(audit(withPlan(logged), told(cleanRun())).violations())
                .contains(new Violation(Check.LOST, "task.completed of b (claim cl-b1) was acknowledged to an agent "
                        + "but is not in the log"))
                .contains(new Violation(Check.NOT_DONE, "1 task(s) not done: b"));
    }

    @Test
    void aTransitionNoAgentWasToldOfIsUnacknowledged() throws IOException {
        List<Transition> told = new ArrayList<>(told(cleanRun()));
        told.remove(new Transition.Failed("e", "cl-e1"));

        assertThat(audit(withPlan(cleanRun()), told).violations()).containsExactly(new Violation(
                Check.UNACKNOWLEDGED, "task.failed of e (claim cl-e1) at seq 13 is in the log, but no agent was told"));
    }

    @Test
    void aTransitionLoggedTwiceIsDuplicated() throws IOException {
        List<EventPayload> logged = new ArrayList<>(cleanRun());
        logged.add(2, completed("a", "cl-a1"));

        assertThat(audit(withPlan(logged), told(cleanRun())).violations()).containsExactlyInAnyOrder(
                new Violation(Check.FOREIGN_REPORT, "a completed at seq 4 under claim cl-a1, but no claim held it"),
                new Violation(Check.DUPLICATED, "a completed again at seq 4"),
                new Violation(Check.DUPLICATED, "task.completed of a (claim cl-a1) is in the log 2 times, at seqs "
                        + "[3, 4]"));
    }

    @Test
    void aTaskClaimedWhileHeldIsADoubleClaim() throws IOException {
        List<EventPayload> logged = List.of(claimed("a", "cl-a1"), claimed("a", "cl-a2"), completed("a", "cl-a2"));

        assertThat(audit(withPlan(logged), told(logged)).violations()).contains(new Violation(Check.DOUBLE_CLAIM,
                "a claimed by agent (claim cl-a2, seq 3) while agent held it (claim cl-a1 since seq 2)"));
    }

    @Test
    void aClaimBeforeItsPrerequisiteIsDoneIsEarly() throws IOException {
        List<EventPayload> logged = List.of(claimed("b", "cl-b1"), completed("b", "cl-b1"),
                claimed("a", "cl-a1"), completed("a", "cl-a1"));

        assertThat(audit(withPlan(logged), told(logged)).violations()).contains(new Violation(Check.EARLY_CLAIM,
                "b claimed at seq 2 before its prerequisite a was done"));
    }

    @Test
    void tasksWritingOneFileHeldAtOnceBreakTheExclusion() throws IOException {
        List<EventPayload> logged = List.of(claimed("c", "cl-c1"), claimed("d", "cl-d1"),
                completed("c", "cl-c1"), completed("d", "cl-d1"));

        assertThat(audit(withPlan(logged), told(logged)).violations()).contains(new Violation(Check.SHARED_FILE,
                "d claimed at seq 3 while c, which writes the same file, was held by agent (since seq 2, lease until "
                        + T0.plusSeconds(600) + ")"));
    }

    @Test
    void aLeaseThatRanOutNoLongerHoldsTheFile() throws IOException {
        List<EventPayload> logged = List.of(
                new TaskClaimed("c", "cl-c1", "agent", "builders", T0), claimed("d", "cl-d1"), completed("d", "cl-d1"),
                new LeaseExpired("c", "cl-c1", "agent"), claimed("c", "cl-c2"), completed("c", "cl-c2"));

        assertThat(audit(withPlan(logged), told(logged)).violations()).extracting(Violation::check)
                .doesNotContain(Check.SHARED_FILE);
    }

    @Test
    void aReportUnderAClaimThatDoesNotHoldTheTaskIsForeign() throws IOException {
        List<EventPayload> logged = List.of(claimed("e", "cl-e1"), completed("e", "cl-other"));

        assertThat(audit(withPlan(logged), told(logged)).violations()).contains(new Violation(Check.FOREIGN_REPORT,
                "e completed at seq 3 under claim cl-other, but claim cl-e1 held it"));
    }

    @Test
    void anExpiredLeaseNoAgentAbandonedIsUnplanned() throws IOException {
        List<EventPayload> logged = List.of(claimed("e", "cl-e1"), new LeaseExpired("e", "cl-e1", "agent"),
                claimed("e", "cl-e2"), completed("e", "cl-e2"));
        Path log = write(withPlan(logged));

        assertThat(LogAudit.audit(log, told(logged), Set.of(), List.of()).violations()).contains(new Violation(
                Check.UNPLANNED_EXPIRY, "the lease of agent on e (claim cl-e1) expired at seq 3, but that agent had "
                        + "not abandoned it"));
    }

    @Test
    void aGapARepeatedSeqAndATornTailBreakTheSequence() throws IOException {
        List<Event> events = withPlan(cleanRun());
        Event third = events.get(2);
        events.set(2, new Event(third.id(), 4, third.time(), third.source(), third.payload()));
        Path log = write(events);
        String torn = "{\"id\":\"torn";
        Files.writeString(log, torn, StandardOpenOption.APPEND);

        List<Violation> violations = LogAudit.audit(log, told(cleanRun()), Set.of("cl-d1"), List.of()).violations();

        assertThat(violations).containsExactly(
                new Violation(Check.SEQUENCE, "line 3 has seq 4 (task.completed), expected 3"),
                new Violation(Check.SEQUENCE, "the log ends in " + torn.length() + " bytes without a newline"));
    }

    @Test
    void anEventIdWrittenTwiceIsDuplicated() throws IOException {
        List<Event> events = withPlan(cleanRun());
        Event second = events.get(1);
        Event third = events.get(2);
        events.set(2, new Event(second.id(), third.seq(), third.time(), third.source(), third.payload()));

        assertThat(LogAudit.audit(write(events), told(cleanRun()), Set.of("cl-d1"), List.of()).violations())
                .containsExactly(new Violation(Check.DUPLICATED, "event id " + second.id()
                        + " at seq 2 and again at seq 3"));
    }

    @Test
    void anEventReadWithCeEventsMustBeTheLogsEventAtThatSeq() throws IOException {
        List<Event> events = withPlan(cleanRun());
        List<SeenEvent> seen = List.of(new SeenEvent(2, "ev-2", "builders-1"), new SeenEvent(3, "ev-9", "builders-2"),
                new SeenEvent(99, "ev-99", "builders-3"));

        assertThat(LogAudit.audit(write(events), told(cleanRun()), Set.of("cl-d1"), seen).violations())
                .containsExactly(
                        new Violation(Check.READS, "builders-2 read event ev-9 at seq 3 with ce_events; the log has "
                                + "ev-3 there"),
                        new Violation(Check.READS, "builders-3 read event ev-99 at seq 99 with ce_events; the log "
                                + "has nothing there"));
    }

    private AuditResult audit(List<Event> events, List<Transition> told) throws IOException {
        return LogAudit.audit(write(events), told, Set.of("cl-d1"), List.of());
    }

    /** The plan, then the payloads as events with seq 2, 3, ... */
    private static List<Event> withPlan(List<EventPayload> payloads) {
        List<Event> events = new ArrayList<>(List.of(plan()));
        for (EventPayload payload : payloads) {
            events.add(event(events.size() + 1, payload));
        }
        return events;
    }

    /** What the agents were told, had the server answered exactly these events. */
    private static List<Transition> told(List<EventPayload> payloads) {
        List<Transition> told = new ArrayList<>();
        for (int i = 0; i < payloads.size(); i++) {
            switch (payloads.get(i)) {
                case TaskClaimed claimed -> told.add(new Transition.Claimed(claimed.taskId(), claimed.claimId(),
                        claimed.agent()));
                case TaskCompleted completed -> told.add(new Transition.Completed(completed.taskId(),
                        completed.claimId()));
                case TaskFailed failed -> told.add(new Transition.Failed(failed.taskId(), failed.claimId()));
                case LeaseExpired expired -> told.add(new Transition.Expired(expired.taskId(),
                        ((TaskClaimed) payloads.get(i + 1)).claimId()));
                default -> throw new IllegalArgumentException("not a transition: " + payloads.get(i));
            }
        }
        return told;
    }

    private Path write(List<Event> events) throws IOException {
        Path dir = Files.createDirectories(temp.resolve("wf-audit-" + System.nanoTime()));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        events.forEach(event -> bytes.writeBytes(EventCodec.encode(event)));
        return Files.write(dir.resolve("events.jsonl"), bytes.toByteArray());
    }

    private static TaskClaimed claimed(String task, String claimId) {
        return new TaskClaimed(task, claimId, "agent", "builders", T0.plusSeconds(600));
    }

    private static TaskCompleted completed(String task, String claimId) {
        return new TaskCompleted(task, claimId, "done", List.of(), Json.mapper().createObjectNode(), false);
    }

    private static Event event(long seq, EventPayload payload) {
        return new Event("ev-" + seq, seq, T0.plusMillis(seq), "agent", payload);
    }
}
