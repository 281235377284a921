package dev.pce.pkm.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The analysis of the words searched for, whose language is not known: the words as {@link NoteTextAnalyzer} reads
 * them, each in its written form and, at the same position, in its stem by each language of the searched notes
 * (where that differs). A French note indexed with French stems is found by a French inflected form, and an
 * English note by its Porter stem, in one search. Over notes of one language this is that language's own
 * {@link NoteTextAnalyzer}: searching English notes is what it always was.
 */
final class SearchTextAnalyzer {
    private static final Map<Set<NoteLanguage>, Analyzer> OF_LANGUAGES = new ConcurrentHashMap<>();
    private static final Map<NoteLanguage, Analyzer> WORD_STEMMERS = new EnumMap<>(NoteLanguage.class);

    static {
        for (NoteLanguage language : NoteLanguage.values()) {
            WORD_STEMMERS.put(language, new Analyzer() {
                @Override
                protected TokenStreamComponents createComponents(String fieldName) {
                    Tokenizer tokenizer = new KeywordTokenizer();
                    return new TokenStreamComponents(tokenizer, language.stem(tokenizer));
                }
            });
        }
    }

    private SearchTextAnalyzer() {
    }

    /** The analyzer of searches over notes in {@code languages} (English when empty: an empty index). */
    static Analyzer of(Set<NoteLanguage> languages) {
        if (languages.size() <= 1) {
            return NoteTextAnalyzer.of(languages.isEmpty() ? NoteLanguage.ENGLISH : languages.iterator().next());
        }
        return OF_LANGUAGES.computeIfAbsent(EnumSet.copyOf(languages), SearchTextAnalyzer::stemmingBy);
    }

    private static Analyzer stemmingBy(Set<NoteLanguage> languages) {
        List<NoteLanguage> stemmers = List.copyOf(languages);
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new StandardTokenizer();
                return new TokenStreamComponents(tokenizer,
                        new WrittenAndStems(NoteTextAnalyzer.words(tokenizer), stemmers));
            }

            @Override
            protected Reader initReader(String fieldName, Reader reader) {
                return new UnderscoresAsSpaces(reader);
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return NoteTextAnalyzer.normalized(in);
            }
        };
    }

    /** Each word as written, then its distinct stems at the same position (searches are short: no reuse needed). */
    private static final class WrittenAndStems extends TokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
        private final List<NoteLanguage> stemmers;
        private final List<String> pending = new ArrayList<>();

        WrittenAndStems(TokenStream in, List<NoteLanguage> stemmers) {
            super(in);
            this.stemmers = stemmers;
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!pending.isEmpty()) {
                // the other attributes (offsets, type) are still the written word's
                term.setEmpty().append(pending.removeFirst());
                increment.setPositionIncrement(0);
                return true;
            }
            if (!input.incrementToken()) {
                return false;
            }
            String written = term.toString();
            Set<String> stems = new LinkedHashSet<>();
            for (NoteLanguage language : stemmers) {
                String stem = stem(WORD_STEMMERS.get(language), written);
                if (!stem.equals(written)) {
                    stems.add(language.stemPrefix() + stem);
                }
            }
            pending.addAll(stems);
            return true;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            pending.clear();
        }

        private static String stem(Analyzer stemmer, String word) {
            try (TokenStream stream = stemmer.tokenStream("", word)) {
                CharTermAttribute stemmed = stream.addAttribute(CharTermAttribute.class);
                stream.reset();
                String stem = stream.incrementToken() ? stemmed.toString() : word;
                stream.end();
                return stem;
            } catch (IOException e) {
                throw new UncheckedIOException(e); // analysing a string reads no file
            }
        }
    }
}
