package dev.pce.engine.learning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.pce.engine.Json;
import dev.pce.engine.gate.Dimension;
import dev.pce.engine.knowledge.KnowledgeNote;
import dev.pce.engine.knowledge.NewNote;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The note of a learned pattern, both ways: the note {@code ce_learn} writes for a pattern (its statistics and
 * evidence workflows in the front matter: {@code pattern}, {@code samples}, {@code confidence}, {@code factor},
 * {@code evidence_workflows}; a sentence in the body), and the pattern read back from such a note, so another
 * project can import it. A note that is not such a pattern note, or whose values are out of range, is skipped:
 * imported data never becomes a pattern it cannot be.
 */
public final class PatternNotes {
    public static final String TYPE = "pattern";
    private static final String FOLDER = "patterns";
    private static final String KIND = "[A-Za-z][A-Za-z0-9_-]{0,63}";

    private PatternNotes() {
    }

    /** The note for {@code pattern}, learned from {@code workflowId} at {@code now}. */
    public static NewNote note(String workflowId, Pattern pattern, LocalDateTime now) {
        ArrayNode evidence = Json.mapper().createArrayNode();
        pattern.workflows().forEach(evidence::add);
        Map<String, JsonNode> extra = new LinkedHashMap<>();
        extra.put("pattern", TextNode.valueOf(pattern.key()));
        extra.put("samples", IntNode.valueOf(pattern.samples()));
        extra.put("confidence", DoubleNode.valueOf(round(pattern.confidence())));
        extra.put("workflow", TextNode.valueOf(workflowId));
        extra.put("evidence_workflows", evidence);
        if (pattern instanceof Pattern.EstimateBias bias) {
            extra.put("factor", DoubleNode.valueOf(round(bias.factor())));
        }
        String body = "Learned from workflow " + workflowId + ": " + pattern.summary() + String.format(Locale.ROOT,
                " (%d samples, confidence %.2f).%n%nEvidence: %s.%n", pattern.samples(), pattern.confidence(),
                String.join(", ", pattern.workflows()));
        return new NewNote(now, FOLDER, pattern.summary(), TYPE, "learned",
                List.of("learned", pattern.key().substring(0, pattern.key().indexOf(':'))), List.of(), extra, body);
    }

    /** The pattern a note of another project's vault describes, marked as imported from {@code project}. */
    public static Optional<Pattern> read(KnowledgeNote note, String project) {
        ObjectNode fm = note.frontMatter();
        JsonNode key = fm.get("pattern");
        if (key == null || !key.isTextual()) {
            return Optional.empty();
        }
        int samples = fm.has("samples") ? fm.get("samples").asInt(0) : 0;
        double confidence = fm.has("confidence") ? fm.get("confidence").asDouble(0) : 0;
        if (samples < 1 || !(confidence > 0 && confidence <= 1)) {
            return Optional.empty();
        }
        List<String> workflows = new ArrayList<>();
        JsonNode evidence = fm.get("evidence_workflows");
        if (evidence != null) {
            evidence.forEach(workflow -> workflows.add(workflow.asText()));
        }
        PatternOrigin origin = PatternOrigin.importedFrom(project);
        String[] parts = key.asText().split(":", -1);
        if (parts.length == 2 && parts[0].equals("estimate") && parts[1].matches(KIND)) {
            double factor = fm.has("factor") ? fm.get("factor").asDouble(0) : 0;
            return factor >= 0.1 && factor <= 10
                    ? Optional.of(new Pattern.EstimateBias(parts[1], factor, samples, confidence, workflows, origin))
                    : Optional.empty();
        }
        if (parts.length == 4 && parts[0].equals("review") && parts[1].matches(KIND)
                && parts[2].matches("[A-Za-z0-9_./-]{1,200}") && !parts[2].contains("..")) {
            try {
                return Optional.of(new Pattern.ReviewRequirement(parts[1], parts[2], Dimension.parse(parts[3]),
                        samples, confidence, workflows, origin));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
