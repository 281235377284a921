package dev.pce.server.report;

/**
 * Escaping for the HTML report, which is also well-formed XML. Every string from an event log (task titles, ids,
 * agents, goals, reasons) is untrusted: a planner may have written markup or control characters into it.
 */
final class Html {
    private static final char REPLACEMENT = '\uFFFD';

    private Html() {
    }

    /** Text for element content or an attribute value: markup escaped, characters XML forbids replaced. */
    static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < value.length()
                            && Character.isLowSurrogate(value.charAt(i + 1))) {
                        out.append(c).append(value.charAt(++i));
                    } else {
                        out.append(allowedInXml(c) ? c : REPLACEMENT);
                    }
                }
            }
        }
        return out.toString();
    }

    /** XML 1.0's Char production, for a char that is not half of a surrogate pair. */
    private static boolean allowedInXml(char c) {
        return c == '\t' || c == '\n' || c == '\r' || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD;
    }

    /** What takes the place of a chart with nothing to draw: a note saying why, not bare axes. */
    static String noData(String why) {
        return "<p class=\"empty\">No data yet: " + escape(why) + ".</p>";
    }

    /** At most {@code max} characters, with an ellipsis when cut (for labels; the full text goes in a title). */
    static String clip(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max - 1) + "\u2026";
    }
}
