package dev.pce.pkm.index;

import org.apache.lucene.analysis.Analyzer;
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
import org.apache.lucene.analysis.miscellaneous.KeywordRepeatFilter;
import org.apache.lucene.analysis.miscellaneous.RemoveDuplicatesTokenFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The note analysis gives the very tokens of Lucene's own filters for "written and stemmed form" (keyword repeat,
 * Porter stems, duplicates removed), which it replaces for speed: same terms, positions, offsets, types and keyword
 * flags, so the index and the queries are as before.
 */
class WrittenAndStemmedTest {

    /** The chain as it was built from Lucene's filters. */
    private static final class LuceneChain extends Analyzer {
        @Override
        protected Reader initReader(String fieldName, Reader reader) {
            return new UnderscoresAndDotsAsSpaces(reader); // the same text as ours: only the token filters are compared
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer tokenizer = new StandardTokenizer();
            TokenStream stream = new CJKWidthFilter(tokenizer);
            stream = new EnglishPossessiveFilter(stream);
            stream = new LowerCaseFilter(stream);
            stream = new CJKBigramFilter(stream);
            stream = new ASCIIFoldingFilter(stream);
            stream = new StopFilter(stream, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
            stream = new KeywordRepeatFilter(stream);
            stream = new PorterStemFilter(stream);
            return new TokenStreamComponents(tokenizer, new RemoveDuplicatesTokenFilter(stream));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "the a of",
        "Changing the changes: the user's notes were CHANGED, running runs and ran.",
        "Café Straße naïve résumé cafés; Ærøskøbing's harbour",
        "東京都に行きました。北京大学 and 한국어 텍스트 mixed with ｆｕｌｌｗｉｄｔｈ words",
        "internationalizationsandlocalizationsofeverythingimaginable generalizations 3.14 v2.0 x_y foo-bar",
        "[[Linked note]] #tag/sub `code spans` **bold** https://example.org/path?q=1 e-mail@example.org",
        "a\n\nparagraphs\n\n- item one\n- item two\n\n> quoted conditional conditionally",
    })
    void givesTheTokensOfLucenesFilters(String text) throws IOException {
        for (String field : List.of(IndexFields.BODY, IndexFields.TITLE)) {
            assertThat(tokens(new NoteTextAnalyzer(), field, text))
                    .isEqualTo(tokens(new LuceneChain(), field, text));
        }
    }

    @Test
    void reusedStreamsStartAfresh() throws IOException {
        try (Analyzer ours = new NoteTextAnalyzer(); Analyzer lucene = new LuceneChain()) {
            for (String text : List.of("running changes", "walked", "東京都 runs", "")) {
                assertThat(tokens(ours, IndexFields.BODY, text)).isEqualTo(tokens(lucene, IndexFields.BODY, text));
            }
        }
    }

    private static List<String> tokens(Analyzer analyzer, String field, String text) throws IOException {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            PositionLengthAttribute length = stream.addAttribute(PositionLengthAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            TypeAttribute type = stream.addAttribute(TypeAttribute.class);
            KeywordAttribute keyword = stream.addAttribute(KeywordAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term + " +" + increment.getPositionIncrement() + "/" + length.getPositionLength() + " "
                        + offset.startOffset() + "-" + offset.endOffset() + " " + type.type()
                        + (keyword.isKeyword() ? " keyword" : ""));
            }
            stream.end();
            tokens.add("end " + offset.endOffset() + " +" + increment.getPositionIncrement());
        }
        return tokens;
    }
}
