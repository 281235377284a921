package dev.pce.pkm.knowledge;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pce.engine.Json;
import dev.pce.pkm.note.FrontMatter;

/** A note's front matter as JSON, as answers show it. */
final class FrontMatterJson {
    private FrontMatterJson() {
    }

    /** The front matter as written: typed fields first, then every other key. */
    static ObjectNode of(FrontMatter fm) {
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
