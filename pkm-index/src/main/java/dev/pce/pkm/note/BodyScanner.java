package dev.pce.pkm.note;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the wikilinks, inline tags and first level-1 heading of a note's markdown body, ignoring code.
 *
 * <p>Code is: fenced blocks (a line of three or more {@code `} or {@code ~}, closed by a line of at least as many of
 * the same character, or the end of the note), also inside block quotes and list items; and inline code spans (a
 * run of backticks closed by a run of the same length before the paragraph ends). A backslash escapes the next
 * ASCII punctuation character outside code, so {@code \[[x]]} is no link and {@code \#x} no tag. Indented code
 * blocks (four spaces) are not recognized, because in Obsidian such lines are far more often nested list items.
 *
 * <p>A tag is a {@code #} at the start of a line or after white space, followed by a valid {@link Tags tag name};
 * the name ends at the first character that cannot be in a tag. A {@code #} after other characters (a URL's
 * fragment, {@code C#}, {@code &#35;}) is no tag, nor is a heading's {@code # }.
 */
final class BodyScanner {
    private final String body;
    private final int firstLine;
    private final boolean[] code;
    private final int[] lineStarts;
    private final List<WikiLink> links = new ArrayList<>();
    private final List<InlineTag> tags = new ArrayList<>();

    /** What the scanner found. */
    record Found(List<WikiLink> links, List<InlineTag> tags, Optional<String> firstHeading) {
    }

    private BodyScanner(String body, int firstLine) {
        this.body = body;
        this.firstLine = firstLine;
        this.code = new boolean[body.length()];
        this.lineStarts = lineStarts(body);
    }

    /**
     * @param body      markdown with {@code \n} line ends
     * @param firstLine the file line where the body starts, for positions
     */
    static Found scan(String body, int firstLine) {
        BodyScanner scanner = new BodyScanner(body, firstLine);
        scanner.markFences();
        scanner.scanInline();
        return new Found(List.copyOf(scanner.links), List.copyOf(scanner.tags), scanner.firstHeading());
    }

    /**
     * Which characters of {@code body} are code (fenced blocks and code spans), as {@link #scan} judges them: for
     * an editor that must change links and leave code alone.
     */
    static boolean[] codeMask(String body) {
        BodyScanner scanner = new BodyScanner(body, 1);
        scanner.markFences();
        scanner.scanInline();
        return scanner.code;
    }

    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    private int lineEnd(int lineIndex) {
        return lineIndex + 1 < lineStarts.length ? lineStarts[lineIndex + 1] - 1 : body.length();
    }

    // ---- fenced code blocks ----------------------------------------------------------------------------------

    private void markFences() {
        char fenceChar = 0;
        int fenceLength = 0;
        for (int line = 0; line < lineStarts.length; line++) {
            int start = lineStarts[line];
            int end = lineEnd(line);
            String text = body.substring(start, end);
            int content = contentStart(text);
            if (fenceChar == 0) {
                int run = run(text, content);
                char c = content < text.length() ? text.charAt(content) : 0;
                boolean opens = run >= 3 && (c == '`' || c == '~')
                        && !(c == '`' && text.indexOf('`', content + run) >= 0);
                if (opens) {
                    fenceChar = c;
                    fenceLength = run;
                    hide(start, end);
                }
            } else {
                hide(start, end);
                int run = run(text, content);
                if (run >= fenceLength && text.charAt(content) == fenceChar
                        && text.substring(content + run).isBlank()) {
                    fenceChar = 0;
                }
            }
        }
    }

    /** Where a line's content starts after indentation and block-quote markers ({@code > > }). */
    private static int contentStart(String line) {
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == ' ' || c == '\t' || c == '>') {
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    /** The length of the run of the character at {@code at}. */
    private static int run(String text, int at) {
        if (at >= text.length()) {
            return 0;
        }
        char c = text.charAt(at);
        int i = at;
        while (i < text.length() && text.charAt(i) == c) {
            i++;
        }
        return i - at;
    }

    private void hide(int from, int to) {
        for (int i = from; i < to; i++) {
            code[i] = true;
        }
    }

    // ---- inline: escapes, code spans, links, tags ------------------------------------------------------------

    private void scanInline() {
        int i = 0;
        while (i < body.length()) {
            if (code[i]) {
                i++;
                continue;
            }
            char c = body.charAt(i);
            if (c == '\\' && i + 1 < body.length() && isAsciiPunctuation(body.charAt(i + 1)) && !code[i + 1]) {
                i += 2;
            } else if (c == '`') {
                i = codeSpan(i);
            } else if (c == '!' && body.startsWith("[[", i + 1)) {
                i = link(i, i + 1, true);
            } else if (c == '[' && body.startsWith("[[", i)) {
                i = link(i, i, false);
            } else if (c == '#' && (i == 0 || Character.isWhitespace(body.charAt(i - 1)))) {
                i = tag(i);
            } else {
                i++;
            }
        }
    }

    /** A code span starting at {@code at}: hides it and returns the index after it, or after the backtick run. */
    private int codeSpan(int at) {
        int n = run(body, at);
        int i = at + n;
        while (i < body.length()) {
            if (code[i] || isParagraphEnd(i)) {
                return at + n;
            }
            if (body.charAt(i) == '`') {
                int m = run(body, i);
                if (m == n) {
                    hide(at, i + m);
                    return i + m;
                }
                i += m;
            } else {
                i++;
            }
        }
        return at + n;
    }

    /** Whether {@code i} is the line feed that ends a paragraph (the next line is blank). */
    private boolean isParagraphEnd(int i) {
        if (body.charAt(i) != '\n') {
            return false;
        }
        int next = body.indexOf('\n', i + 1);
        String nextLine = next < 0 ? body.substring(i + 1) : body.substring(i + 1, next);
        return nextLine.isBlank();
    }

    /** A wikilink whose {@code [[} is at {@code open}; returns the index after it, or after the bracket. */
    private int link(int start, int open, boolean embed) {
        int contentStart = open + 2;
        int i = contentStart;
        while (i < body.length()) {
            char c = body.charAt(i);
            if (c == '\n' || code[i]) {
                return open + 1;
            }
            if (c == '[' && body.startsWith("[[", i)) {
                return i; // a new link starts here: "[[a [[b]]" links b
            }
            if (c == ']' && body.startsWith("]]", i)) {
                return add(start, embed, body.substring(contentStart, i)) ? i + 2 : open + 1;
            }
            i++;
        }
        return open + 1;
    }

    private boolean add(int start, boolean embed, String inner) {
        if (inner.isBlank()) {
            return false;
        }
        String targetPart = inner;
        Optional<String> alias = Optional.empty();
        int bar = pipe(inner);
        if (bar >= 0) {
            boolean escaped = bar > 0 && inner.charAt(bar - 1) == '\\';
            targetPart = inner.substring(0, escaped ? bar - 1 : bar);
            String aliasText = inner.substring(bar + 1).strip();
            alias = aliasText.isEmpty() ? Optional.empty() : Optional.of(aliasText);
        }
        Optional<String> heading = Optional.empty();
        int hash = targetPart.indexOf('#');
        if (hash >= 0) {
            String headingText = targetPart.substring(hash + 1).strip();
            heading = headingText.isEmpty() ? Optional.empty() : Optional.of(headingText);
            targetPart = targetPart.substring(0, hash);
        }
        String target = targetPart.strip();
        if (target.isEmpty() && heading.isEmpty()) {
            return false;
        }
        links.add(new WikiLink(target, heading, alias, embed, position(start)));
        return true;
    }

    private static int pipe(String inner) {
        return inner.indexOf('|');
    }

    /** A tag whose {@code #} is at {@code at}; returns the index after it. */
    private int tag(int at) {
        int i = at + 1;
        while (i < body.length() && !code[i]) {
            int cp = body.codePointAt(i);
            if (!Tags.isTagChar(cp)) {
                break;
            }
            i += Character.charCount(cp);
        }
        String name = body.substring(at + 1, i);
        if (Tags.isValid(name)) {
            tags.add(new InlineTag(name, position(at)));
        }
        return Math.max(i, at + 1);
    }

    private static boolean isAsciiPunctuation(char c) {
        return c < 128 && !Character.isLetterOrDigit(c) && c > ' ' && c != 127;
    }

    private TextPosition position(int offset) {
        int line = lineIndex(offset);
        int column = body.codePointCount(lineStarts[line], offset) + 1;
        return new TextPosition(firstLine + line, column);
    }

    private int lineIndex(int offset) {
        int lo = 0;
        int hi = lineStarts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStarts[mid] <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    // ---- title -----------------------------------------------------------------------------------------------

    /** The text of the first level-1 ATX heading outside code ({@code # Title}, closing {@code #}s dropped). */
    private Optional<String> firstHeading() {
        for (int line = 0; line < lineStarts.length; line++) {
            int start = lineStarts[line];
            int end = lineEnd(line);
            if (start < end && code[start]) {
                continue;
            }
            String text = body.substring(start, end);
            int indent = 0;
            while (indent < text.length() && indent < 3 && text.charAt(indent) == ' ') {
                indent++;
            }
            String rest = text.substring(indent);
            if (!rest.startsWith("#") || rest.length() < 2 || (rest.charAt(1) != ' ' && rest.charAt(1) != '\t')) {
                continue;
            }
            String heading = rest.substring(2).strip().replaceFirst("(^|[ \\t]+)#+$", "").strip();
            if (!heading.isEmpty()) {
                return Optional.of(heading);
            }
        }
        return Optional.empty();
    }
}
