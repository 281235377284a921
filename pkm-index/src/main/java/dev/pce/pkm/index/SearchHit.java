package dev.pce.pkm.index;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One note found.
 *
 * @param vault    the vault (project) the note is in
 * @param date     the note's date as written in its front matter
 * @param score    BM25 relevance (lexical), (1 + cosine similarity) / 2 (semantic) or the reciprocal rank fusion
 *                 score (hybrid); 0 when hits are listed by date
 * @param snippets passages of the body with matched words in {@code **bold**}; the body's start if none matched
 */
public record SearchHit(String vault, String id, String path, String title, Optional<String> type,
                        Optional<String> status, Optional<String> project, List<String> tags, Optional<String> date,
                        float score, List<String> snippets) {

    public SearchHit {
        Objects.requireNonNull(vault, "vault");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(project, "project");
        tags = List.copyOf(tags);
        Objects.requireNonNull(date, "date");
        snippets = List.copyOf(snippets);
    }
}
