package dev.pce.server.mcp;

import java.util.Locale;

/**
 * UTF-16 surrogates without their pair: what the JSON escape of a surrogate (U+D800 to U+DFFF) sent alone makes of a
 * Java string. They are no Unicode characters, so UTF-8 cannot carry them: Jackson fails on one in a raw value, and
 * the answer that quoted it was never sent. Requests holding one are refused ({@link RequestParams}); an answer built from
 * data stored before that escapes them ({@link #escapedIn}).
 */
final class UnpairedSurrogates {

    private UnpairedSurrogates() {
    }

    /** The index of the first surrogate in {@code text} without its pair; -1 when there is none. */
    static int firstIn(CharSequence text) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * False when no string read from the JSON text {@code json} can hold a surrogate without its pair: the text holds
     * no JSON escape of U+D800 to U+DFFF (backslash, u, D8 to DF), the only way such a surrogate gets into a text
     * decoded from UTF-8, which has none (a decoder replaces malformed input). True when it may: an escaped backslash
     * followed by such letters counts too, and the strings are then checked one by one. The JDK searches the text
     * with vector instructions: a 14 MB request takes milliseconds, its hundreds of thousands of strings a tenth of a
     * second.
     */
    static boolean mayBeEscapedIn(String json) {
        for (int at = json.indexOf("\\u"); at >= 0 && at + 3 < json.length(); at = json.indexOf("\\u", at + 2)) {
            char first = json.charAt(at + 2);
            char second = Character.toUpperCase(json.charAt(at + 3));
            if ((first == 'd' || first == 'D') && "89ABCDEF".indexOf(second) >= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code json} with every unpaired surrogate written as its JSON escape (backslash, u, four hex digits): the same
     * JSON value, now encodable in UTF-8. A surrogate can stand only inside a string literal of JSON text, where the escape means it.
     */
    static String escapedIn(String json) {
        int first = firstIn(json);
        if (first < 0) {
            return json;
        }
        StringBuilder escaped = new StringBuilder(json.length() + 16).append(json, 0, first);
        for (int i = first; i < json.length(); i++) {
            char c = json.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < json.length() && Character.isLowSurrogate(json.charAt(i + 1))) {
                escaped.append(c).append(json.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                escaped.append(escape(c));
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /** {@code text} with its unpaired surrogates shown as escapes, for an error message that names it. */
    static String shown(String text) {
        return firstIn(text) < 0 ? text : escapedIn(text);
    }

    /** How a surrogate is written in JSON: backslash, u and its four hex digits (D800 for U+D800). */
    static String escape(char surrogate) {
        return "\\u" + Integer.toHexString(surrogate).toUpperCase(Locale.ROOT);
    }
}
