package dev.pce.engine.learning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.pce.engine.Json;
import dev.pce.engine.gate.Dimension;
import dev.pce.engine.knowledge.KnowledgeNote;
import dev.pce.engine.knowledge.NewNote;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The note of a learned pattern, both ways: the note {@code ce_learn} writes for a pattern a workflow taught, and
 * the patterns read back from a vault's notes, so another project can import them ({@code ce_learn_from}).
 *
 * <p>A note holds two patterns of one key. What the workflow taught: {@code samples}, {@code confidence},
 * {@code factor} (estimate biases), {@code workflow}, {@code evidence_workflows}. And what the project knew once it was
 * merged, the store's pattern: {@code project_samples}, {@code project_confidence}, {@code project_factor},
 * {@code project_workflows}, with the {@code store_version} that held it. An importer wants the second: one
 * workflow's 3 to 9 samples are not what the project knows. Notes written before the project's pattern was part of
 * them still read: their workflows' contributions are combined ({@link #read(Collection, String)}).
 *
 * <p>A note that is not such a pattern note, or whose values are out of range, is skipped: imported data never
 * becomes a pattern it cannot be.
 */
public final class PatternNotes {
    public static final String TYPE = "pattern";
    private static final String FOLDER = "patterns";
    private static final String KIND = "[A-Za-z][A-Za-z0-9_-]{0,63}";
    private static final String PROJECT = "project_";

    private PatternNotes() {
    }

    /**
     * The note for {@code taught}, what workflow {@code workflowId} taught, at {@code now}; {@code project} is the
     * store's pattern of the same key once it was merged, in store version {@code storeVersion}.
     */
    public static NewNote note(String workflowId, Pattern taught, Pattern project, long storeVersion,
                               LocalDateTime now) {
        if (!taught.key().equals(project.key())) {
            throw new IllegalArgumentException("the project's pattern " + project.key() + " is not of the key "
                    + taught.key());
        }
        Map<String, JsonNode> extra = new LinkedHashMap<>();
        extra.put("pattern", TextNode.valueOf(taught.key()));
        extra.put("samples", IntNode.valueOf(taught.samples()));
        extra.put("confidence", DoubleNode.valueOf(round(taught.confidence())));
        extra.put("workflow", TextNode.valueOf(workflowId));
        extra.put("evidence_workflows", workflows(taught));
        factor(taught).ifPresent(factor -> extra.put("factor", DoubleNode.valueOf(round(factor))));
        extra.put(PROJECT + "samples", IntNode.valueOf(project.samples()));
        extra.put(PROJECT + "confidence", DoubleNode.valueOf(round(project.confidence())));
        factor(project).ifPresent(factor -> extra.put(PROJECT + "factor", DoubleNode.valueOf(round(factor))));
        extra.put(PROJECT + "workflows", workflows(project));
        extra.put("store_version", LongNode.valueOf(storeVersion));
        String body = "Learned from workflow " + workflowId + ": " + taught.summary() + String.format(Locale.ROOT,
                " (%d samples, confidence %.2f).%n%nThe project now: %s (%d samples, confidence %.2f).%n%n"
                        + "Evidence: %s.%n", taught.samples(), taught.confidence(), project.summary(),
                project.samples(), project.confidence(), String.join(", ", project.workflows()));
        return new NewNote(now, FOLDER, taught.summary(), TYPE, "learned",
                List.of("learned", taught.key().substring(0, taught.key().indexOf(':'))), List.of(), extra, body);
    }

    /**
     * The patterns a vault's pattern notes describe, one per key, marked as imported from {@code project}: what that
     * project knew. Per key, the project's pattern in the newest note that carries one (by date, then store
     * version): it already holds every older note's workflow, so those are not counted again. A key whose notes all
     * predate that (they carry only their workflow's contribution) gets their combination, the newest note per
     * workflow (a workflow learned again wrote a new note that replaces its older one).
     */
    public static List<Pattern> read(Collection<KnowledgeNote> notes, String project) {
        Map<String, List<Reading>> byKey = new TreeMap<>();
        int position = 0;
        for (KnowledgeNote note : notes) {
            Optional<Reading> reading = reading(note, project, position++);
            reading.ifPresent(r -> byKey.computeIfAbsent(r.taught().key(), key -> new ArrayList<>()).add(r));
        }
        List<Pattern> patterns = new ArrayList<>();
        byKey.values().forEach(readings -> {
            Optional<Reading> newestWithProject = readings.stream().filter(r -> r.project().isPresent())
                    .max(Reading.OLDEST_FIRST);
            if (newestWithProject.isPresent()) {
                patterns.add(newestWithProject.get().project().orElseThrow());
                return;
            }
            Map<String, Reading> newestPerWorkflow = new LinkedHashMap<>();
            readings.stream().sorted(Reading.OLDEST_FIRST).forEach(r -> {
                newestPerWorkflow.remove(r.workflow()); // a newer note of the workflow moves to the recent end
                newestPerWorkflow.put(r.workflow(), r);
            });
            patterns.add(PatternSet.combined(newestPerWorkflow.values().stream().map(Reading::taught).toList()));
        });
        return patterns;
    }

    /**
     * The pattern one note describes, marked as imported from {@code project}: the project's pattern when the note
     * carries one, else the workflow's.
     */
    public static Optional<Pattern> read(KnowledgeNote note, String project) {
        return reading(note, project, 0).map(reading -> reading.project().orElse(reading.taught()));
    }

    /**
     * One note read: the workflow's pattern, the project's when the note carries a valid one, and what orders notes
     * of a key (date, store version, then the vault's order: it lists the newest first).
     */
    private record Reading(Pattern taught, Optional<Pattern> project, String workflow, String date, long storeVersion,
                           int position) {
        static final Comparator<Reading> OLDEST_FIRST = Comparator.comparing(Reading::date)
                .thenComparingLong(Reading::storeVersion)
                .thenComparing(Comparator.comparingInt(Reading::position).reversed());
    }

    private static Optional<Reading> reading(KnowledgeNote note, String project, int position) {
        ObjectNode fm = note.frontMatter();
        JsonNode key = fm.get("pattern");
        if (key == null || !key.isTextual()) {
            return Optional.empty();
        }
        PatternOrigin origin = PatternOrigin.importedFrom(project);
        return pattern(key.asText(), fm, "", "evidence_workflows", origin).map(taught -> new Reading(taught,
                pattern(key.asText(), fm, PROJECT, PROJECT + "workflows", origin),
                fm.path("workflow").asText(note.note().id()), fm.path("date").asText(""),
                fm.path("store_version").asLong(0), position));
    }

    /** The pattern of {@code key} from the values under {@code prefix}, when they are there and in range. */
    private static Optional<Pattern> pattern(String key, ObjectNode fm, String prefix, String evidenceField,
                                             PatternOrigin origin) {
        int samples = fm.path(prefix + "samples").asInt(0);
        double confidence = fm.path(prefix + "confidence").asDouble(0);
        if (samples < 1 || !(confidence > 0 && confidence <= 1)) {
            return Optional.empty();
        }
        List<String> workflows = new ArrayList<>();
        fm.path(evidenceField).forEach(workflow -> workflows.add(workflow.asText()));
        String[] parts = key.split(":", -1);
        if (parts.length == 2 && parts[0].equals("estimate") && parts[1].matches(KIND)) {
            double factor = fm.path(prefix + "factor").asDouble(0);
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

    private static Optional<Double> factor(Pattern pattern) {
        return pattern instanceof Pattern.EstimateBias bias ? Optional.of(bias.factor()) : Optional.empty();
    }

    private static ArrayNode workflows(Pattern pattern) {
        ArrayNode evidence = Json.mapper().createArrayNode();
        pattern.workflows().forEach(evidence::add);
        return evidence;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
