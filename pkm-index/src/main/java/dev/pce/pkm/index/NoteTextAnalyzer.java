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
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.util.ElisionFilter;

import java.io.Reader;
import java.util.List;

/**
 * The analysis of a note's text (title, aliases, tags, body) and of the words searched for.
 *
 * <ul>
 *   <li>Words as Unicode splits them ({@link StandardTokenizer}), and at underscores ({@link UnderscoresAndDotsAsSpaces});
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
 *   <li>English stop words dropped, possessives and Porter stemming, as Lucene's {@link EnglishAnalyzer} does
 *       (after folding, so {@code Cafés} and {@code cafe} meet); each word is indexed in its written form too
 *       where the stem differs ({@link WrittenAndStemmed}, as Lucene's {@code KeywordRepeatFilter} and
 *       {@code RemoveDuplicatesTokenFilter} do it): a search for "changing" matches "changes" by the
 *       stem, and ranks the notes that say "changing" higher by the written form.</li>
 * </ul>
 */
final class NoteTextAnalyzer extends Analyzer {

    /** French, Italian and Catalan articles and prepositions written elided before a vowel (Lucene's own lists). */
    private static final CharArraySet ELIDED = new CharArraySet(List.of(
            "l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu",
            "all", "dall", "dell", "nell", "sull", "coll", "pell", "gl", "agl", "dagl", "degl", "negl", "sugl", "un",
            "v"), true);

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer tokenizer = new StandardTokenizer();
        TokenStream stream = new CJKWidthFilter(tokenizer);
        stream = new EnglishPossessiveFilter(stream);
        stream = new LowerCaseFilter(stream);
        stream = new ElisionFilter(stream, ELIDED);
        stream = new CJKBigramFilter(stream);
        stream = new ASCIIFoldingFilter(stream);
        stream = new StopFilter(stream, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        return new TokenStreamComponents(tokenizer, WrittenAndStemmed.of(stream, PorterStemFilter::new));
    }

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
        return new UnderscoresAndDotsAsSpaces(reader);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        // prefix and fuzzy terms are not analyzed, only normalized: fold them the same way
        return new ASCIIFoldingFilter(new LowerCaseFilter(new CJKWidthFilter(in)));
    }
}
