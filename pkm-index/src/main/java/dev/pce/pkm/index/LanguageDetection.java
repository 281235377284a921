package dev.pce.pkm.index;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pce.pkm.note.Note;
import org.apache.lucene.analysis.CharArrayMap;

import java.util.Optional;

/**
 * Which {@link NoteLanguage} a note is written in: the one its front matter names ({@code lang} or
 * {@code language}), else the one whose common words it uses most. The words are counted in the title and the body's
 * first {@value #SCANNED_CHARS} characters, fenced code left out (code is English-like whatever the prose): a
 * prose language of that much text says a few dozen of its common words. One hash lookup per word, a few
 * microseconds a note.
 *
 * <p>English unless another language has more common words and at least {@value #MIN_COMMON_WORDS} of them: a
 * short note or one that is mostly code, links or Chinese, Japanese or Korean text keeps the English analysis.
 */
final class LanguageDetection {
    static final int SCANNED_CHARS = 1_500;
    static final int MIN_COMMON_WORDS = 5;
    private static final int LONGEST_COMMON_WORD = 16;
    private static final String ADDRESS_MARKS = "./:@_#=-";
    /** Each common word and the languages (bits by ordinal) that list it. */
    private static final CharArrayMap<Integer> LANGUAGES_OF = languagesOf();

    private LanguageDetection() {
    }

    static NoteLanguage of(Note note) {
        return declared(note).orElseGet(() -> detect(note.title(), note.body()));
    }

    /** The language a front matter key names, when one does. */
    static Optional<NoteLanguage> declared(Note note) {
        for (String key : new String[] {"lang", "language"}) {
            JsonNode value = note.frontMatter().extra().get(key);
            if (value != null && value.isTextual()) {
                Optional<NoteLanguage> named = NoteLanguage.named(value.asText());
                if (named.isPresent()) {
                    return named;
                }
            }
        }
        return Optional.empty();
    }

    /** The language whose common words the text uses most (English when none stands out). */
    static NoteLanguage detect(String title, String body) {
        int[] counts = new int[NoteLanguage.values().length];
        count(title, title.length(), counts);
        count(body, Math.min(body.length(), SCANNED_CHARS), counts);
        NoteLanguage best = NoteLanguage.ENGLISH;
        for (NoteLanguage language : NoteLanguage.values()) {
            if (counts[language.ordinal()] > counts[best.ordinal()]) {
                best = language;
            }
        }
        return counts[best.ordinal()] >= MIN_COMMON_WORDS ? best : NoteLanguage.ENGLISH;
    }

    /** Adds to each language's count the common words of its list in {@code text}'s first {@code end} characters. */
    private static void count(String text, int end, int[] counts) {
        char[] word = new char[LONGEST_COMMON_WORD];
        int length = 0;
        boolean inAddress = false;
        boolean lineStart = true;
        boolean inFence = false;
        char previous = ' ';
        for (int i = 0; i <= end; i++) {
            char c = i < end ? text.charAt(i) : ' ';
            if (lineStart && text.startsWith("```", i)) {
                inFence = !inFence;
            }
            lineStart = c == '\n';
            if (!inFence && Character.isLetter(c)) {
                if (length == 0) {
                    // a word after '.', '/' and the like is part of an address or a name (twitter.com, a/b)
                    inAddress = ADDRESS_MARKS.indexOf(previous) >= 0;
                }
                if (length < word.length) {
                    word[length] = Character.toLowerCase(c);
                }
                length++;
                previous = c;
                continue;
            }
            previous = c;
            if (length > 0 && length <= word.length && !inAddress) {
                Integer languages = LANGUAGES_OF.get(word, 0, length);
                if (languages != null) {
                    for (int bits = languages; bits != 0; bits &= bits - 1) {
                        counts[Integer.numberOfTrailingZeros(bits)]++;
                    }
                }
            }
            length = 0;
        }
    }

    private static CharArrayMap<Integer> languagesOf() {
        CharArrayMap<Integer> map = new CharArrayMap<>(4_096, false);
        for (NoteLanguage language : NoteLanguage.values()) {
            for (Object word : language.commonWords()) {
                char[] chars = (char[]) word;
                Integer bits = map.get(chars, 0, chars.length);
                map.put(chars, (bits == null ? 0 : bits) | 1 << language.ordinal());
            }
        }
        return map;
    }
}
