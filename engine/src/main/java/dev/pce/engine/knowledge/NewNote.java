package dev.pce.engine.knowledge;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A note to capture. The store adds the id (from {@code date} and the title), the date and the project.
 *
 * @param date   when it was written; it also names the note
 * @param folder the folder in the vault ({@code insights}, {@code patterns}, ...)
 * @param tags   tag names without {@code #}, in order
 * @param links  wikilink targets (note ids or titles)
 * @param extra  every other front matter key, written in this order after the typed ones
 */
public record NewNote(LocalDateTime date, String folder, String title, String type, String status,
                      List<String> tags, List<String> links, Map<String, JsonNode> extra, String body) {
    public NewNote {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(status, "status");
        tags = List.copyOf(tags);
        links = List.copyOf(links);
        extra = Collections.unmodifiableMap(new LinkedHashMap<>(extra)); // the order is the file's order
        Objects.requireNonNull(body, "body");
    }
}
