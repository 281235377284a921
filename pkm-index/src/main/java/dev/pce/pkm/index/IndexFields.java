package dev.pce.pkm.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.core.LowerCaseFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.Similarity;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The fields of a note in the index and how their text is analyzed. One document per note file.
 *
 * <table>
 * <caption>Fields</caption>
 * <tr><th>field</th><th>indexed as</th><th>stored</th></tr>
 * <tr><td>path</td><td>exact (the document's key within one vault)</td><td>yes</td></tr>
 * <tr><td>vault</td><td>exact (the vault's name, so one searcher can span several vaults)</td><td>yes</td></tr>
 * <tr><td>id</td><td>exact</td><td>yes</td></tr>
 * <tr><td>title, aliases, body, tags</td><td>{@link NoteTextAnalyzer}: English stop words, Porter stems and the
 *     written forms, accents folded, Chinese and Japanese as character pairs; offsets for highlights</td>
 *     <td>yes</td></tr>
 * <tr><td>tag</td><td>exact, lower case, one value per tag and per parent of a nested tag ({@code project/sub}
 *     also as {@code project}), for filters</td><td>no</td></tr>
 * <tr><td>type, status, project</td><td>exact, lower case (filters)</td><td>yes, as written</td></tr>
 * <tr><td>date</td><td>day number (range filters), doc values (sorting)</td><td>yes, as written</td></tr>
 * <tr><td>hash</td><td>no</td><td>yes (SHA-256 of the file)</td></tr>
 * <tr><td>claim</td><td>no</td><td>yes (the id the note asked for, which its id depends on)</td></tr>
 * <tr><td>node, links</td><td>doc values: the note's id, path, title and aliases, and its link targets, which
 *     the link graph is built from without reading the stored bodies</td><td>no</td></tr>
 * <tr><td>modified, size</td><td>updatable doc values (incremental updates)</td><td>no</td></tr>
 * <tr><td>vector</td><td>the sentence embedding of the title and the body's start (HNSW graph, dot product of
 *     unit vectors); missing until the semantic model is ready (see {@code VectorBacklog})</td><td>no</td></tr>
 * </table>
 */
public final class IndexFields {
    public static final String PATH = "path";
    public static final String VAULT = "vault";
    public static final String ID = "id";
    public static final String TITLE = "title";
    /** The front matter's {@code aliases} (and {@code alias}): other names of the note, searched like the title. */
    public static final String ALIASES = "aliases";
    public static final String BODY = "body";
    public static final String TAGS = "tags";
    public static final String TAG = "tag";
    public static final String TYPE = "type";
    public static final String STATUS = "status";
    public static final String PROJECT = "project";
    public static final String DATE = "date";
    public static final String HASH = "hash";
    /** Stored: the id the note asked for (see {@link IndexedFile#encode}). */
    static final String CLAIM = "claim";
    /** Doc values: id, path, title and the aliases joined by {@link #NODE_SEPARATOR}. */
    public static final String NODE = "node";
    /** Doc values: the note's link targets (front matter links and body wikilinks). */
    public static final String LINKS = "links";
    static final char NODE_SEPARATOR = '\u0000';
    public static final String MODIFIED = "modified";
    public static final String SIZE = "size";
    public static final String VECTOR = "vector";

    /**
     * The weights of the text fields in free-text search (an alias is another title): a word's occurrences in each field count this many times
     * in the note's combined term frequency and length (BM25F, see {@code TextQuery}). Tuned with BM25's parameters
     * on the development sets of {@code ce experiment search} (docs/pkm.md, Ranking evaluation).
     */
    public static final Map<String, Float> TEXT_WEIGHTS = Map.of(TITLE, 2f, ALIASES, 2f, TAGS, 2f, BODY, 1f);

    /**
     * BM25 for every ranked search: term frequency saturates early (k1 0.5: a note that names a searched word once
     * is nearly as good a match as one that repeats it) and length counts fully (b 1: a long note that matches
     * many words by chance does not push out a short one that matches them all).
     */
    public static final Similarity SIMILARITY = new BM25Similarity(0.5f, 1.0f);

    /** The text fields in boost order. */
    public static final String[] TEXT_FIELDS = {TITLE, ALIASES, TAGS, BODY};

    /** Fields a user may name in a query ({@code title:retry}, {@code type:insight}). */
    public static final Set<String> QUERYABLE = Set.of(TITLE, ALIASES, TAGS, BODY, TAG, TYPE, STATUS, PROJECT, ID,
            PATH, VAULT);

    /** Lower-cased exact fields: filters ignore case there. */
    static final Set<String> FOLDED = Set.of(TAG, TYPE, STATUS, PROJECT);

    /** Bump when documents or their analysis change; an index of another format is rebuilt. */
    static final String FORMAT = "6";
    static final String FORMAT_KEY = "pce.index.format";

    private IndexFields() {
    }

    /** The analyzer of every field: {@link NoteTextAnalyzer} for text, exact for keys, exact lower case for filters. */
    public static Analyzer analyzer() {
        Analyzer folded = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                KeywordTokenizer tokenizer = new KeywordTokenizer();
                return new TokenStreamComponents(tokenizer, new LowerCaseFilter(tokenizer));
            }
        };
        Analyzer keyword = new KeywordAnalyzer();
        return new PerFieldAnalyzerWrapper(new NoteTextAnalyzer(), Map.of(
                PATH, keyword, VAULT, keyword, ID, keyword,
                TAG, folded, TYPE, folded, STATUS, folded, PROJECT, folded));
    }

    /** The indexed form of a value of a {@link #FOLDED} field. */
    static String fold(String value) {
        return value.toLowerCase(Locale.ROOT);
    }
}
