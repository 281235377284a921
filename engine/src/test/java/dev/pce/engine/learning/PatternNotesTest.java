package dev.pce.engine.learning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.pce.engine.gate.Dimension;
import dev.pce.engine.knowledge.KnowledgeNote;
import dev.pce.engine.knowledge.NewNote;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** A pattern's note, written by one project and read back by another: the format of a shared learning. */
class PatternNotesTest {
    private static final LocalDateTime NOW = LocalDateTime.parse("2026-11-25T14:32:07");

    private static KnowledgeNote stored(NewNote note) {
        return MemoryKnowledge.of("shop", "billing").add("billing", note);
    }

    @Test
    void aReviewRequirementReadsBackAsItWasWrittenImportedFromTheVaultsProject() {
        Pattern.ReviewRequirement review = new Pattern.ReviewRequirement("build", "src/auth", Dimension.SECURITY, 3,
                0.75, List.of("wf-1", "wf-2"), PatternOrigin.local("billing"));

        NewNote note = PatternNotes.note("wf-2", review, review, 2, NOW);

        assertThat(note.title()).isEqualTo("build writing under src/auth needs a security review");
        assertThat(note.tags()).containsExactly("learned", "review");
        assertThat(note.extra()).doesNotContainKey("factor");
        assertThat(PatternNotes.read(stored(note), "billing")).contains(new Pattern.ReviewRequirement("build",
                "src/auth", Dimension.SECURITY, 3, 0.75, List.of("wf-1", "wf-2"), PatternOrigin.importedFrom(
                        "billing")));
    }

    @Test
    void aNoteThatIsNoPatternOrHoldsValuesOutOfRangeIsSkipped() {
        Pattern.EstimateBias bias = new Pattern.EstimateBias("build", 1.8, 4, 0.8, List.of("wf-1"),
                PatternOrigin.local("billing"));
        NewNote written = PatternNotes.note("wf-1", bias, bias, 1, NOW);
        assertThat(PatternNotes.read(stored(written), "billing")).isPresent();

        assertThat(PatternNotes.read(stored(with(written, "samples", IntNode.valueOf(0))), "billing")).isEmpty();
        assertThat(PatternNotes.read(stored(with(written, "confidence", DoubleNode.valueOf(1.5))), "billing"))
                .isEmpty();
        assertThat(PatternNotes.read(stored(with(written, "factor", DoubleNode.valueOf(20))), "billing")).isEmpty();
        assertThat(PatternNotes.read(stored(with(written, "pattern", TextNode.valueOf("gate:coverage"))),
                "billing")).isEmpty();
        assertThat(PatternNotes.read(stored(with(written, "pattern",
                TextNode.valueOf("review:build:../etc:security"))), "billing")).isEmpty();
        assertThat(PatternNotes.read(stored(with(written, "pattern",
                TextNode.valueOf("review:build:src:no-such-dimension"))), "billing")).isEmpty();
        assertThat(PatternNotes.read(MemoryKnowledge.of("shop").add("shop", "insight", "Just words", "No pattern."),
                "shop")).isEmpty();
    }

    @Test
    void aNoteCarriesTheProjectsMergedPatternAndAnImportReadsThatBack() {
        Pattern.EstimateBias taught = bias(1.5, 4, "wf-9");
        Pattern.EstimateBias merged = new Pattern.EstimateBias("build", 1.64, 185, Confidence.of(185),
                List.of("wf-7", "wf-8", "wf-9"), PatternOrigin.local("billing"));

        NewNote note = PatternNotes.note("wf-9", taught, merged, 12, NOW);

        assertThat(note.extra().get("samples").asInt()).as("the workflow's own contribution").isEqualTo(4);
        assertThat(note.extra().get("factor").asDouble()).isEqualTo(1.5);
        assertThat(note.extra().get("project_samples").asInt()).isEqualTo(185);
        assertThat(note.extra().get("project_factor").asDouble()).isEqualTo(1.64);
        assertThat(note.extra().get("store_version").asLong()).isEqualTo(12);
        assertThat(note.body()).contains("The project now: build takes 1.64x its estimate (185 samples");
        Pattern read = PatternNotes.read(List.of(stored(note)), "billing").getFirst();
        assertThat(read).isEqualTo(new Pattern.EstimateBias("build", 1.64, 185, 0.984, List.of("wf-7", "wf-8",
                "wf-9"), PatternOrigin.importedFrom("billing")));
        assertThat(PatternNotes.read(stored(note), "billing")).contains(read);
    }

    @Test
    void perKeyTheNewestNotesProjectPatternWinsAndOlderNotesAreNotCountedAgain() {
        MemoryKnowledge vaults = MemoryKnowledge.of("shop", "billing");
        Pattern.EstimateBias first = bias(2.0, 3, "wf-1");
        Pattern.EstimateBias both = new Pattern.EstimateBias("build", 2.0, 6, Confidence.of(6),
                List.of("wf-1", "wf-2"), PatternOrigin.local("billing"));
        // newest first, as the vault lists them
        KnowledgeNote newer = vaults.add("billing", PatternNotes.note("wf-2", bias(2.0, 3, "wf-2"), both, 2,
                NOW.plusMinutes(5)));
        KnowledgeNote older = vaults.add("billing", PatternNotes.note("wf-1", first, first, 1, NOW));

        assertThat(PatternNotes.read(List.of(newer, older), "billing")).singleElement()
                .extracting(Pattern::samples).isEqualTo(6);
        assertThat(PatternNotes.read(List.of(older, newer), "billing")).singleElement()
                .extracting(Pattern::samples).as("whatever order the vault lists them in").isEqualTo(6);
    }

    @Test
    void notesWrittenBeforeTheyCarriedTheProjectsPatternAreCombinedOncePerWorkflow() {
        MemoryKnowledge vaults = MemoryKnowledge.of("shop", "billing");
        // the front matter ce_learn wrote before: only the workflow's own contribution
        KnowledgeNote wf1 = vaults.add("billing", oldNote("wf-1", bias(2.0, 3, "wf-1"), NOW));
        KnowledgeNote wf2 = vaults.add("billing", oldNote("wf-2", bias(0.5, 3, "wf-2"), NOW.plusMinutes(1)));
        KnowledgeNote wf2Again = vaults.add("billing", oldNote("wf-2", bias(1.0, 3, "wf-2"), NOW.plusMinutes(2)));

        // wf-2 learned again replaced its contribution: 2.0 and 1.0 over 3 samples each, geometric mean 1.41
        assertThat(PatternNotes.read(List.of(wf2Again, wf2, wf1), "billing")).singleElement()
                .isInstanceOfSatisfying(Pattern.EstimateBias.class, bias -> {
                    assertThat(bias.samples()).isEqualTo(6);
                    assertThat(bias.factor()).isCloseTo(Math.sqrt(2), within(1e-9));
                    assertThat(bias.workflows()).containsExactly("wf-1", "wf-2");
                    assertThat(bias.origin()).isEqualTo(PatternOrigin.importedFrom("billing"));
                });
    }

    private static Pattern.EstimateBias bias(double factor, int samples, String workflow) {
        return new Pattern.EstimateBias("build", factor, samples, Confidence.of(samples), List.of(workflow),
                PatternOrigin.local("billing"));
    }

    /** A note as ce_learn wrote it before notes carried the project's pattern. */
    private static NewNote oldNote(String workflow, Pattern taught, LocalDateTime date) {
        NewNote note = PatternNotes.note(workflow, taught, taught, 1, date);
        Map<String, JsonNode> extra = new LinkedHashMap<>(note.extra());
        extra.keySet().removeIf(key -> key.startsWith("project_") || key.equals("store_version"));
        return new NewNote(note.date(), note.folder(), note.title(), note.type(), note.status(), note.tags(),
                note.links(), extra, note.body());
    }

    private static NewNote with(NewNote note, String key, JsonNode value) {
        Map<String, JsonNode> extra = new LinkedHashMap<>(note.extra());
        extra.put(key, value);
        return new NewNote(note.date(), note.folder(), note.title(), note.type(), note.status(), note.tags(),
                note.links(), extra, note.body());
    }
}
