package dev.pce.pkm.note;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The front matter keys of the compound-engineering plugin's learnings (its {@code docs/solutions/}, written by the
 * plugin's compound step), read where a note lacks PCE's own key, so a team's existing learnings search and show as
 * PCE's notes do:
 * <ul>
 *   <li>{@code problem_type} ({@code best_practice}, {@code integration_issue}, ...: the plugin's kind of learning)
 *       is the note's type when it has no {@code type};</li>
 *   <li>{@code created} is its date when it has no {@code date};</li>
 *   <li>{@code category} (the folder under {@code docs/solutions/}, such as {@code skill-design}) is one of its
 *       tags;</li>
 *   <li>the notes that {@code related} and {@code related_docs} name by path
 *       ({@code docs/solutions/skill-design/beta-skills-framework.md}) are links, by their file name.</li>
 * </ul>
 * The front matter stays as written: the keys remain in {@link FrontMatter#extra} and a rewritten note keeps them.
 */
final class CompoundEngineeringKeys {
    static final String PROBLEM_TYPE = "problem_type";
    static final String CREATED = "created";
    static final String CATEGORY = "category";
    static final List<String> RELATED = List.of("related", "related_docs");

    private CompoundEngineeringKeys() {
    }

    static Optional<String> type(FrontMatter fm) {
        return text(fm, PROBLEM_TYPE);
    }

    static Optional<NoteDate> date(FrontMatter fm) {
        return text(fm, CREATED).flatMap(NoteDate::parse);
    }

    /** The category as a tag: its last folder ({@code docs/solutions/best-practices/} is {@code best-practices}). */
    static Optional<String> categoryTag(FrontMatter fm) {
        return text(fm, CATEGORY).map(CompoundEngineeringKeys::lastSegment).filter(Tags::isValid);
    }

    /** The file names (without {@code .md}) of the notes the related keys name; web addresses are no notes. */
    static List<String> relatedNotes(FrontMatter fm) {
        List<String> targets = new ArrayList<>();
        for (String key : RELATED) {
            JsonNode value = fm.extra().get(key);
            if (value == null) {
                continue;
            }
            for (JsonNode item : value.isArray() ? value : List.of(value)) {
                String text = item.isTextual() ? item.asText().strip() : "";
                if (text.endsWith(".md") && !text.contains("://")) {
                    String name = lastSegment(text.substring(0, text.length() - ".md".length()));
                    if (FrontMatter.isLinkTarget(name)) {
                        targets.add(name);
                    }
                }
            }
        }
        return targets;
    }

    private static Optional<String> text(FrontMatter fm, String key) {
        JsonNode value = fm.extra().get(key);
        return value != null && value.isValueNode() && !value.isNull() && !value.asText().isBlank()
                ? Optional.of(value.asText().strip()) : Optional.empty();
    }

    private static String lastSegment(String path) {
        String trimmed = path.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }
}
