package dev.pce.engine.learning.insight.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pce.engine.knowledge.KnowledgeNote;
import dev.pce.engine.knowledge.KnowledgeStore;
import dev.pce.engine.learning.insight.InsightNote;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The notes PCE captured on its own, read back from the vault's files (not from what the capture said it wrote):
 * per note its workflow, its insight key and the insight events its front matter lists.
 */
record CapturedNotes(List<Captured> notes) {

    /** One automatic note: {@code events} as its {@code insight_events} lists them, {@code kind@seq}. */
    record Captured(String path, String workflowId, String key, List<String> events) {
        Captured {
            events = List.copyOf(events);
        }
    }

    CapturedNotes {
        notes = List.copyOf(notes);
    }

    /** Reads every note file under {@code vaultRoot} through {@code vault} (its parser, from the file now). */
    static CapturedNotes read(KnowledgeStore vault, Path vaultRoot) {
        if (!Files.isDirectory(vaultRoot)) {
            return new CapturedNotes(List.of());
        }
        List<Captured> notes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(vaultRoot)) {
            for (Path file : files.filter(found -> isNoteFile(vaultRoot.relativize(found))).sorted().toList()) {
                String path = vaultRoot.relativize(file).toString().replace('\\', '/');
                vault.ownNote(path).flatMap(CapturedNotes::automatic).ifPresent(notes::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the vault " + vaultRoot, e);
        }
        return new CapturedNotes(notes);
    }

    /** A Markdown file outside hidden folders (where an index may keep its own files). */
    private static boolean isNoteFile(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return false;
            }
        }
        return relative.getFileName().toString().endsWith(".md");
    }

    private static Optional<Captured> automatic(KnowledgeNote note) {
        JsonNode fm = note.frontMatter();
        if (!InsightNote.AUTOMATIC.equals(fm.path(InsightNote.CAPTURE_KEY).asText())) {
            return Optional.empty();
        }
        List<String> events = new ArrayList<>();
        fm.path(InsightNote.EVENTS_KEY).forEach(event -> events.add(event.asText()));
        return Optional.of(new Captured(note.note().path(), fm.path("workflow").asText(),
                fm.path("insight_key").asText(), events));
    }
}
