package dev.pce.pkm.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.core.LowerCaseFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.KeywordRepeatFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.miscellaneous.RemoveDuplicatesTokenFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
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
 * <tr><td>title, body, tags</td><td>English text: stop words, Porter stems and the written forms; offsets for
 *     highlights</td>
 *     <td>yes</td></tr>
 * <tr><td>tag</td><td>exact, lower case, one value per tag (filters)</td><td>no</td></tr>
 * <tr><td>type, status, project</td><td>exact, lower case (filters)</td><td>yes, as written</td></tr>
 * <tr><td>date</td><td>day number (range filters), doc values (sorting)</td><td>yes, as written</td></tr>
 * <tr><td>hash</td><td>no</td><td>yes (SHA-256 of the file)</td></tr>
 * <tr><td>node, links</td><td>doc values: the note's id, file name and title, and its link targets, which the
 *     link graph is built from without reading the stored bodies</td><td>no</td></tr>
 * <tr><td>modified, size</td><td>updatable doc values (incremental updates)</td><td>no</td></tr>
 * </table>
 */
public final class IndexFields {
    public static final String PATH = "path";
    public static final String VAULT = "vault";
    public static final String ID = "id";
    public static final String TITLE = "title";
    public static final String BODY = "body";
    public static final String TAGS = "tags";
    public static final String TAG = "tag";
    public static final String TYPE = "type";
    public static final String STATUS = "status";
    public static final String PROJECT = "project";
    public static final String DATE = "date";
    public static final String HASH = "hash";
    /** Doc values: id, path and title joined by {@link #NODE_SEPARATOR}. */
    public static final String NODE = "node";
    /** Doc values: the note's link targets (front matter links and body wikilinks). */
    public static final String LINKS = "links";
    static final char NODE_SEPARATOR = '\u0000';
    public static final String MODIFIED = "modified";
    public static final String SIZE = "size";

    /**
     * The weights of the text fields in free-text search: a word's occurrences in each field count this many times
     * in the note's combined term frequency and length (BM25F, see {@code TextQuery}). Tuned with BM25's parameters
     * on the development sets of {@code ce experiment search} (docs/pkm.md, Ranking evaluation).
     */
    public static final Map<String, Float> TEXT_WEIGHTS = Map.of(TITLE, 2f, TAGS, 2f, BODY, 1f);

    /**
     * BM25 for every ranked search: term frequency saturates early (k1 0.5: a note that names a searched word once
     * is nearly as good a match as one that repeats it) and length counts fully (b 1: a long note that matches
     * many words by chance does not push out a short one that matches them all).
     */
    public static final Similarity SIMILARITY = new BM25Similarity(0.5f, 1.0f);

    /** The text fields in boost order. */
    public static final String[] TEXT_FIELDS = {TITLE, TAGS, BODY};

    /** Fields a user may name in a query ({@code title:retry}, {@code type:insight}). */
    public static final Set<String> QUERYABLE = Set.of(TITLE, TAGS, BODY, TAG, TYPE, STATUS, PROJECT, ID, PATH,
            VAULT);

    /** Lower-cased exact fields: filters ignore case there. */
    static final Set<String> FOLDED = Set.of(TAG, TYPE, STATUS, PROJECT);

    /** Bump when documents change shape; an index of another format is rebuilt. */
    static final String FORMAT = "4";
    static final String FORMAT_KEY = "pce.index.format";

    private IndexFields() {
    }

    /** The analyzer of every field: English for text, exact for keys, exact lower case for filter fields. */
    public static Analyzer analyzer() {
        Analyzer folded = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                KeywordTokenizer tokenizer = new KeywordTokenizer();
                return new TokenStreamComponents(tokenizer, new LowerCaseFilter(tokenizer));
            }
        };
        Analyzer keyword = new KeywordAnalyzer();
        return new PerFieldAnalyzerWrapper(englishExactAndStemmed(), Map.of(
                PATH, keyword, VAULT, keyword, ID, keyword,
                TAG, folded, TYPE, folded, STATUS, folded, PROJECT, folded));
    }

    /**
     * English text as {@link EnglishAnalyzer} reads it (possessives, lower case, stop words, Porter stemming), each
     * word indexed in its written form too where the stem differs: a search for "changing" matches "changes" by
     * the stem, and ranks the notes that say "changing" higher by the exact form.
     */
    private static Analyzer englishExactAndStemmed() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                StandardTokenizer source = new StandardTokenizer();
                TokenStream result = new EnglishPossessiveFilter(source);
                result = new LowerCaseFilter(result);
                result = new StopFilter(result, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
                result = new KeywordRepeatFilter(result);
                result = new PorterStemFilter(result);
                return new TokenStreamComponents(source, new RemoveDuplicatesTokenFilter(result));
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new LowerCaseFilter(in);
            }
        };
    }

    /** The indexed form of a value of a {@link #FOLDED} field. */
    static String fold(String value) {
        return value.toLowerCase(Locale.ROOT);
    }
}
