package dev.pce.pkm.index;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.ca.CatalanAnalyzer;
import org.apache.lucene.analysis.cz.CzechAnalyzer;
import org.apache.lucene.analysis.cz.CzechStemFilter;
import org.apache.lucene.analysis.da.DanishAnalyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.de.GermanLightStemFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.es.SpanishLightStemFilter;
import org.apache.lucene.analysis.fi.FinnishAnalyzer;
import org.apache.lucene.analysis.fi.FinnishLightStemFilter;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.hu.HungarianAnalyzer;
import org.apache.lucene.analysis.hu.HungarianLightStemFilter;
import org.apache.lucene.analysis.id.IndonesianAnalyzer;
import org.apache.lucene.analysis.id.IndonesianStemFilter;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.it.ItalianLightStemFilter;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.no.NorwegianAnalyzer;
import org.apache.lucene.analysis.no.NorwegianLightStemFilter;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseLightStemFilter;
import org.apache.lucene.analysis.ro.RomanianAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.ru.RussianLightStemFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.sv.SwedishAnalyzer;
import org.apache.lucene.analysis.sv.SwedishLightStemFilter;
import org.apache.lucene.util.IOUtils;
import org.tartarus.snowball.ext.CatalanStemmer;
import org.tartarus.snowball.ext.DanishStemmer;
import org.tartarus.snowball.ext.DutchStemmer;
import org.tartarus.snowball.ext.RomanianStemmer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A language whose notes are stemmed its own way: its ISO 639-1 code (indexed in {@link IndexFields#LANG}, and
 * accepted in a note's {@code lang} or {@code language} front matter key beside its English name), its common words
 * (Lucene's stop lists; they only tell a note's language, see {@link LanguageDetection}) and its stemmer (Lucene's
 * light stemmers where it has one, else Snowball's). English is the default: a note of no language listed here
 * (Chinese, Japanese, Vietnamese, ...) or with too few common words to tell is analysed as English, as every note
 * was before.
 */
enum NoteLanguage {
    ENGLISH("en", "english", snowballList("english_stop.txt"), PorterStemFilter::new),
    FRENCH("fr", "french", FrenchAnalyzer.getDefaultStopSet(), FrenchLightStemFilter::new),
    ITALIAN("it", "italian", ItalianAnalyzer.getDefaultStopSet(), ItalianLightStemFilter::new),
    SPANISH("es", "spanish", SpanishAnalyzer.getDefaultStopSet(), SpanishLightStemFilter::new),
    PORTUGUESE("pt", "portuguese", PortugueseAnalyzer.getDefaultStopSet(), PortugueseLightStemFilter::new),
    CATALAN("ca", "catalan", CatalanAnalyzer.getDefaultStopSet(), in -> new SnowballFilter(in, new CatalanStemmer())),
    ROMANIAN("ro", "romanian", RomanianAnalyzer.getDefaultStopSet(),
            in -> new SnowballFilter(in, new RomanianStemmer())),
    GERMAN("de", "german", GermanAnalyzer.getDefaultStopSet(), GermanLightStemFilter::new),
    DUTCH("nl", "dutch", DutchAnalyzer.getDefaultStopSet(), in -> new SnowballFilter(in, new DutchStemmer())),
    DANISH("da", "danish", DanishAnalyzer.getDefaultStopSet(), in -> new SnowballFilter(in, new DanishStemmer())),
    NORWEGIAN("no", "norwegian", NorwegianAnalyzer.getDefaultStopSet(), NorwegianLightStemFilter::new),
    SWEDISH("sv", "swedish", SwedishAnalyzer.getDefaultStopSet(), SwedishLightStemFilter::new),
    FINNISH("fi", "finnish", FinnishAnalyzer.getDefaultStopSet(), FinnishLightStemFilter::new),
    HUNGARIAN("hu", "hungarian", HungarianAnalyzer.getDefaultStopSet(), HungarianLightStemFilter::new),
    CZECH("cs", "czech", CzechAnalyzer.getDefaultStopSet(), CzechStemFilter::new),
    INDONESIAN("id", "indonesian", IndonesianAnalyzer.getDefaultStopSet(), IndonesianStemFilter::new),
    RUSSIAN("ru", "russian", RussianAnalyzer.getDefaultStopSet(), RussianLightStemFilter::new);

    /** Ends the language code before a stem of a language other than English (see {@link #stemPrefix}). */
    static final char STEM_MARK = '\u001F';

    private final String code;
    private final String englishName;
    private final CharArraySet commonWords;
    private final UnaryOperator<TokenStream> stemmer;

    NoteLanguage(String code, String englishName, CharArraySet commonWords, UnaryOperator<TokenStream> stemmer) {
        this.code = code;
        this.englishName = englishName;
        this.commonWords = CharArraySet.unmodifiableSet(commonWords);
        this.stemmer = stemmer;
    }

    /** The ISO 639-1 code, as indexed. */
    String code() {
        return code;
    }

    /** The language's common (stop) words, lower case and as written (accents kept): for detection only. */
    CharArraySet commonWords() {
        return commonWords;
    }

    /**
     * What a stem of this language is written after in the index: nothing for English (its index is what it always
     * was), else the code and a control character no word contains ({@code fr\u001Fcomposant}). A word searched
     * for is stemmed by every language of the vault; kept apart, an Italian stem of an English word matches only
     * Italian notes' stems, not the written words of English notes (which made English searches worse: 0.48
     * against 0.59 in the development set's English folder).
     */
    String stemPrefix() {
        return this == ENGLISH ? "" : code + STEM_MARK;
    }

    /** The stemmer over a stream of lower-case, folded words; it leaves keywords (the written forms) be. */
    TokenStream stem(TokenStream in) {
        return stemmer.apply(in);
    }

    /**
     * The language a front matter value names: an ISO 639-1 code, alone or with a region ({@code fr}, {@code pt-BR},
     * {@code de_AT}), or the English name ({@code French}); case ignored. Empty for any other value.
     */
    static Optional<NoteLanguage> named(String value) {
        String name = value.strip().toLowerCase(Locale.ROOT);
        String primary = name.split("[-_]", 2)[0];
        for (NoteLanguage language : values()) {
            if (language.code.equals(primary) || language.englishName.equals(name)) {
                return Optional.of(language);
            }
        }
        if (primary.equals("nb") || primary.equals("nn")) {
            return Optional.of(NORWEGIAN); // Bokmål and Nynorsk share the Norwegian stemmer
        }
        return Optional.empty();
    }

    /** The language of an indexed code. */
    static Optional<NoteLanguage> ofCode(String code) {
        for (NoteLanguage language : values()) {
            if (language.code.equals(code)) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }

    /**
     * English's longer Snowball list: Lucene's English stop set (33 words, the ones dropped from every note) is too
     * short to weigh against other languages' lists of 150 to 350 words.
     */
    private static CharArraySet snowballList(String resource) {
        try (var in = IOUtils.requireResourceNonNull(SnowballFilter.class.getResourceAsStream(resource), resource)) {
            return WordlistLoader.getSnowballWordSet(IOUtils.getDecodingReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Lucene's English stop list is missing from its jar", e);
        }
    }
}
