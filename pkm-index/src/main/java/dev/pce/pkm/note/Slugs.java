package dev.pce.pkm.note;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a title into the slug of a note id: lower case, Latin letters folded to ASCII where possible
 * ({@code é} to {@code e}, {@code ß} to {@code ss}), letters of other scripts kept, every other run of characters
 * one {@code -}, at most {@value #MAX_LENGTH} characters (cut at a dash when there is one), never empty.
 */
public final class Slugs {
    public static final int MAX_LENGTH = 60;
    /** The slug of a title with no letters or digits. */
    public static final String FALLBACK = "note";
    private static final Map<Integer, String> FOLDS = Map.ofEntries(
            Map.entry((int) 'ß', "ss"), Map.entry((int) 'æ', "ae"), Map.entry((int) 'œ', "oe"),
            Map.entry((int) 'ø', "o"), Map.entry((int) 'ł', "l"), Map.entry((int) 'đ', "d"),
            Map.entry((int) 'ð', "d"), Map.entry((int) 'þ', "th"), Map.entry((int) 'ı', "i"));

    private Slugs() {
    }

    public static String slugify(String title) {
        return slugify(title, MAX_LENGTH);
    }

    public static String slugify(String title, int maxLength) {
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength must be positive: " + maxLength);
        }
        String lower = title.toLowerCase(Locale.ROOT);
        String decomposed = Normalizer.normalize(lower, Normalizer.Form.NFKD);
        StringBuilder out = new StringBuilder();
        boolean dash = false;
        int previousBase = -1;
        for (int i = 0; i < decomposed.length(); ) {
            int cp = decomposed.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            boolean mark = type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                    || type == Character.ENCLOSING_MARK;
            if (mark) {
                // accents on ASCII letters are dropped (e + acute -> e); marks of other scripts are kept
                if (previousBase >= 0x80) {
                    out.appendCodePoint(cp);
                }
                continue;
            }
            String folded = FOLDS.get(cp);
            if (folded != null) {
                appendDash(out, dash);
                dash = false;
                out.append(folded);
                previousBase = 'a';
            } else if (Character.isLetterOrDigit(cp)) {
                appendDash(out, dash);
                dash = false;
                out.appendCodePoint(cp);
                previousBase = cp;
            } else {
                dash = !out.isEmpty();
                previousBase = -1;
            }
        }
        String slug = Normalizer.normalize(out, Normalizer.Form.NFC);
        slug = cut(slug, maxLength);
        return slug.isEmpty() ? FALLBACK.substring(0, Math.min(FALLBACK.length(), maxLength)) : slug;
    }

    private static void appendDash(StringBuilder out, boolean dash) {
        if (dash) {
            out.append('-');
        }
    }

    private static String cut(String slug, int maxLength) {
        if (slug.codePointCount(0, slug.length()) <= maxLength) {
            return slug;
        }
        String head = slug.substring(0, slug.offsetByCodePoints(0, maxLength));
        int lastDash = head.lastIndexOf('-');
        if (lastDash > maxLength / 2) {
            head = head.substring(0, lastDash);
        }
        while (head.endsWith("-")) {
            head = head.substring(0, head.length() - 1);
        }
        return head;
    }
}
