package dev.pce.pkm.note;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The YAML front matter of a note, with the fields PCE understands typed and every other key kept as written.
 *
 * @param id      an explicit note id; when present it wins over the file name
 * @param title   the note's title; when absent the first {@code # heading}, else the id's slug, is the title
 * @param date    when the learning happened or was written
 * @param type    what kind of note: insight, decision, failure, pattern, ... (free text)
 * @param status  e.g. draft, accepted, superseded (free text)
 * @param project the project the note belongs to
 * @param tags    tag names without {@code #}, in written order, without duplicates (ignoring case)
 * @param links   targets of the {@code links} field, without {@code [[ ]]}
 * @param extra   every other key, in written order; the values are Jackson trees (treat them as read-only)
 */
public record FrontMatter(
        Optional<NoteId> id,
        Optional<String> title,
        Optional<NoteDate> date,
        Optional<String> type,
        Optional<String> status,
        Optional<String> project,
        List<String> tags,
        List<String> links,
        Map<String, JsonNode> extra) {

    /** The keys with a typed field; {@link #extra} never holds them. */
    public static final Set<String> KNOWN_KEYS =
            Set.of("id", "title", "date", "type", "status", "project", "tags", "links");

    public static final FrontMatter EMPTY = builder().build();

    public FrontMatter {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(date, "date");
        requireText(title, "title");
        requireText(type, "type");
        requireText(status, "status");
        requireText(project, "project");
        tags = List.copyOf(tags);
        for (String tag : tags) {
            if (!Tags.isValid(tag)) {
                throw new IllegalArgumentException("not a tag: " + tag);
            }
        }
        links = List.copyOf(links);
        for (String link : links) {
            if (!isLinkTarget(link)) {
                throw new IllegalArgumentException("not a link target: " + link);
            }
        }
        Map<String, JsonNode> copy = new LinkedHashMap<>();
        extra.forEach((key, value) -> {
            if (KNOWN_KEYS.contains(key)) {
                throw new IllegalArgumentException("'" + key + "' is a typed field, not an extra key");
            }
            copy.put(Objects.requireNonNull(key), value.deepCopy());
        });
        extra = Collections.unmodifiableMap(copy);
    }

    /**
     * Whether {@code target} can stand in the {@code links} field: not blank, no surrounding spaces, no line break
     * and none of {@code [ ] | #} (a link's heading and alias belong in the body).
     */
    public static boolean isLinkTarget(String target) {
        return !target.isBlank() && target.strip().equals(target)
                && target.chars().noneMatch(c -> c == '[' || c == ']' || c == '|' || c == '#' || c == '\n'
                || c == '\r');
    }

    private static void requireText(Optional<String> value, String field) {
        Objects.requireNonNull(value, field);
        value.ifPresent(text -> {
            if (text.isBlank() || !text.strip().equals(text)) {
                throw new IllegalArgumentException(field + " must be non-blank text without surrounding spaces: '"
                        + text + "'");
            }
        });
    }

    public boolean isEmpty() {
        return equals(EMPTY);
    }

    /**
     * The note's other names, as Obsidian reads them: the {@code aliases} key (a list, or one name) and the older
     * {@code alias} key, in written order, each once (ignoring case); blank items and lists or mappings inside are
     * skipped. Kept as written among the {@link #extra} keys, so the note is rewritten unchanged.
     */
    public List<String> aliases() {
        Map<String, String> byKey = new LinkedHashMap<>();
        for (String key : List.of("aliases", "alias")) {
            JsonNode value = extra.get(key);
            if (value == null) {
                continue;
            }
            for (JsonNode item : value.isArray() ? value : List.of(value)) {
                if (item.isValueNode() && !item.isNull() && !item.asText().isBlank()) {
                    String alias = item.asText().strip();
                    byKey.putIfAbsent(alias.toLowerCase(Locale.ROOT), alias);
                }
            }
        }
        return List.copyOf(byKey.values());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this front matter's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.title = title;
        b.date = date;
        b.type = type;
        b.status = status;
        b.project = project;
        b.tags.addAll(tags);
        b.links.addAll(links);
        b.extra.putAll(extra);
        return b;
    }

    /** Builds {@link FrontMatter}; every field starts absent or empty. */
    public static final class Builder {
        private Optional<NoteId> id = Optional.empty();
        private Optional<String> title = Optional.empty();
        private Optional<NoteDate> date = Optional.empty();
        private Optional<String> type = Optional.empty();
        private Optional<String> status = Optional.empty();
        private Optional<String> project = Optional.empty();
        private final List<String> tags = new ArrayList<>();
        private final List<String> links = new ArrayList<>();
        private final Map<String, JsonNode> extra = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder id(NoteId value) {
            id = Optional.of(value);
            return this;
        }

        public Builder title(String value) {
            title = Optional.of(value);
            return this;
        }

        public Builder date(NoteDate value) {
            date = Optional.of(value);
            return this;
        }

        public Builder type(String value) {
            type = Optional.of(value);
            return this;
        }

        public Builder status(String value) {
            status = Optional.of(value);
            return this;
        }

        public Builder project(String value) {
            project = Optional.of(value);
            return this;
        }

        /** Adds a tag unless one that differs only in case is there; a leading {@code #} is dropped. */
        public Builder tag(String value) {
            String name = value.startsWith("#") ? value.substring(1) : value;
            if (tags.stream().noneMatch(t -> Tags.key(t).equals(Tags.key(name)))) {
                tags.add(name);
            }
            return this;
        }

        public Builder tags(List<String> values) {
            values.forEach(this::tag);
            return this;
        }

        public Builder link(String target) {
            links.add(target);
            return this;
        }

        public Builder extra(String key, JsonNode value) {
            extra.put(key, value);
            return this;
        }

        public FrontMatter build() {
            return new FrontMatter(id, title, date, type, status, project, tags, links, extra);
        }
    }
}
