package dev.pce.pkm.index;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.util.ArrayUtil;

import java.io.IOException;
import java.util.Arrays;
import java.util.function.UnaryOperator;

/**
 * Each word in its written form and, at the same position, in its stemmed form where that differs: the tokens of
 * Lucene's {@code KeywordRepeatFilter}, a stemmer and {@code RemoveDuplicatesTokenFilter}, without their cost per
 * token. Those capture and restore every attribute of every word and copy each term into a new array to compare it;
 * on a vault's bulk build that was two fifths of all the memory allocated (and the collections it costs). Here the
 * written term is kept in one reused buffer. Only for streams whose every token advances the position (as the
 * tokenizer and filters before it in {@link NoteTextAnalyzer} make it), so a position has at most these two words.
 */
final class WrittenAndStemmed {
    private WrittenAndStemmed() {
    }

    /** {@code in}'s words written and, where it changes them, through {@code stemmer} (which leaves keywords be). */
    static TokenStream of(TokenStream in, UnaryOperator<TokenStream> stemmer) {
        return new DropUnchanged(stemmer.apply(new Repeat(in)));
    }

    /** Every word twice: as a keyword (not stemmed), then, at the same position, as a word to stem. */
    private static final class Repeat extends TokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);
        private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
        private char[] written = new char[32];
        private int length;
        private boolean again;

        Repeat(TokenStream in) {
            super(in);
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (again) {
                // the other attributes (offsets, type) are still the written word's: nothing downstream changes them
                again = false;
                term.copyBuffer(written, 0, length);
                keyword.setKeyword(false);
                increment.setPositionIncrement(0);
                return true;
            }
            if (!input.incrementToken()) {
                return false;
            }
            length = term.length();
            written = ArrayUtil.grow(written, length);
            System.arraycopy(term.buffer(), 0, written, 0, length);
            keyword.setKeyword(true);
            again = true;
            return true;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            again = false;
        }
    }

    /** Drops the second word of a position when it is the same as the first (the stem is the written form). */
    private static final class DropUnchanged extends TokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
        private char[] first = new char[32];
        private int length;

        DropUnchanged(TokenStream in) {
            super(in);
        }

        @Override
        public boolean incrementToken() throws IOException {
            while (input.incrementToken()) {
                if (increment.getPositionIncrement() != 0) {
                    length = term.length();
                    first = ArrayUtil.grow(first, length);
                    System.arraycopy(term.buffer(), 0, first, 0, length);
                    return true;
                }
                if (!Arrays.equals(term.buffer(), 0, term.length(), first, 0, length)) {
                    return true;
                }
            }
            return false;
        }
    }
}
