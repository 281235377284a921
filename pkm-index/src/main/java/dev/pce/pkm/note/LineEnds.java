package dev.pce.pkm.note;

/**
 * Line ends as CommonMark reads them: CRLF, and a CR on its own, are each one line feed. Doing both in one pass
 * makes reading and writing agree: replacing only CRLF turns {@code \r\r\n} into {@code \r\n}, so every rewrite
 * of such a note would take one more CR away.
 */
final class LineEnds {

    private LineEnds() {
    }

    /** {@code text} with every CRLF and every lone CR replaced by LF. */
    static String toLf(String text) {
        if (text.indexOf('\r') < 0) {
            return text;
        }
        StringBuilder lf = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\r') {
                lf.append(c);
            } else {
                lf.append('\n');
                if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
            }
        }
        return lf.toString();
    }
}
