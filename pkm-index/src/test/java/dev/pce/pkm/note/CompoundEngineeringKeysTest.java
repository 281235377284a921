package dev.pce.pkm.note;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static dev.pce.pkm.note.Notes.note;
import static org.assertj.core.api.Assertions.assertThat;

/** The compound-engineering plugin's keys stand in only where PCE's own are missing, and change nothing written. */
class CompoundEngineeringKeysTest {

    @Test
    void pcesOwnTypeAndDateWinOverProblemTypeAndCreated() {
        Note note = note("""
                ---
                type: decision
                problem_type: best_practice
                date: 2026-03-17
                created: 2025-11-24
                ---
                Body.
                """);
        assertThat(note.type()).contains("decision");
        assertThat(note.date()).contains(new NoteDate.Day(LocalDate.of(2026, 3, 17)));
    }

    @Test
    void theKeysStandInWhereTheNoteHasNoneOfPcesAndTheFrontMatterStaysAsWritten() {
        String markdown = """
                ---
                title: "Keep structured-output schemas portable"
                problem_type: integration_issue
                created: 2026-07-15
                category: docs/solutions/integration-issues/
                tags: [cross-model, Integration-Issues]
                related_docs:
                  - "docs/solutions/skill-design/detached-job-lifecycle-for-delegated-work.md"
                  - https://github.com/example/repo/pull/1.md
                ---
                See PRs #1470/#1478 and #schema-portability.
                """;
        Note note = note(markdown);

        assertThat(note.type()).contains("integration_issue");
        assertThat(note.date()).contains(new NoteDate.Day(LocalDate.of(2026, 7, 15)));
        assertThat(note.tags()).as("the category once, ignoring case; issue numbers are no tags")
                .containsExactly("cross-model", "Integration-Issues", "schema-portability");
        assertThat(note.linkTargets()).containsExactly("detached-job-lifecycle-for-delegated-work");
        assertThat(note.frontMatter().type()).isEmpty();
        assertThat(note.frontMatter().extra()).containsKeys("problem_type", "created", "category", "related_docs");
        assertThat(NoteRenderer.render(note)).doesNotContainPattern("(?m)^type:").contains("problem_type:");
    }

    @Test
    void valuesThatAreNoTypeDateOrTagAreLeftOut() {
        Note note = note("""
                ---
                problem_type: [a, b]
                created: last spring
                category: "skill design!"
                related: 7
                ---
                Body.
                """);
        assertThat(note.type()).isEmpty();
        assertThat(note.date()).isEmpty();
        assertThat(note.tags()).isEmpty();
        assertThat(note.linkTargets()).isEmpty();
    }
}
