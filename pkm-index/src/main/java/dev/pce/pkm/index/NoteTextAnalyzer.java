package dev.pce.pkm.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.util.ElisionFilter;

import java.io.Reader;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The analysis of a note's text (title, aliases, tags, body) and of the words searched for.
 *
 * <ul>
 *   <li>Words as Unicode splits them ({@link StandardTokenizer}), and at underscores ({@link UnderscoresAsSpaces});
 *       full- and half-width forms made one
 *       ({@link CJKWidthFilter}); lower case.</li>
 *   <li>Chinese, Japanese and Korean runs as overlapping pairs of characters ({@link CJKBigramFilter}):
 *       {@code 東京都} is indexed as {@code 東京} and {@code 京都}, so a search for a two-character word finds it
 *       inside a sentence (the tokenizer alone cuts Han text into single characters). A lone character stays one
 *       token.</li>
 *   <li>Elided articles of French, Italian and Catalan dropped ({@link ElisionFilter}): the tokenizer keeps
 *       {@code l'intestazione} and {@code d'une} as one word, so without this a search for {@code intestazione}
 *       misses every note that writes it after an article.</li>
 *   <li>Accents folded to their ASCII letters ({@link ASCIIFoldingFilter}): {@code café} is {@code cafe},
 *       {@code Straße} is {@code strasse}, both ways round, since the words searched for are folded too.</li>
 *   <li>English stop words and possessives dropped, as Lucene's {@link EnglishAnalyzer} does, in every note
 *       (the words searched for lose the same ones, whatever language they are in).</li>
 *   <li>Stemmed by the note's language ({@link NoteLanguage}: Porter for English, Lucene's light stemmers for
 *       French, Italian, Spanish and others), after folding, so {@code Cafés} and {@code cafe} meet; each word is
 *       indexed in its written form too where the stem differs ({@link WrittenAndStemmed}, as Lucene's
 *       {@code KeywordRepeatFilter} and {@code RemoveDuplicatesTokenFilter} do it): a search for "changing"
 *       matches "changes" by the stem, and ranks the notes that say "changing" higher by the written form.</li>
 * </ul>
 *
 * <p>The words searched for are analysed by {@link SearchTextAnalyzer}: the same words, with the stems of every
 * language of the searched notes.
 */
final class NoteTextAnalyzer extends Analyzer {

    /** French, Italian and Catalan articles and prepositions written elided before a vowel (Lucene's own lists). */
    private static final CharArraySet ELIDED = new CharArraySet(List.of(
            "l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu",
            "all", "dall", "dell", "nell", "sull", "coll", "pell", "gl", "agl", "dagl", "degl", "negl", "sugl", "un",
            "v"), true);

    private static final Map<NoteLanguage, NoteTextAnalyzer> OF_LANGUAGE = new EnumMap<>(NoteLanguage.class);

    static {
        for (NoteLanguage language : NoteLanguage.values()) {
            OF_LANGUAGE.put(language, new NoteTextAnalyzer(language));
        }
    }

    private final NoteLanguage language;

    private NoteTextAnalyzer(NoteLanguage language) {
        this.language = language;
    }

    /** The analyzer of notes in {@code language} (one per language, shared: an analyzer reuses its streams per thread). */
    static NoteTextAnalyzer of(NoteLanguage language) {
        return OF_LANGUAGE.get(language);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer tokenizer = new StandardTokenizer();
        return new TokenStreamComponents(tokenizer, WrittenAndStemmed.of(words(tokenizer), language::stem,
                language.stemPrefix()));
    }

    /** The tokenizer's words, paired, lower case, folded, without elided articles and English stop words. */
    static TokenStream words(Tokenizer tokenizer) {
        TokenStream stream = new CJKWidthFilter(tokenizer);
        stream = new EnglishPossessiveFilter(stream);
        stream = new LowerCaseFilter(stream);
        stream = new ElisionFilter(stream, ELIDED);
        stream = new CJKBigramFilter(stream);
        stream = new ASCIIFoldingFilter(stream);
        return new StopFilter(stream, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
    }

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
        return new UnderscoresAsSpaces(reader);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return normalized(in);
    }

    /** Prefix and fuzzy terms are not analyzed, only normalized: folded the same way. */
    static TokenStream normalized(TokenStream in) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(new CJKWidthFilter(in)));
    }
}
