package dev.pce.pkm.index;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

/**
 * Formats the highlighter's passages as markdown snippets: matched words in {@code **bold**}, passages joined by
 * {@value #ELLIPSIS}. The body's own emphasis markers are left out of a snippet, so a match never nests in them
 * ({@code **Canvas**} in the body gives {@code **Canvas**}, not {@code ****Canvas****}); matches that overlap (a
 * Chinese character pair and the next) or stand next to each other with only spaces between are one bold run.
 */
final class SnippetFormatter extends PassageFormatter {
    static final String ELLIPSIS = " … ";
    private static final String BOLD = "**";

    @Override
    public String format(Passage[] passages, String content) {
        StringBuilder out = new StringBuilder();
        int pos = 0;
        for (Passage passage : passages) {
            if (passage.getStartOffset() > pos && pos > 0) {
                out.append(ELLIPSIS);
            }
            pos = passage.getStartOffset();
            boolean afterMatch = false;
            int i = 0;
            while (i < passage.getNumMatches()) {
                int start = Math.max(passage.getMatchStarts()[i], pos);
                int end = passage.getMatchEnds()[i];
                i++;
                // join overlapping matches, and those apart by nothing but spaces and emphasis markers
                while (i < passage.getNumMatches() && (passage.getMatchStarts()[i] <= end
                        || plain(content.substring(end, passage.getMatchStarts()[i])).replace("*", "").isBlank())) {
                    end = Math.max(end, passage.getMatchEnds()[i]);
                    i++;
                }
                if (end <= start) {
                    continue;
                }
                out.append(strip(plain(content.substring(pos, start)), afterMatch, true));
                out.append(BOLD).append(plain(content.substring(start, end))).append(BOLD);
                pos = end;
                afterMatch = true;
            }
            out.append(strip(plain(content.substring(pos, Math.max(pos, passage.getEndOffset()))), afterMatch, false));
            pos = Math.max(pos, passage.getEndOffset());
        }
        return out.toString();
    }

    /** The text without runs of two or more {@code *} (bold markers). */
    private static String plain(String text) {
        return text.replaceAll("\\*{2,}", "");
    }

    /** Drops single {@code *} (italic markers) at the edges that touch a match. */
    private static String strip(String text, boolean leading, boolean trailing) {
        int from = 0;
        int to = text.length();
        while (leading && from < to && text.charAt(from) == '*') {
            from++;
        }
        while (trailing && to > from && text.charAt(to - 1) == '*') {
            to--;
        }
        return text.substring(from, to);
    }
}
