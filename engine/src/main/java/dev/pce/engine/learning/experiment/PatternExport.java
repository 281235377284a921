package dev.pce.engine.learning.experiment;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pce.engine.Json;
import dev.pce.engine.knowledge.KnowledgeNote;
import dev.pce.engine.knowledge.NewNote;
import dev.pce.engine.knowledge.NoteRef;
import dev.pce.engine.learning.Pattern;
import dev.pce.engine.learning.PatternNotes;
import dev.pce.engine.learning.PatternSet;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * One project's patterns brought into another the way {@code ce_learn} and {@code ce_learn_from} do it: after each
 * workflow, ce_learn writes one pattern note per pattern that workflow taught, with the project's pattern of its key
 * once merged ({@link PatternNotes#note}); the vault lists the notes of a type newest first; ce_learn_from reads them
 * back, per key the project's pattern of the newest note ({@link PatternNotes#read(java.util.Collection, String)}),
 * and {@link PatternSet#importFrom} stores them imported, unconfirmed, at half confidence. The vault's
 * file round trip (front matter written and parsed) is left out: the front matter here is the one the note would be
 * written with, which the vault module's tests hold to; leaving it out keeps the experiment in memory and in seconds.
 */
final class PatternExport {
    private PatternExport() {
    }

    /** What project {@code project}'s rows taught, as the other project's store holds it after ce_learn_from. */
    static PatternSet imported(String project, List<LearningExperiment.Row> rows) {
        return PatternSet.empty().importFrom(PatternNotes.read(notes(project, rows), project));
    }

    /** The pattern notes of the rows, newest first, as the vault would list them. */
    static List<KnowledgeNote> notes(String project, List<LearningExperiment.Row> rows) {
        List<KnowledgeNote> notes = new ArrayList<>();
        for (LearningExperiment.Row row : rows.reversed()) {
            LocalDateTime date = LocalDateTime.ofInstant(WorkflowSimulation.START, ZoneOffset.UTC)
                    .plusDays(row.workflow());
            for (Pattern pattern : row.taught()) {
                Pattern known = row.knownAfter().get(pattern.key()).orElseThrow();
                notes.add(asRead(project, PatternNotes.note("wf-" + row.workflow(), pattern, known, row.workflow(),
                        date)));
            }
        }
        return notes;
    }

    /** A note as the vault reads it back: the typed front matter, then the note's own keys. */
    private static KnowledgeNote asRead(String project, NewNote note) {
        String id = note.date().toLocalDate() + "-" + note.title().replaceAll("[^A-Za-z0-9]+", "-");
        ObjectNode frontMatter = Json.mapper().createObjectNode().put("id", id).put("title", note.title())
                .put("date", note.date().toString()).put("type", note.type()).put("status", note.status())
                .put("project", project);
        note.tags().forEach(frontMatter.withArray("tags")::add);
        note.extra().forEach(frontMatter::set);
        NoteRef ref = new NoteRef(project, id, note.folder() + "/" + id + ".md", note.title(),
                "pkm://note/" + project + "/" + id);
        return new KnowledgeNote(ref, frontMatter, note.body(), note.tags());
    }
}
