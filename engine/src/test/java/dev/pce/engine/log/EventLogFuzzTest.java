package dev.pce.engine.log;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.pce.engine.CeException;
import dev.pce.engine.event.Event;
import dev.pce.engine.event.EventCodec;
import dev.pce.engine.merge.EventLogMerger;
import dev.pce.engine.merge.InputLogReader;
import dev.pce.engine.service.EventQuery;
import dev.pce.engine.service.EventsPage;
import dev.pce.engine.service.WorkflowCheck;
import dev.pce.engine.service.WorkflowService;
import dev.pce.engine.service.WorkflowStatus;
import dev.pce.engine.testing.Fuzzing;
import dev.pce.engine.workspace.Workspace;
import dev.pce.testing.MutableClock;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static dev.pce.engine.ErrorCode.CONFLICT;
import static dev.pce.engine.ErrorCode.INVALID_ARGUMENT;
import static dev.pce.engine.ErrorCode.LOG_CORRUPT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzz target of the event log reader: one line through {@link EventCodec#decode}, and a whole {@code events.jsonl}
 * of fuzzed bytes (torn last lines, broken JSON, wrong sequence numbers, payloads that decode but make no sense)
 * opened the ways PCE opens one: replayed into a workflow's state, paged through, appended to (which cuts a torn
 * tail), checked by {@code ce doctor} and merged by {@code ce events merge}.
 *
 * <p>Property: every outcome is a result or a {@link CeException} that names the log and says how to fix it;
 * {@code ce doctor} calls a log unreadable exactly when PCE refuses it; after PCE appended to a log, the log reads
 * back whole. The corpus is under
 * {@code src/test/resources/dev/pce/engine/log/EventLogFuzzTestInputs}; see docs/fuzzing.md.
 */
// A hang (an input that never finishes) is a finding too: Jazzer makes this its per-input timeout.
@Timeout(30)
class EventLogFuzzTest {
    private static final String WORKFLOW = "wf-20250115-100000-f0220f";
    private static final Workspace WORKSPACE = Workspace.open(Fuzzing.scratch().resolve("workspace"));

    @FuzzTest
    void decodesOneLine(byte[] line) {
        Event event;
        try {
            event = EventCodec.decode(line, 0, line.length, "fuzz.jsonl line 1");
        } catch (CeException e) {
            Fuzzing.assertClear(e, "fuzz.jsonl line 1", LOG_CORRUPT);
            return;
        }
        // What PCE reads it can write back unchanged: merged and repaired logs are written from decoded events.
        byte[] written = EventCodec.encode(event);
        assertThat(EventCodec.decode(written, 0, written.length - 1, "written")).isEqualTo(event);
    }

    @FuzzTest
    void replaysALogFile(byte[] content) throws IOException {
        Path log = logHolding(content);
        mergeWithItself(log);
        long seqBeforeAppend;
        try (WorkflowService service = new WorkflowService(WORKSPACE, MutableClock.standard())) {
            WorkflowStatus status;
            try {
                status = service.status(WORKFLOW);
            } catch (CeException e) {
                Fuzzing.assertClear(e, log.toString(), LOG_CORRUPT);
                WorkflowCheck.Result check = WorkflowCheck.check(WORKSPACE, WORKFLOW, false);
                assertThat(check.readable()).as("ce doctor agrees: " + check.problems()).isFalse();
                assertThat(check.log()).isEqualTo(WorkflowCheck.Verdict.PROBLEM);
                return;
            }
            assertThat(WorkflowCheck.check(WORKSPACE, WORKFLOW, false).readable()).as("ce doctor reads it too")
                    .isTrue();
            assertThat(eventsPagedThrough(service)).isEqualTo(status.lastSeq());
            try {
                service.claim(WORKFLOW, "builders", "fuzzer", Optional.empty(), Duration.ofMinutes(10));
            } catch (CeException e) {
                Fuzzing.assertClear(e, "", INVALID_ARGUMENT, CONFLICT);
            }
            seqBeforeAppend = service.status(WORKFLOW).lastSeq();
        }
        // The append cut any torn tail: a fresh reader sees every event, the new ones included.
        byte[] after = Files.readAllBytes(log);
        assertThat(after.length == 0 || after[after.length - 1] == '\n').as("log ends with a whole line").isTrue();
        try (WorkflowService reopened = new WorkflowService(WORKSPACE, MutableClock.standard())) {
            assertThat(reopened.status(WORKFLOW).lastSeq()).isEqualTo(seqBeforeAppend);
        }
        // Events that read can still be at odds (ids, claims): those ce doctor reports, yet PCE reads the workflow.
        assertThat(WorkflowCheck.check(WORKSPACE, WORKFLOW, false).readable()).isTrue();
    }

    /** The workflow's log, holding exactly {@code content}, with nothing left from the previous input. */
    private static Path logHolding(byte[] content) throws IOException {
        Path dir = WORKSPACE.workflowDir(WORKFLOW);
        Workspace.deleteTree(dir);
        Files.createDirectories(dir);
        return Files.write(dir.resolve(Workspace.EVENTS_FILE), content);
    }

    /** How CI merges job logs; a log merged with a copy of itself is that log (or a clear refusal). */
    private static void mergeWithItself(Path log) throws IOException {
        Path copy = Files.copy(log, Fuzzing.scratch().resolve("copy.jsonl"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        try {
            EventLogMerger.merge(List.of(InputLogReader.read(log), InputLogReader.read(copy)));
        } catch (CeException e) {
            Fuzzing.assertClear(e, "", LOG_CORRUPT, INVALID_ARGUMENT);
        }
    }

    private static long eventsPagedThrough(WorkflowService service) {
        long after = 0;
        long read = 0;
        EventsPage page;
        do {
            page = service.events(new EventQuery(WORKFLOW, after, Set.of(), Optional.empty(), Optional.empty(), 64));
            read += page.events().size();
            after = page.nextAfter();
        } while (page.hasMore());
        return read;
    }
}
