package dev.pce.server.learning;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pce.engine.gate.Dimension;
import dev.pce.engine.learning.Pattern;
import dev.pce.engine.learning.PatternOrigin;
import dev.pce.pkm.note.Note;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a pattern back from the note {@code ce_learn} wrote for it (front matter {@code pattern}, {@code samples},
 * {@code confidence}, {@code factor}, {@code evidence_workflows}), so another project can import it. A note that is
 * not such a pattern note, or whose values are out of range, is skipped: imported data never becomes a pattern
 * it cannot be.
 */
final class PatternNotes {
    private static final String KIND = "[A-Za-z][A-Za-z0-9_-]{0,63}";

    private PatternNotes() {
    }

    static Optional<Pattern> read(Note note, String project) {
        var extra = note.frontMatter().extra();
        JsonNode key = extra.get("pattern");
        if (key == null || !key.isTextual()) {
            return Optional.empty();
        }
        int samples = extra.containsKey("samples") ? extra.get("samples").asInt(0) : 0;
        double confidence = extra.containsKey("confidence") ? extra.get("confidence").asDouble(0) : 0;
        if (samples < 1 || !(confidence > 0 && confidence <= 1)) {
            return Optional.empty();
        }
        List<String> workflows = new ArrayList<>();
        JsonNode evidence = extra.get("evidence_workflows");
        if (evidence != null) {
            evidence.forEach(workflow -> workflows.add(workflow.asText()));
        }
        PatternOrigin origin = PatternOrigin.importedFrom(project);
        String[] parts = key.asText().split(":", -1);
        if (parts.length == 2 && parts[0].equals("estimate") && parts[1].matches(KIND)) {
            double factor = extra.containsKey("factor") ? extra.get("factor").asDouble(0) : 0;
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
}
