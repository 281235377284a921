package dev.pce.engine.learning.insight;

import com.fasterxml.jackson.databind.node.NullNode;
import dev.pce.engine.knowledge.KnowledgeNote;
import dev.pce.engine.knowledge.NewNote;
import dev.pce.engine.learning.MemoryKnowledge;
import dev.pce.engine.learning.insight.InsightCapture.Outcome;
import dev.pce.engine.testing.ServiceTestBase;
import dev.pce.engine.workflow.CompleteCommand;
import dev.pce.engine.workflow.FailCommand;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static dev.pce.engine.testing.Plans.task;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Capturing a real workflow's insights into a store: the missing notes written, nothing twice, PCE's own notes
 * brought up to date, a person's left alone; and automatically, after the appends and in a catch-up.
 */
class InsightCaptureTest extends ServiceTestBase {
    private final MemoryKnowledge vault = MemoryKnowledge.of("demo");
    private InsightCapture capture;
    private String id;

    @BeforeEach
    void plan() {
        capture = new InsightCapture(service, vault, ZoneOffset.UTC);
        id = service.plan("Rate limiting", List.of(task("a").build(), task("b").build()), "lead").workflowId();
    }

    @Test
    void aCaptureWritesTheMissingNotesAndCapturingAgainWritesNothing() {
        fail("a", "Tests failed: 1 of 2");

        assertThat(capture.capture(id).notes()).containsOnlyKeys(failureNote()).containsValue(Outcome.WRITTEN);
        assertThat(capture.capture(id).notes()).containsEntry(failureNote(), Outcome.UNCHANGED);
        assertThat(vault.notes("demo")).hasSize(1);
        assertThat(vault.notes("demo").getFirst().note().path()).isEqualTo("failures/" + failureNote() + ".md");
    }

    @Test
    void moreEventsOfAnInsightUpdatePcesNoteButNeverOneAPersonTookOver() {
        fail("a", "Tests failed: 1 of 2");
        capture.capture(id);
        fail("a", "Tests failed: 2 of 2");

        assertThat(capture.capture(id).notes()).containsEntry(failureNote(), Outcome.UPDATED);
        assertThat(note().frontMatter().path("insight_events")).hasSize(2);
        assertThat(vault.notes("demo")).hasSize(1);

        NewNote accepted = vault.captured.getLast();
        vault.captureAs(failureNote(), new NewNote(accepted.date(), accepted.folder(), accepted.title(),
                accepted.type(), "accepted", accepted.tags(), accepted.links(), accepted.extra(), "My own words."),
                true);
        fail("a", "Tests failed: 1 of 2");
        assertThat(capture.capture(id).notes()).containsEntry(failureNote(), Outcome.KEPT);
        assertThat(note().body()).isEqualTo("My own words.");
    }

    @Test
    void automaticCaptureWritesAfterTheAppendsWithoutTheCallerAndOnceTheWorkflowEnds() throws Exception {
        try (AutomaticCapture automatic = AutomaticCapture.start(service, vault, ZoneOffset.UTC)) {
            fail("a", "Tests failed: 1 of 2");
            assertThat(automatic.awaitIdle(Duration.ofMinutes(1))).isTrue();
            assertThat(types()).containsExactly("failure");

            complete("a");
            complete("b");
            assertThat(automatic.awaitIdle(Duration.ofMinutes(1))).isTrue();
        }
        assertThat(types()).containsExactlyInAnyOrder("failure", "insight");
        assertThat(vault.notes("demo")).anySatisfy(note -> assertThat(note.note().title())
                .isEqualTo("Retrospective of " + id + ": Rate limiting"));
    }

    @Test
    void theCatchUpCapturesWhatNoProcessCapturedAndSkipsWhatDidNotChange() throws Exception {
        fail("a", "Tests failed: 1 of 2");
        assertThat(capture.behind(id)).isTrue();

        try (AutomaticCapture automatic = AutomaticCapture.start(service, vault, ZoneOffset.UTC)) {
            automatic.catchUp();
            assertThat(automatic.awaitIdle(Duration.ofMinutes(1))).isTrue();
        }
        assertThat(types()).containsExactly("failure");
        assertThat(capture.behind(id)).isFalse();
    }

    private List<String> types() {
        return vault.notes("demo").stream().map(note -> note.frontMatter().path("type").asText()).toList();
    }

    private KnowledgeNote note() {
        return vault.ownNote("failures/" + failureNote() + ".md").orElseThrow();
    }

    private String failureNote() {
        return InsightNotes.id(id, "failure:build:tests failed: # of #");
    }

    private void fail(String taskId, String reason) {
        service.fail(id, new FailCommand(taskId, claim(taskId), "b1", reason, true));
    }

    private void complete(String taskId) {
        service.complete(id, new CompleteCommand(taskId, claim(taskId), "b1", "done", List.of(),
                NullNode.getInstance()));
    }

    private String claim(String taskId) {
        return service.claim(id, "builders", "b1", Optional.of(taskId), Duration.ofMinutes(30)).task().orElseThrow()
                .claimId();
    }
}
