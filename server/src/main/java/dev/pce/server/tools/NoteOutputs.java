package dev.pce.server.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pce.engine.Json;
import dev.pce.pkm.note.FrontMatter;
import dev.pce.pkm.note.Note;
import dev.pce.server.knowledge.Learnings;
import dev.pce.server.knowledge.NoteRefs;
import dev.pce.server.knowledge.NoteRefs.NoteRef;

/** The shapes the note tools share: a note's reference, its front matter as JSON, its links. */
final class NoteOutputs {
    /** Ids per list of a note's links in an answer: enough to follow, few enough to read. */
    static final int LINKS_SHOWN = 10;

    private NoteOutputs() {
    }

    static NoteRef ref(Learnings learnings, String vault, Note note) {
        return NoteRefs.ref(vault, learnings.ownName(), note.id().value(), note.path(), note.title());
    }

    static Learnings.NoteLinks links(Learnings learnings, String vault, Note note) {
        return learnings.links(vault, note.id(), LINKS_SHOWN);
    }

    /** The front matter as written: typed fields first, then every other key. */
    static ObjectNode frontMatter(FrontMatter fm) {
        ObjectNode json = Json.mapper().createObjectNode();
        fm.id().ifPresent(id -> json.put("id", id.value()));
        fm.title().ifPresent(title -> json.put("title", title));
        fm.date().ifPresent(date -> json.put("date", date.text()));
        fm.type().ifPresent(type -> json.put("type", type));
        fm.status().ifPresent(status -> json.put("status", status));
        fm.project().ifPresent(project -> json.put("project", project));
        if (!fm.tags().isEmpty()) {
            fm.tags().forEach(json.putArray("tags")::add);
        }
        if (!fm.links().isEmpty()) {
            fm.links().forEach(json.putArray("links")::add);
        }
        fm.extra().forEach(json::set);
        return json;
    }
}
