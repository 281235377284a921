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

        NewNote note = PatternNotes.note("wf-2", review, NOW);

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
        NewNote written = PatternNotes.note("wf-1", bias, NOW);
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

    private static NewNote with(NewNote note, String key, JsonNode value) {
        Map<String, JsonNode> extra = new LinkedHashMap<>(note.extra());
        extra.put(key, value);
        return new NewNote(note.date(), note.folder(), note.title(), note.type(), note.status(), note.tags(),
                note.links(), extra, note.body());
    }
}
