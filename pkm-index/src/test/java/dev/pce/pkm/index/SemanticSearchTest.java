package dev.pce.pkm.index;

import dev.pce.pkm.index.semantic.Embeddings;
import dev.pce.pkm.index.semantic.TextEmbedder;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Semantic and hybrid search over a real index with the real model. */
class SemanticSearchTest {
    /** Shares no word (nor stem) with the cooling note: only its meaning finds it. */
    private static final String NO_SHARED_WORD = "my computer gets too hot";

    private static TextEmbedder model;

    @TempDir
    Path tmp;

    private TestVault notes;
    private VaultIndex index;

    @BeforeAll
    static void loadTheModel() {
        model = Embeddings.fromEnvironment(Map.of()).await().orElseThrow();
    }

    @BeforeEach
    void writeNotes() {
        notes = new TestVault(tmp.resolve("vault"));
        notes.note("cooling.md", "Cooling", "insight", null, List.of(), "2026-01-02",
                "The notebook overheated under load; a cleaner fan and a lower fan curve threshold fixed the "
                        + "thermal throttling.");
        notes.note("bread.md", "Sourdough", "insight", null, List.of(), "2026-01-03",
                "Feed the starter twice a day and bake at 240 degrees with steam for a crisp crust.");
        notes.note("retry.md", "Retries", "decision", null, List.of(), "2026-01-04",
                "Retry failed requests with exponential backoff and jitter, at most five attempts.");
    }

    @AfterEach
    void close() {
        if (index != null) {
            index.close();
        }
    }

    private VaultSearcher open(Embeddings embeddings) {
        index = VaultIndex.open(tmp.resolve("index"), "v", embeddings);
        index.update(notes.vault());
        index.embedBacklog(notes.vault(), 100);
        return new VaultSearcher(List.of(index), embeddings);
    }

    @Test
    void aSemanticQueryFindsANoteThatSharesNoWordWithIt() {
        VaultSearcher searcher = open(Embeddings.of(model));

        assertThat(searcher.search(SearchQuery.of(NO_SHARED_WORD).in(SearchMode.LEXICAL)).hits()).isEmpty();
        assertThat(ids(searcher.search(SearchQuery.of(NO_SHARED_WORD).in(SearchMode.SEMANTIC))).getFirst())
                .isEqualTo("cooling");
        SearchResult hybrid = searcher.search(SearchQuery.of(NO_SHARED_WORD));
        assertThat(ids(hybrid).getFirst()).as("the default mode once the model is ready: hybrid").isEqualTo("cooling");
        assertThat(hybrid.interpretation()).startsWith("hybrid(");
        assertThat(hybrid.hits().getFirst().snippets()).as("the body's start, as nothing matched")
                .first().asString().startsWith("The notebook overheated");
    }

    @Test
    void hybridSearchKeepsTheLexicalHitsAndTheFiltersApplyToBothRankings() {
        VaultSearcher searcher = open(Embeddings.of(model));

        assertThat(ids(searcher.search(SearchQuery.of("exponential backoff"))).getFirst()).isEqualTo("retry");
        SearchQuery onlyInsights = SearchQuery.of(NO_SHARED_WORD).filtered(SearchFilters.NONE.withTypes("insight"));
        assertThat(ids(searcher.search(onlyInsights.in(SearchMode.SEMANTIC)))).containsExactly("cooling");
        assertThat(ids(searcher.search(onlyInsights.in(SearchMode.HYBRID)))).containsExactly("cooling");
        SearchQuery onlyDecisions = SearchQuery.of(NO_SHARED_WORD).filtered(SearchFilters.NONE.withTypes("decision"));
        assertThat(ids(searcher.search(onlyDecisions.in(SearchMode.SEMANTIC))))
                .as("the only decision is not about it: below the floor, and the insight is filtered out").isEmpty();
        assertThat(ids(searcher.search(onlyDecisions.in(SearchMode.HYBRID)))).isEmpty();
    }

    @Test
    void notesFarFromTheQueryInMeaningAreNoHits() {
        VaultSearcher searcher = open(Embeddings.of(model));

        SearchResult absent = searcher.search(SearchQuery.of("canary"));
        assertThat(absent.interpretation()).startsWith("hybrid(");
        assertThat(absent.totalHits()).as("no note is about canaries, though one is always the nearest").isZero();
        assertThat(ids(searcher.search(SearchQuery.of(NO_SHARED_WORD).in(SearchMode.SEMANTIC))))
                .containsExactly("cooling");
    }

    @Test
    void updatesAndDeletesKeepTheVectorsInStepWithTheNotes() {
        VaultSearcher searcher = open(Embeddings.of(model));
        assertThat(vectors()).isEqualTo(3);

        notes.note("bread.md", "Sourdough", "insight", null, List.of(), "2026-01-03",
                "The laptop ran hot until its cooling fan was cleaned.");
        index.update(notes.vault(), List.of("bread.md"));
        assertThat(vectors()).as("the new version waits for its embedding").isEqualTo(2);
        assertThat(index.unembedded()).isEqualTo(1);
        assertThat(index.embedBacklog(notes.vault(), 10)).isZero();
        assertThat(vectors()).isEqualTo(3);
        assertThat(ids(searcher.search(SearchQuery.of("portable PC heat problem").in(SearchMode.SEMANTIC))))
                .startsWith("bread", "cooling");

        notes.delete("cooling.md");
        index.update(notes.vault(), List.of("cooling.md"));
        assertThat(vectors()).isEqualTo(2);
        assertThat(ids(searcher.search(SearchQuery.of(NO_SHARED_WORD).in(SearchMode.SEMANTIC))))
                .containsExactly("bread");
        assertThat(index.unembedded()).isZero();
    }

    @Test
    void searchesAreLexicalWhileTheModelLoadsAndTheBacklogIsEmbeddedOnceItIsReady() {
        CountDownLatch asked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Embeddings loading = Embeddings.loadedBy(() -> {
            asked.countDown();
            awaitQuietly(release);
            return model;
        });
        VaultSearcher searcher = open(loading);
        assertThat(asked.getCount()).as("indexing alone loads no model").isOne();

        assertThat(index.unembedded()).as("indexed without vectors").isEqualTo(3);
        assertThat(vectors()).isZero();
        assertThat(index.embedBacklog(notes.vault(), 10)).as("nothing to embed with yet").isEqualTo(3);
        SearchResult meanwhile = searcher.search(SearchQuery.of("backoff"));
        assertThat(ids(meanwhile)).containsExactly("retry");
        assertThat(meanwhile.notice()).isEmpty();
        awaitQuietly(asked); // the first search that could use meaning started the load
        SearchResult hybrid = searcher.search(SearchQuery.of("backoff").in(SearchMode.HYBRID));
        assertThat(ids(hybrid)).containsExactly("retry");
        assertThat(hybrid.notice()).hasValueSatisfying(n -> assertThat(n).contains("still loading", "lexical only"));

        release.countDown();
        loading.await();
        assertThat(index.embedBacklog(notes.vault(), 2)).isEqualTo(1);
        assertThat(index.embedBacklog(notes.vault(), 2)).isZero();
        assertThat(vectors()).isEqualTo(3);
        assertThat(ids(searcher.search(SearchQuery.of(NO_SHARED_WORD))).getFirst()).isEqualTo("cooling");
    }

    @Test
    void anIndexWrittenWithoutVectorsGetsThemWithoutARebuild() {
        open(Embeddings.off());
        assertThat(vectors()).isZero();
        assertThat(index.unembedded()).as("not tracked while off").isZero();
        index.close();

        Embeddings ready = Embeddings.of(model);
        index = VaultIndex.open(tmp.resolve("index"), "v", ready);
        assertThat(index.update(notes.vault()).unchanged()).as("no rebuild").isEqualTo(3);
        assertThat(index.unembedded()).isEqualTo(3);
        assertThat(index.embedBacklog(notes.vault(), 32)).isZero();
        assertThat(vectors()).isEqualTo(3);
        VaultSearcher searcher = new VaultSearcher(List.of(index), ready);
        assertThat(ids(searcher.search(SearchQuery.of(NO_SHARED_WORD).in(SearchMode.SEMANTIC))).getFirst())
                .isEqualTo("cooling");
    }

    private static List<String> ids(SearchResult result) {
        return result.hits().stream().map(SearchHit::id).toList();
    }

    /** Live documents with a vector. */
    private int vectors() {
        try (IndexLease lease = index.acquire()) {
            int count = 0;
            for (LeafReaderContext leaf : lease.searcher().getIndexReader().leaves()) {
                FloatVectorValues values = leaf.reader().getFloatVectorValues(IndexFields.VECTOR);
                if (values == null) {
                    continue;
                }
                Bits live = leaf.reader().getLiveDocs();
                var docs = values.iterator();
                for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                    if (live == null || live.get(doc)) {
                        count++;
                    }
                }
            }
            return count;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            assertThat(latch.await(60, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
