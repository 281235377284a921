package dev.pce.pkm.index.experiment;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class KnownItemQueriesTest {
    private final List<EvalNote> notes = List.of(
            new EvalNote("a.md", "Retry storms", "Retry storms happen when clients reconnect without jitter or backoff."),
            new EvalNote("b.md", "Short", "Too few."),
            new EvalNote("c.md", "Caching", "The parsed plan is cached in memory; invalidate the cache on every edit."));

    @Test
    void queriesAreWordsOfTheBodyThatAreNeitherInTheTitleNorStopWords() {
        List<KnownItemQuery> queries = KnownItemQueries.generate(notes, note -> true, 10, 7);

        assertThat(queries).extracting(KnownItemQuery::target).containsExactlyInAnyOrder("a.md", "c.md");
        for (KnownItemQuery query : queries) {
            EvalNote target = notes.stream().filter(n -> n.path().equals(query.target())).findFirst().orElseThrow();
            List<String> words = Arrays.asList(query.text().split(" "));
            assertThat(words).hasSize(KnownItemQueries.WORDS).doesNotHaveDuplicates()
                    .allSatisfy(word -> assertThat(KnownItemQueries.words(target.body())).contains(word))
                    .noneSatisfy(word -> assertThat(KnownItemQueries.words(target.title())).contains(word))
                    .doesNotContain("the", "is", "in", "on", "or");
        }
    }

    @Test
    void theSameSeedGivesTheSameQueries() {
        assertThat(KnownItemQueries.generate(notes, note -> true, 10, 3))
                .isEqualTo(KnownItemQueries.generate(notes, note -> true, 10, 3));
        assertThat(KnownItemQueries.generate(notes, note -> note.path().equals("c.md"), 10, 3))
                .extracting(KnownItemQuery::target).containsExactly("c.md");
    }

    @Test
    void aWordKeepsItsVowelSignsAsItIsWrittenAndTyped() {
        // Bengali and Khmer vowel signs are combining marks: cut there, the words were fragments nobody types
        // (and that only a tokenizer cutting at marks, like FTS5's default one, finds).
        assertThat(KnownItemQueries.words("বাংলা ভাষায় নোট")).containsExactly("বাংলা", "ভাষায়", "নোট");
        assertThat(KnownItemQueries.words("ឯកសារ និង ថត")).containsExactly("ឯកសារ", "និង");
        // Latin text as before: letters only, three or more, lower case; accents precomposed are letters.
        assertThat(KnownItemQueries.words("Café au lait, x2 Straße don't")).containsExactly("café", "lait",
                "straße", "don");
    }
}
