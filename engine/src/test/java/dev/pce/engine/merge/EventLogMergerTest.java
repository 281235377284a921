package dev.pce.engine.merge;

import dev.pce.engine.CeException;
import dev.pce.engine.event.Event;
import dev.pce.engine.event.LeaseExpired;
import dev.pce.engine.event.TaskClaimed;
import dev.pce.engine.event.WorkflowPlanned;
import dev.pce.engine.model.TaskPhase;
import dev.pce.engine.workflow.WorkflowState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventLogMergerTest {
    @TempDir
    Path temp;

    @Test
    void theSharedPrefixCountsOnceAndTheJobsEventsInterleaveByIdRenumbered() throws IOException {
        JobLog planned = JobLog.planned();
        JobLog jobA = planned.fork().claim(10, "a", "cA").complete(30, "a", "cA");
        JobLog jobB = planned.fork().claim(20, "b", "cB").complete(40, "b", "cB");

        MergedLog merged = EventLogMerger.mergeFiles(List.of(write("a", jobA), write("b", jobB)));

        assertThat(merged.events()).extracting(Event::seq).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(merged.events()).extracting(Event::id).isSorted();
        assertThat(merged.events().getFirst().payload()).isInstanceOf(WorkflowPlanned.class);
        assertThat(merged.events()).extracting(event -> event.time().getEpochSecond() - JobLog.T0.getEpochSecond())
                .containsExactly(0L, 10L, 20L, 30L, 40L);
        assertThat(merged.duplicatesDropped()).isEqualTo(1);
        assertThat(merged.inputs()).extracting(InputSummary::events).containsExactly(3, 3);
        assertThat(merged.ignored()).isEmpty();
        WorkflowState state = new WorkflowState("wf");
        state.applyAll(merged.events());
        assertThat(state.task("a").orElseThrow().phase()).isEqualTo(TaskPhase.DONE);
        assertThat(state.task("b").orElseThrow().phase()).isEqualTo(TaskPhase.DONE);
    }

    @Test
    void theSameInputsInAnyOrderGiveTheSameBytes() throws IOException {
        JobLog planned = JobLog.planned().claim(1, "a", "c0");
        JobLog jobA = planned.fork().complete(5, "a", "c0").claim(9, "b", "cA");
        JobLog jobB = planned.fork().claim(7, "c", "cB").complete(8, "c", "cB");
        JobLog jobC = planned.fork().claim(6, "b", "cC").complete(12, "b", "cC");
        List<Path> files = new ArrayList<>(List.of(write("a", jobA), write("b", jobB), write("c", jobC)));
        byte[] expected = EventLogMerger.mergeFiles(files).bytes();
        List<String> expectedIgnored = describe(EventLogMerger.mergeFiles(files));

        Random random = new Random(42);
        for (int round = 0; round < 6; round++) {
            Collections.shuffle(files, random);
            Path out = temp.resolve("out-" + round + ".jsonl");
            MergedLog merged = EventLogMerger.mergeFiles(files);
            merged.writeTo(out);
            assertThat(Files.readAllBytes(out)).isEqualTo(expected);
            assertThat(describe(merged)).isEqualTo(expectedIgnored);
        }
    }

    @Test
    void aTaskClaimedInTwoJobsKeepsBothHistoriesAndReportsTheSecondAsIgnored() throws IOException {
        JobLog planned = JobLog.planned();
        JobLog jobA = planned.fork().claim(10, "c", "cA").complete(30, "c", "cA");
        JobLog jobB = planned.fork().claim(20, "c", "cB").complete(40, "c", "cB");
        Path fileA = write("a", jobA);
        Path fileB = write("b", jobB);

        MergedLog merged = EventLogMerger.mergeFiles(List.of(fileA, fileB));

        assertThat(merged.events()).hasSize(5);
        assertThat(merged.ignored()).extracting(IgnoredEvent::kind).containsExactly(
                IgnoredEvent.Kind.CLAIM_WHILE_HELD, IgnoredEvent.Kind.TASK_ALREADY_FINISHED);
        IgnoredEvent secondClaim = merged.ignored().getFirst();
        assertThat(secondClaim.seq()).isEqualTo(3);
        assertThat(secondClaim.taskId()).isEqualTo("c");
        assertThat(secondClaim.files()).containsExactly(fileB);
        assertThat(secondClaim.describe()).contains("task.claimed", "claim cB", "claim cA", "first claim wins",
                fileB.toString());
        assertThat(merged.ignored().get(1).describe()).contains("task.completed", "already done");
    }

    @Test
    void aCompletionUnderALeaseThatRanOutAndWasClaimedAgainIsIgnored() throws IOException {
        JobLog planned = JobLog.planned();
        JobLog jobA = planned.fork().claimWithLease(10, "a", "cA", 5).complete(30, "a", "cA");
        JobLog jobB = planned.fork().claim(20, "a", "cB");

        MergedLog merged = EventLogMerger.mergeFiles(List.of(write("a", jobA), write("b", jobB)));

        assertThat(merged.ignored()).singleElement().satisfies(ignored -> {
            assertThat(ignored.kind()).isEqualTo(IgnoredEvent.Kind.REPORT_UNDER_LOST_CLAIM);
            assertThat(ignored.type()).isEqualTo("task.completed");
            assertThat(ignored.reason()).contains("claim cA does not hold the task", "claim cB");
        });
    }

    @Test
    void twoDifferentEventsUnderOneIdAreAnErrorNamingBothFiles() throws IOException {
        JobLog planned = JobLog.planned();
        JobLog jobA = planned.fork().claim(10, "a", "cA");
        Event forged = jobA.events().get(1);
        JobLog jobB = planned.fork().appendEvent(new Event(forged.id(), 2, forged.time(), "test",
                new TaskClaimed("b", "cB", "agent", "builders", forged.time().plus(Duration.ofMinutes(1)))));
        Path fileA = write("a", jobA);
        Path fileB = write("b", jobB);

        assertThatThrownBy(() -> EventLogMerger.mergeFiles(List.of(fileA, fileB)))
                .isInstanceOf(CeException.class)
                .hasMessageContaining(forged.id()).hasMessageContaining(fileA.toString())
                .hasMessageContaining(fileB.toString());
    }

    @Test
    void logsOfDifferentPlansAreAnError() throws IOException {
        Path fileA = write("a", JobLog.planned().claim(1, "a", "cA"));
        Path fileB = write("b", JobLog.planned());

        assertThatThrownBy(() -> EventLogMerger.mergeFiles(List.of(fileA, fileB)))
                .isInstanceOf(CeException.class)
                .hasMessageContaining("different plans").hasMessageContaining(fileA.toString())
                .hasMessageContaining(fileB.toString());
    }

    @Test
    void aLogThatDoesNotStartWithItsPlanOrPlansTwiceIsAnError() throws IOException {
        JobLog planned = JobLog.planned();
        Path headless = write("headless", planned.fork().claim(1, "a", "cA"));
        Files.write(headless, Files.readAllLines(headless).subList(1, 2));
        Path twice = write("twice", planned.fork().append(2, planned.events().getFirst().payload()));

        assertThatThrownBy(() -> EventLogMerger.mergeFiles(List.of(headless)))
                .hasMessageContaining("does not start with a workflow.planned").hasMessageContaining("task.claimed");
        assertThatThrownBy(() -> EventLogMerger.mergeFiles(List.of(twice))).hasMessageContaining("plans its "
                + "workflow twice");
        assertThatThrownBy(() -> EventLogMerger.mergeFiles(List.of())).hasMessageContaining("No event logs");
    }

    @Test
    void aTornLastLineIsReportedAndSkipped() throws IOException {
        JobLog planned = JobLog.planned();
        Path fileA = write("a", planned.fork().claim(10, "a", "cA"));
        int intact = Files.readAllBytes(fileA).length;
        Files.write(fileA, "{\"id\":\"0190".getBytes(StandardCharsets.UTF_8), java.nio.file.StandardOpenOption.APPEND);

        MergedLog merged = EventLogMerger.mergeFiles(List.of(fileA, write("b", planned.fork())));

        assertThat(merged.events()).hasSize(2);
        assertThat(merged.inputs().getFirst().tornLine()).contains(new TornLine(intact, 11));
        assertThat(merged.inputs().get(1).tornLine()).isEmpty();
    }

    @Test
    void eventsOfOneAppendBatchKeepTheirLogOrderWhateverTheirIdsRandomBits() throws IOException {
        JobLog planned = JobLog.planned().claimWithLease(1, "a", "c0", 1);
        // one batch: the expiry of c0 and the claim that recorded it share a millisecond, ids in reverse order
        var at = JobLog.T0.plusSeconds(5);
        Event expiry;
        Event claim;
        do {
            expiry = JobLog.event(3, at, new LeaseExpired("a", "c0", "agent-c0"));
            claim = JobLog.event(4, at, new TaskClaimed("a", "c1", "agent-c1", "builders", at.plusSeconds(60)));
        } while (expiry.id().compareTo(claim.id()) < 0);
        JobLog job = planned.fork().appendEvent(expiry).appendEvent(claim);

        MergedLog merged = EventLogMerger.mergeFiles(List.of(write("job", job), write("other", planned.fork())));

        assertThat(merged.events()).extracting(Event::type)
                .containsExactly("workflow.planned", "task.claimed", "task.lease_expired", "task.claimed");
        assertThat(merged.ignored()).isEmpty();
    }

    @Test
    void aMergedLogMergesAgainWithALaterJobDespiteItsRenumbering() throws IOException {
        JobLog planned = JobLog.planned();
        JobLog jobA = planned.fork().claim(10, "a", "cA");
        JobLog jobB = planned.fork().claim(20, "b", "cB");
        Path firstMerge = temp.resolve("first.jsonl");
        EventLogMerger.mergeFiles(List.of(write("a", jobA), write("b", jobB))).writeTo(firstMerge);
        JobLog jobC = jobB.fork().complete(30, "b", "cB");

        MergedLog merged = EventLogMerger.mergeFiles(List.of(firstMerge, write("c", jobC)));

        assertThat(merged.events()).hasSize(4);
        assertThat(merged.duplicatesDropped()).isEqualTo(2);
        assertThat(merged.events()).extracting(Event::seq).containsExactlyElementsOf(
                LongStream.rangeClosed(1, 4).boxed().toList());
    }

    @Test
    void writingReplacesTheTargetWholeAndLeavesNoTemporaryFile() throws IOException {
        Path out = temp.resolve("out/merged.jsonl");
        Files.createDirectories(out.getParent());
        Files.writeString(out, "old content that is longer than nothing\n");
        Path input = write("a", JobLog.planned());

        EventLogMerger.mergeFiles(List.of(input)).writeTo(out);

        assertThat(Files.readAllBytes(out)).isEqualTo(Files.readAllBytes(input));
        try (var files = Files.list(out.getParent())) {
            assertThat(files).containsExactly(out);
        }
    }

    private Path write(String job, JobLog log) throws IOException {
        return log.writeTo(temp.resolve(job).resolve("events.jsonl"));
    }

    private static List<String> describe(MergedLog merged) {
        return merged.ignored().stream().map(ignored -> ignored.kind() + " " + ignored.eventId()).toList();
    }
}
