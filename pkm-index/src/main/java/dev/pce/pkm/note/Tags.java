package dev.pce.pkm.note;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Obsidian's rules for tag names: letters (any script), digits, {@code _}, {@code -} and {@code /} (nesting),
 * with at least one character that is neither a digit nor {@code /}: issue numbers written {@code #1470/#1478} are
 * no tags. Combining marks count as letters, so tags in scripts such as Devanagari work.
 */
public final class Tags {
    /** Longest tag name accepted; longer runs are not tags (they are almost always pasted noise). */
    public static final int MAX_LENGTH = 200;

    private Tags() {
    }

    /** Whether {@code cp} may appear in a tag name. */
    public static boolean isTagChar(int cp) {
        if (cp == '_' || cp == '-' || cp == '/') {
            return true;
        }
        if (Character.isLetterOrDigit(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    /** Whether {@code name} (without the {@code #}) is a tag name. */
    public static boolean isValid(String name) {
        if (name.isEmpty() || name.length() > MAX_LENGTH) {
            return false;
        }
        boolean nonDigit = false;
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            if (!isTagChar(cp)) {
                return false;
            }
            if (!Character.isDigit(cp) && cp != '/') {
                nonDigit = true;
            }
            i += Character.charCount(cp);
        }
        return nonDigit;
    }

    /**
     * The tag and each of its parents, as Obsidian nests them: {@code project/sub/x} is also {@code project/sub}
     * and {@code project}, so a filter on a parent finds the notes of its children. Empty parts ({@code a//b}) are
     * skipped.
     */
    public static List<String> withParents(String name) {
        List<String> all = new ArrayList<>();
        int slash = name.indexOf('/');
        while (slash >= 0) {
            String parent = name.substring(0, slash);
            if (slash > 0 && !parent.endsWith("/")) {
                all.add(parent);
            }
            slash = name.indexOf('/', slash + 1);
        }
        String whole = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        if (!whole.isEmpty()) {
            all.add(whole);
        }
        return all;
    }

    /** The form under which two spellings of a tag are the same tag ({@code #Java} and {@code #java}). */
    public static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
