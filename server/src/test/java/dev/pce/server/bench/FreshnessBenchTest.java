package dev.pce.server.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pce.engine.Json;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The freshness benchmark counts an edit as searchable only when the edited note itself is listed: a hybrid search
 * gave a total of one for a new word through a note near it by meaning, before the edit was indexed (a title edit
 * seemed searchable in 14 ms, under the watcher's 150 ms pause).
 */
class FreshnessBenchTest {

    @Test
    void anotherNoteInTheAnswerIsNotTheEditedOne() throws Exception {
        JsonNode nearByMeaning = Json.mapper().readTree("""
                {"total": 1, "hits": [{"note": {"path": "n/7/note-7.md"}}]}""");
        assertThat(FreshnessBench.listsAll(nearByMeaning, Set.of("n/0/note-0.md"))).isFalse();
    }

    @Test
    void everyEditedNoteMustBeListed() throws Exception {
        JsonNode answer = Json.mapper().readTree("""
                {"total": 2, "hits": [{"note": {"path": "n/0/note-0.md"}}, {"note": {"path": "n/13/note-13.md"}}]}""");
        assertThat(FreshnessBench.listsAll(answer, Set.of("n/0/note-0.md", "n/13/note-13.md"))).isTrue();
        assertThat(FreshnessBench.listsAll(answer, Set.of("n/0/note-0.md", "n/26/note-26.md"))).isFalse();
    }
}
