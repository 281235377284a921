package dev.pce.pkm.index;

import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Search over a small real vault: stored fields, field weights, stemming, filters, highlights, odd text. */
class VaultSearchTest {
    @TempDir
    Path tmp;
    private VaultIndex index;
    private VaultSearcher searcher;

    @BeforeEach
    void setUp() {
        TestVault notes = new TestVault(tmp.resolve("vault"));
        notes.note("insights/jitter.md", "Retries need jitter", "insight", "pce", List.of("retries", "reliability/backoff"),
                "2024-08-24", "Add jitter to every retry loop, or clients retry in lock step and the server falls over.");
        notes.note("failures/storm.md", "Retry storm took down staging", "failure", "pce", List.of("incident"),
                "2024-08-23", "A deploy restarted all clients at once. They retried without backoff. Use jitter.");
        notes.note("decisions/lucene.md", "Use Lucene for the vault", "decision", "other", List.of("search"),
                "2025-02-01", "We indexed the vault with Lucene: BM25 ranking, English stemming, highlights.");
        notes.note("patterns/body-only.md", "Caching pattern", "pattern", "pce", List.of("cache"), "2025-06-30",
                "Cache the parsed plan. Unrelated to search, but mentions gardening once.");
        notes.note("drafts/gardening.md", "Gardening", null, null, List.of(), null,
                "Water the plants. Nothing about caches.");
        notes.write("broken.md", "---\ntitle: [unclosed\n---\nbody\n");
        index = VaultIndex.open(tmp.resolve("index"), "pce");
        UpdateResult result = index.update(notes.vault());
        assertThat(result.added()).isEqualTo(5);
        assertThat(result.problems()).extracting(p -> p.path()).containsExactly("broken.md");
        searcher = VaultSearcher.of(index);
    }

    @AfterEach
    void tearDown() {
        index.close();
    }

    private List<String> paths(SearchQuery query) {
        return searcher.search(query).hits().stream().map(SearchHit::path).toList();
    }

    @Test
    void aParsedNoteIsFoundWithItsStoredFields() {
        SearchResult result = searcher.search(SearchQuery.of("jitter"));
        assertThat(result.totalHits()).isEqualTo(2);
        assertThat(result.totalExact()).isTrue();
        SearchHit hit = result.hits().getFirst();
        assertThat(hit.path()).isEqualTo("insights/jitter.md");
        assertThat(hit.id()).isEqualTo("jitter");
        assertThat(hit.vault()).isEqualTo("pce");
        assertThat(hit.title()).isEqualTo("Retries need jitter");
        assertThat(hit.type()).contains("insight");
        assertThat(hit.project()).contains("pce");
        assertThat(hit.tags()).containsExactly("retries", "reliability/backoff");
        assertThat(hit.date()).contains("2024-08-24");
        assertThat(hit.score()).isPositive();
    }

    @Test
    void aTitleMatchOutranksABodyOnlyMatch() {
        // "gardening" is the title of one note and a word in the body of another
        assertThat(paths(SearchQuery.of("gardening"))).containsExactly("drafts/gardening.md", "patterns/body-only.md");
        // a tag match outranks a body match: "cache" is a tag of one note, "caches" in the body of another
        assertThat(paths(SearchQuery.of("incident OR staging"))).first().isEqualTo("failures/storm.md");
    }

    @Test
    void tagsRankAboveBody() {
        assertThat(paths(SearchQuery.of("search"))).first().isEqualTo("decisions/lucene.md");
        assertThat(paths(SearchQuery.of("cache"))).containsExactly("patterns/body-only.md", "drafts/gardening.md");
    }

    @Test
    void englishStemmingMatchesOtherFormsOfAWord() {
        assertThat(paths(SearchQuery.of("indexing"))).containsExactly("decisions/lucene.md");
        assertThat(paths(SearchQuery.of("retrying"))).containsExactlyInAnyOrder("insights/jitter.md",
                "failures/storm.md");
    }

    @Test
    void filtersNarrowWithoutChangingTheMatch() {
        SearchFilters none = SearchFilters.NONE;
        assertThat(paths(SearchQuery.of("jitter").filtered(none.withTypes("FAILURE"))))
                .containsExactly("failures/storm.md");
        assertThat(paths(SearchQuery.of("").filtered(none.withProjects("pce")))).containsExactly(
                "patterns/body-only.md", "insights/jitter.md", "failures/storm.md"); // newest first
        assertThat(paths(SearchQuery.of("").filtered(none.withTags("#Reliability/Backoff"))))
                .containsExactly("insights/jitter.md");
        assertThat(paths(SearchQuery.of("").filtered(none.withTags("retries", "incident")))).isEmpty();
        assertThat(paths(SearchQuery.of("*").filtered(none.between(Optional.of(LocalDate.parse("2024-08-24")),
                Optional.of(LocalDate.parse("2025-02-01")))))).containsExactly("decisions/lucene.md",
                "insights/jitter.md");
        assertThat(paths(SearchQuery.of("").filtered(none.between(Optional.of(LocalDate.parse("2025-03-01")),
                Optional.empty())))).containsExactly("patterns/body-only.md");
        assertThat(paths(SearchQuery.of("jitter").filtered(none.withVaults("elsewhere")))).isEmpty();
    }

    @Test
    void queryFieldsAndPhrasesWork() {
        assertThat(paths(SearchQuery.of("type:decision"))).containsExactly("decisions/lucene.md");
        assertThat(paths(SearchQuery.of("\"lock step\""))).containsExactly("insights/jitter.md");
        assertThat(paths(SearchQuery.of("\"step lock\""))).isEmpty();
        assertThat(paths(SearchQuery.of("jitter -staging"))).containsExactly("insights/jitter.md");
    }

    @Test
    void snippetsHighlightTheMatchedWords() {
        SearchHit hit = searcher.search(SearchQuery.of("stemming")).hits().getFirst();
        assertThat(hit.snippets()).isNotEmpty();
        assertThat(String.join(" ", hit.snippets())).contains("**stemming**");
        SearchHit stemmed = searcher.search(SearchQuery.of("retried")).hits().stream()
                .filter(h -> h.path().equals("failures/storm.md")).findFirst().orElseThrow();
        assertThat(String.join(" ", stemmed.snippets())).contains("**retried**");
    }

    @Test
    void pagesAreSlicesOfTheRanking() {
        List<String> all = paths(SearchQuery.of("").page(0, 10));
        assertThat(all).hasSize(5);
        assertThat(paths(SearchQuery.of("").page(1, 2))).isEqualTo(all.subList(1, 3));
        assertThat(paths(SearchQuery.of("").page(5, 2))).isEmpty();
        assertThatThrownBy(() -> SearchQuery.of("x").page(0, 0)).isInstanceOf(CeException.class)
                .extracting(e -> ((CeException) e).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThatThrownBy(() -> SearchQuery.of("x").page(-1, 5)).isInstanceOf(CeException.class);
        assertThatThrownBy(() -> SearchQuery.of("x".repeat(SearchQuery.MAX_TEXT + 1)))
                .isInstanceOf(CeException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"title:(", "\"unclosed", "*", "AND OR", "jitter AND", "((", ")", "~", "^2", "title:",
            "foo:bar jitter", "reliability/backoff", "/regex.*/", "*tter", "?", "\\", "[a TO", "{}", "!", "&&", "||",
            "jit*", "jiter~", "NOT", "-", "+", ":", "\u0000", "日本語", "the of and", "a:b:c", "type:", "\"\"",
            "title:jitter^x", "date:[2024 TO 2025]"})
    void oddQueryTextNeverThrows(String text) {
        SearchResult result = searcher.search(SearchQuery.of(text));
        assertThat(result.totalHits()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void unparsableTextIsSearchedAsWords() {
        SearchResult result = searcher.search(SearchQuery.of("title:( jitter"));
        assertThat(result.hits()).extracting(SearchHit::path).contains("insights/jitter.md");
        assertThat(result.notice()).isPresent();
        SearchResult stop = searcher.search(SearchQuery.of("AND OR"));
        assertThat(stop.hits()).isEmpty();
        assertThat(stop.notice()).get().asString().contains("no searchable words");
        assertThat(searcher.search(SearchQuery.of("reliability/backoff")).hits()).extracting(SearchHit::path)
                .first().isEqualTo("insights/jitter.md");
    }

    @Test
    void moreLikeANoteFindsRelatedNotesButNotTheNote() {
        SearchResult result = searcher.moreLikeNote("pce", "jitter", SearchFilters.NONE, 5);
        assertThat(result.hits()).extracting(SearchHit::path).contains("failures/storm.md")
                .doesNotContain("insights/jitter.md");
        assertThatThrownBy(() -> searcher.moreLikeNote("pce", "nope", SearchFilters.NONE, 5))
                .isInstanceOf(CeException.class);
    }

    @Test
    void moreLikeTextFindsNotesForATask() {
        SearchResult result = searcher.moreLikeText("Add retries with backoff to the webhook client; "
                + "retries must not storm the server.", SearchFilters.NONE, 5);
        assertThat(result.hits()).extracting(SearchHit::path).first()
                .isIn("insights/jitter.md", "failures/storm.md");
        assertThat(result.hits()).extracting(SearchHit::path).doesNotContain("drafts/gardening.md");
    }
}
