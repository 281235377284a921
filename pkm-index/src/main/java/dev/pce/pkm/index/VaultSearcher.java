package dev.pce.pkm.index;

import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.pkm.index.semantic.Embeddings;
import dev.pce.pkm.index.semantic.RankFusion;
import dev.pce.pkm.index.semantic.TextEmbedder;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiBits;
import org.apache.lucene.index.MultiReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Searches one vault index, or several together (a project's vault and the read-only vaults of other projects):
 * their readers are joined, so BM25 statistics are shared and scores compare across vaults, and each hit names
 * its vault. Thread-safe; every call sees each index as of its last finished update.
 */
public final class VaultSearcher {
    /**
     * The least score, (1 + cosine) / 2, of a semantic hit: cosine 0.3. The lowest floor at which every development
     * question's note stayed among the hybrid top ten (recall@10 0.75 without a floor, 1.0 from 0.65 on).
     */
    static final float SEMANTIC_FLOOR = 0.65f;

    /** Total hits are counted exactly up to this many; beyond, the total is a lower bound (faster). */
    public static final int COUNT_LIMIT = 1_000;
    private static final int SNIPPETS = 2;
    private static final int SNIPPET_SCAN_CHARS = 50_000;
    /** Hits each ranking gives to a fusion, at least: fusing only the page's worth would drop what both rank next. */
    static final int FUSION_DEPTH = 50;

    private final List<SearchableIndex> indexes;
    private final Embeddings embeddings;
    private final Analyzer analyzer = IndexFields.analyzer();

    /** A lexical searcher. */
    public VaultSearcher(List<? extends SearchableIndex> indexes) {
        this(indexes, Embeddings.off());
    }

    /** A searcher that ranks semantically too once {@code embeddings} are ready. */
    public VaultSearcher(List<? extends SearchableIndex> indexes, Embeddings embeddings) {
        if (indexes.isEmpty()) {
            throw new IllegalArgumentException("no index to search");
        }
        this.indexes = List.copyOf(indexes);
        this.embeddings = Objects.requireNonNull(embeddings, "embeddings");
    }

    public static VaultSearcher of(SearchableIndex... indexes) {
        return new VaultSearcher(Arrays.asList(indexes));
    }

    /**
     * Runs a search; odd text never fails (see {@link SearchQuery}). A semantic or hybrid search asked for while the
     * model is not ready is answered lexically, with a notice saying so; the first such search starts loading it,
     * so a process that never searches never loads the model.
     */
    public SearchResult search(SearchQuery query) {
        Objects.requireNonNull(query, "query");
        if (query.mode().orElse(SearchMode.HYBRID) != SearchMode.LEXICAL) {
            embeddings.startLoading(); // the first search that could use meaning loads the model, off its thread
        }
        SearchMode mode = query.mode().orElse(embeddings.ready().isPresent() ? SearchMode.HYBRID : SearchMode.LEXICAL);
        Optional<TextEmbedder> embedder = mode == SearchMode.LEXICAL ? Optional.empty() : embeddings.ready();
        Optional<String> fallback = mode != SearchMode.LEXICAL && embedder.isEmpty()
                ? embeddings.unavailable().map(why -> why + ": these hits are lexical only.") : Optional.empty();
        return withSearcher(searcher -> switch (TextQuery.parse(query.text(), analyzer)) {
            case TextQuery.Ranked ranked when embedder.isPresent() ->
                    meaning(searcher, ranked.query(), embedder.get().embed(query.text()), mode, query,
                            ranked.notice());
            case TextQuery.Ranked ranked ->
                    ranked(searcher, ranked.query(), query, fallback.or(ranked::notice));
            case TextQuery.All all -> byDate(searcher, filtered(new MatchAllDocsQuery(), query.filters()), query);
            case TextQuery.Nothing nothing ->
                    new SearchResult(0, true, List.of(), "", Optional.of(nothing.notice()));
        });
    }

    /**
     * Notes like the note {@code id} of the vault {@code vault} (by the distinctive words of its title, body and
     * tags), without that note. An unknown id is an {@link ErrorCode#INVALID_ARGUMENT}.
     */
    public SearchResult moreLikeNote(String vault, String id, SearchFilters filters, int limit) {
        SearchQuery page = new SearchQuery("", filters, 0, limit);
        return withSearcher(searcher -> {
            Query source = new BooleanQuery.Builder()
                    .add(new TermQuery(new Term(IndexFields.VAULT, vault)), Occur.FILTER)
                    .add(new TermQuery(new Term(IndexFields.ID, id)), Occur.FILTER)
                    .build();
            TopDocs found = searcher.search(source, 1);
            if (found.scoreDocs.length == 0) {
                throw new CeException(ErrorCode.INVALID_ARGUMENT, "There is no note '" + id + "' in the index of the "
                        + "vault '" + vault + "'.", "Give the id of an indexed note (see the search hits' ids).");
            }
            MoreLikeThis mlt = moreLikeThis(searcher.getIndexReader(), 2);
            Query like = mlt.like(found.scoreDocs[0].doc);
            Query withoutSource = new BooleanQuery.Builder().add(like, Occur.MUST).add(source, Occur.MUST_NOT).build();
            return ranked(searcher, withoutSource, page, Optional.empty());
        });
    }

    /** The notes with the id {@code id} (one per vault at most), in the vaults the filters allow. */
    public SearchResult byId(String id, SearchFilters filters) {
        Objects.requireNonNull(id, "id");
        SearchQuery page = new SearchQuery("", filters, 0, SearchQuery.MAX_LIMIT);
        return withSearcher(searcher -> byDate(searcher, filtered(new TermQuery(new Term(IndexFields.ID, id)),
                filters), page));
    }

    /** The note at the vault-relative {@code path} (one per vault at most), in the vaults the filters allow. */
    public SearchResult byPath(String path, SearchFilters filters) {
        Objects.requireNonNull(path, "path");
        SearchQuery page = new SearchQuery("", filters, 0, SearchQuery.MAX_LIMIT);
        return withSearcher(searcher -> byDate(searcher, filtered(new TermQuery(new Term(IndexFields.PATH, path)),
                filters), page));
    }

    /** Notes like a piece of text, such as a task's title and description. */
    public SearchResult moreLikeText(String text, SearchFilters filters, int limit) {
        SearchQuery page = new SearchQuery("", filters, 0, limit);
        return withSearcher(searcher -> {
            MoreLikeThis mlt = moreLikeThis(searcher.getIndexReader(), 1);
            Collection<Object> values = List.of(text);
            Query like = mlt.like(Map.of(IndexFields.TITLE, values, IndexFields.BODY, values, IndexFields.TAGS, values));
            if (like instanceof BooleanQuery bool && bool.clauses().isEmpty()) {
                return new SearchResult(0, true, List.of(), "", Optional.of("The text has no distinctive words."));
            }
            return ranked(searcher, like, page, Optional.empty());
        });
    }

    /** Where a listing of every note stands: after the note {@code id} of the vault {@code vault}. */
    public record ListPosition(String vault, String id) {
        public ListPosition {
            Objects.requireNonNull(vault, "vault");
            Objects.requireNonNull(id, "id");
        }
    }

    /**
     * Every note of the searched vaults, a page at a time, in an order that stays put while notes come and go: the
     * vaults in this searcher's order, the notes of each by id. Hits carry no score and no snippets.
     *
     * @param after the last note of the previous page; empty: from the first note
     * @throws CeException {@link ErrorCode#INVALID_ARGUMENT} when {@code after} names a vault not searched here
     */
    public List<SearchHit> list(Optional<ListPosition> after, int limit) {
        int first = 0;
        if (after.isPresent()) {
            first = vaultNames().indexOf(after.get().vault());
            if (first < 0) {
                throw new CeException(ErrorCode.INVALID_ARGUMENT, "There is no vault named '" + after.get().vault()
                        + "' any more.", "List the notes again from the start.");
            }
        }
        List<SearchHit> page = new ArrayList<>();
        for (int i = first; i < indexes.size() && page.size() < limit; i++) {
            Optional<String> afterId = i == first ? after.map(ListPosition::id) : Optional.empty();
            int wanted = limit - page.size();
            page.addAll(withSearcher(List.of(indexes.get(i)), searcher -> listById(searcher, afterId, wanted)));
        }
        return page;
    }

    private List<String> vaultNames() {
        return indexes.stream().map(SearchableIndex::vaultName).toList();
    }

    /** Up to {@code wanted} notes of one index by id, from the first id after {@code afterId}. */
    private static List<SearchHit> listById(IndexSearcher searcher, Optional<String> afterId, int wanted)
            throws IOException {
        IndexReader reader = searcher.getIndexReader();
        Terms terms = MultiTerms.getTerms(reader, IndexFields.ID);
        if (terms == null) {
            return List.of();
        }
        TermsEnum ids = terms.iterator();
        BytesRef id;
        if (afterId.isEmpty()) {
            id = ids.next();
        } else {
            TermsEnum.SeekStatus found = ids.seekCeil(new BytesRef(afterId.get()));
            id = switch (found) {
                case END -> null;
                case FOUND -> ids.next();
                case NOT_FOUND -> ids.term();
            };
        }
        // a replaced or removed note keeps its id term until segments merge: only live documents count
        Bits live = MultiBits.getLiveDocs(reader);
        List<SearchHit> notes = new ArrayList<>();
        PostingsEnum docs = null;
        for (; id != null && notes.size() < wanted; id = ids.next()) {
            docs = ids.postings(docs, PostingsEnum.NONE);
            for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                if (live == null || live.get(doc)) {
                    notes.add(hit(searcher.storedFields().document(doc), 0f, null));
                    break;
                }
            }
        }
        return notes;
    }

    private MoreLikeThis moreLikeThis(IndexReader reader, int minDocFreq) throws IOException {
        MoreLikeThis mlt = new MoreLikeThis(reader);
        mlt.setAnalyzer(analyzer);
        mlt.setFieldNames(IndexFields.TEXT_FIELDS);
        mlt.setMinTermFreq(1);
        mlt.setMinDocFreq(minDocFreq); // a word only the source note has finds nothing else
        mlt.setMaxQueryTerms(25);
        mlt.setBoost(true);
        return mlt;
    }

    private interface SearchCall<T> {
        T run(IndexSearcher searcher) throws IOException;
    }

    /** Runs {@code call} on a searcher over every index, releasing them after. */
    private <T> T withSearcher(SearchCall<T> call) {
        return withSearcher(indexes, call);
    }

    /** Runs {@code call} on a searcher over {@code searched}, releasing them after. */
    private static <T> T withSearcher(List<SearchableIndex> searched, SearchCall<T> call) {
        List<IndexLease> leases = new ArrayList<>();
        try {
            for (SearchableIndex index : searched) {
                leases.add(index.acquire());
            }
            if (leases.size() == 1) {
                return call.run(ranking(leases.getFirst().searcher().getIndexReader()));
            }
            IndexReader[] readers = leases.stream().map(l -> l.searcher().getIndexReader()).toArray(IndexReader[]::new);
            try (MultiReader joined = new MultiReader(readers, false)) {
                return call.run(ranking(joined));
            }
        } catch (IndexSearcher.TooManyClauses e) {
            throw new CeException(ErrorCode.INVALID_ARGUMENT, "The search matches too many different words (a "
                    + "short prefix* or fuzzy~ term?).", "Use longer prefixes or whole words.", e);
        } catch (IOException | AlreadyClosedException e) {
            throw new CeException(ErrorCode.IO, "Cannot search the vault index: " + e.getMessage(),
                    "Try again; if it keeps failing, delete the index directory (it is rebuilt from the vault).", e);
        } finally {
            leases.forEach(IndexLease::close);
        }
    }

    /** A searcher over {@code reader} that scores with PCE's BM25 parameters ({@link IndexFields#SIMILARITY}). */
    private static IndexSearcher ranking(IndexReader reader) {
        IndexSearcher searcher = new IndexSearcher(reader);
        searcher.setSimilarity(IndexFields.SIMILARITY);
        return searcher;
    }

    private SearchResult ranked(IndexSearcher searcher, Query text, SearchQuery query, Optional<String> notice)
            throws IOException {
        Query full = filtered(text, query.filters());
        int wanted = query.offset() + query.limit();
        TopDocs top = searcher.search(full, new TopScoreDocCollectorManager(wanted, COUNT_LIMIT));
        return page(searcher, full, top, query, notice, true, full.toString());
    }

    /**
     * A semantic or hybrid search: the nearest notes to the query's embedding that pass the filters, alone or fused
     * with the lexical ranking by reciprocal rank fusion. Snippets highlight the query's words where the notes have
     * them, else show the body's start.
     */
    private SearchResult meaning(IndexSearcher searcher, Query text, float[] vector, SearchMode mode,
                                 SearchQuery query, Optional<String> notice) throws IOException {
        Query full = filtered(text, query.filters());
        int depth = Math.max(query.offset() + query.limit(), FUSION_DEPTH);
        Query filter = query.filters().isEmpty() ? null : filtered(new MatchAllDocsQuery(), query.filters());
        Query nearest = new KnnFloatVectorQuery(IndexFields.VECTOR, vector, depth, filter);
        TopDocs semantic = closeEnough(searcher.search(nearest, depth));
        if (mode == SearchMode.SEMANTIC) {
            TopDocs neighbours = new TopDocs(new TotalHits(semantic.scoreDocs.length,
                    TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO), semantic.scoreDocs);
            return page(searcher, full, neighbours, query, notice, true, nearest.toString());
        }
        TopDocs lexical = searcher.search(full, new TopScoreDocCollectorManager(depth, COUNT_LIMIT));
        List<RankFusion.Fused<Integer>> fused = RankFusion.reciprocal(RankFusion.DEFAULT_K, docIds(lexical),
                docIds(semantic));
        ScoreDoc[] docs = fused.stream().map(f -> new ScoreDoc(f.item(), (float) f.score())).toArray(ScoreDoc[]::new);
        // the lexical matches, plus the neighbours among the fused hits that match no word
        long semanticOnly = docs.length - Math.min(lexical.scoreDocs.length, docs.length);
        TopDocs both = new TopDocs(new TotalHits(lexical.totalHits.value() + semanticOnly,
                TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO), docs);
        return page(searcher, full, both, query, notice, true, "hybrid(" + full + " | " + nearest + ")");
    }

    /**
     * The neighbours whose meaning is close enough to count as hits: the nearest notes of a vault that holds nothing
     * on the subject are still someone's nearest, and a search for a word no note has would otherwise list them.
     */
    private static TopDocs closeEnough(TopDocs nearest) {
        ScoreDoc[] kept = Arrays.stream(nearest.scoreDocs).filter(d -> d.score >= SEMANTIC_FLOOR)
                .toArray(ScoreDoc[]::new);
        return new TopDocs(new TotalHits(kept.length, TotalHits.Relation.EQUAL_TO), kept);
    }

    private static List<Integer> docIds(TopDocs top) {
        return Arrays.stream(top.scoreDocs).map(d -> d.doc).toList();
    }

    private SearchResult byDate(IndexSearcher searcher, Query full, SearchQuery query) throws IOException {
        SortField date = new SortedNumericSortField(IndexFields.DATE, SortField.Type.LONG, true);
        date.setMissingValue(Long.MIN_VALUE);
        int wanted = query.offset() + query.limit();
        TopDocs top = searcher.search(full, new TopFieldCollectorManager(new Sort(date, SortField.FIELD_DOC), wanted,
                COUNT_LIMIT));
        return page(searcher, full, top, query, Optional.empty(), false, full.toString());
    }

    private SearchResult page(IndexSearcher searcher, Query full, TopDocs top, SearchQuery query,
                              Optional<String> notice, boolean scored, String interpretation) throws IOException {
        ScoreDoc[] all = top.scoreDocs;
        int to = Math.min(all.length, query.offset() + query.limit());
        int from = Math.min(query.offset(), to);
        ScoreDoc[] pageDocs = Arrays.copyOfRange(all, from, to);
        int[] docIds = Arrays.stream(pageDocs).mapToInt(d -> d.doc).toArray();
        String[] snippets = snippets(searcher, full, docIds);
        List<SearchHit> hits = new ArrayList<>(pageDocs.length);
        for (int i = 0; i < pageDocs.length; i++) {
            Document doc = searcher.storedFields().document(docIds[i]);
            hits.add(hit(doc, scored ? pageDocs[i].score : 0f, snippets[i]));
        }
        boolean exact = top.totalHits.relation() == TotalHits.Relation.EQUAL_TO;
        return new SearchResult(top.totalHits.value(), exact, hits, interpretation, notice);
    }

    private String[] snippets(IndexSearcher searcher, Query query, int[] docIds) throws IOException {
        if (docIds.length == 0) {
            return new String[0];
        }
        UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new SnippetFormatter())
                .withMaxLength(SNIPPET_SCAN_CHARS)
                .build();
        int[] sorted = docIds.clone(); // the highlighter wants ascending ids; map the answers back
        Arrays.sort(sorted);
        Map<String, String[]> byField = highlighter.highlightFields(new String[] {IndexFields.BODY}, query, sorted,
                new int[] {SNIPPETS});
        String[] bodies = byField.get(IndexFields.BODY);
        String[] result = new String[docIds.length];
        for (int i = 0; i < docIds.length; i++) {
            result[i] = bodies[Arrays.binarySearch(sorted, docIds[i])];
        }
        return result;
    }

    private static SearchHit hit(Document doc, float score, String snippet) {
        Function<String, Optional<String>> opt = field -> Optional.ofNullable(doc.get(field));
        List<String> snippets = snippet == null || snippet.isBlank() ? List.of()
                : Arrays.stream(snippet.split(SnippetFormatter.ELLIPSIS)).map(String::strip)
                        .filter(s -> !s.isEmpty()).toList();
        return new SearchHit(doc.get(IndexFields.VAULT), doc.get(IndexFields.ID), doc.get(IndexFields.PATH),
                doc.get(IndexFields.TITLE), opt.apply(IndexFields.TYPE), opt.apply(IndexFields.STATUS),
                opt.apply(IndexFields.PROJECT), List.of(doc.getValues(IndexFields.TAGS)), opt.apply(IndexFields.DATE),
                score, snippets);
    }

    /** The text query with the filters as non-scoring clauses. */
    static Query filtered(Query text, SearchFilters filters) {
        if (filters.isEmpty()) {
            return text;
        }
        BooleanQuery.Builder builder = new BooleanQuery.Builder().add(text, Occur.MUST);
        anyOf(builder, IndexFields.TYPE, filters.types(), true);
        anyOf(builder, IndexFields.PROJECT, filters.projects(), true);
        anyOf(builder, IndexFields.VAULT, filters.vaults(), false);
        for (String tag : filters.tags()) {
            String name = tag.startsWith("#") ? tag.substring(1) : tag;
            builder.add(new TermQuery(new Term(IndexFields.TAG, IndexFields.fold(name))), Occur.FILTER);
        }
        if (filters.from().isPresent() || filters.to().isPresent()) {
            long from = filters.from().map(d -> d.toEpochDay()).orElse(Long.MIN_VALUE);
            long to = filters.to().map(d -> d.toEpochDay()).orElse(Long.MAX_VALUE);
            builder.add(LongPoint.newRangeQuery(IndexFields.DATE, from, to), Occur.FILTER);
        }
        return builder.build();
    }

    private static void anyOf(BooleanQuery.Builder builder, String field, Set<String> values, boolean fold) {
        if (values.isEmpty()) {
            return;
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (String value : values) {
            any.add(new TermQuery(new Term(field, fold ? IndexFields.fold(value) : value)), Occur.SHOULD);
        }
        builder.add(any.build(), Occur.FILTER);
    }
}
