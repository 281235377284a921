package dev.pce.pkm.note;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Finds the links, inline tags and first level-1 heading of a note's markdown body, ignoring code and comments.
 *
 * <p>Links are wikilinks {@code [[target]]} and markdown links to notes, {@code [text](note.md)},
 * {@code [text](folder/My%20note.md#Heading)} or {@code [text](<My note.md>)} (percent escapes decoded, the
 * heading cut off); a destination with a scheme ({@code https:}, {@code mailto:}, {@code obsidian:}) or only a
 * {@code #heading} is no note link. {@code ![alt](x)} is an embed, like {@code ![[x]]}.
 *
 * <p>Comments hide what they hold, as code does: Obsidian's {@code %% ... %%} and HTML's {@code <!-- ... -->},
 * on one line or across lines; an unclosed one runs to the end of the note (as Obsidian shows it).
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
    /**
     * Longest destination and title of a markdown link looked at: a note's 1 MiB of {@code [a](} that never close
     * costs a bounded look from each, never a scan to the end of a long line.
     */
    private static final int MAX_LINK_PART = 500;
    /** Where each {@code [} closes, computed when the first markdown link is looked at. */
    private int[] bracketCloses;

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

    /** Where each line of {@code text} starts (after a {@code \n}); the first at 0. */
    static int[] lineStarts(String text) {
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
        boolean hasMarkdownLinks = body.contains("](");
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
            } else if (c == '%' && body.startsWith("%%", i)) {
                i = comment(i, "%%");
            } else if (c == '<' && body.startsWith("<!--", i)) {
                i = comment(i, "-->");
            } else if (c == '!' && hasMarkdownLinks && i + 1 < body.length() && body.charAt(i + 1) == '['
                    && !body.startsWith("[[", i + 1)) {
                i = markdownLink(i, i + 1, true);
            } else if (c == '[' && hasMarkdownLinks && !body.startsWith("[[", i)) {
                i = markdownLink(i, i, false);
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

    /** A comment opened at {@code at}, closed by {@code close} or the end of the note: hides it, returns after it. */
    private int comment(int at, String close) {
        int end = body.indexOf(close, at + (close.equals("%%") ? 2 : 4));
        int after = end < 0 ? body.length() : end + close.length();
        hide(at, after);
        return after;
    }

    /**
     * A markdown link whose {@code [} is at {@code open}: {@code [text](destination "title")}. Adds it when the
     * destination names a note; returns the index after it, or after the bracket.
     */
    private int markdownLink(int start, int open, boolean embed) {
        if (bracketCloses == null) {
            bracketCloses = bracketCloses();
        }
        int i = bracketCloses[open];
        if (i < 0 || i + 1 >= body.length() || body.charAt(i + 1) != '(') {
            return open + 1;
        }
        int end = lineEnd(lineIndex(open));
        String text = body.substring(open + 1, i).strip();
        int destStart = i + 2;
        int destEnd;
        String destination;
        int destLimit = Math.min(end, destStart + MAX_LINK_PART);
        if (destStart < body.length() && body.charAt(destStart) == '<') {
            destEnd = indexOf('>', destStart, destLimit);
            if (destEnd < 0) {
                return open + 1;
            }
            destination = body.substring(destStart + 1, destEnd);
            destEnd++;
        } else {
            destEnd = destStart;
            int parens = 0;
            while (destEnd < destLimit && !code[destEnd]) {
                char c = body.charAt(destEnd);
                if (Character.isWhitespace(c) || (c == ')' && parens == 0)) {
                    break;
                }
                parens += c == '(' ? 1 : c == ')' ? -1 : 0;
                destEnd++;
            }
            destination = body.substring(destStart, destEnd);
        }
        int close = indexOf(')', destEnd, Math.min(end, destEnd + MAX_LINK_PART));
        if (close < 0) {
            return open + 1;
        }
        noteTarget(destination).ifPresent(target -> links.add(new WikiLink(target.name(), target.heading(),
                text.isEmpty() ? Optional.empty() : Optional.of(text), embed, position(start))));
        return close + 1;
    }

    /**
     * For each {@code [} outside code, the index of its {@code ]} on the same line (brackets nest), else -1: one
     * pass over the body, so a line of a million unclosed brackets costs no more than one of letters.
     */
    private int[] bracketCloses() {
        int[] closes = new int[body.length()];
        Arrays.fill(closes, -1);
        ArrayDeque<Integer> open = new ArrayDeque<>();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\n') {
                open.clear();
            } else if (code[i]) {
                continue;
            } else if (c == '\\') {
                i++;
            } else if (c == '[') {
                open.push(i);
            } else if (c == ']' && !open.isEmpty()) {
                closes[open.pop()] = i;
            }
        }
        return closes;
    }

    /** The first {@code c} in {@code [from, to)}, or -1. */
    private int indexOf(char c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (body.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    private record MarkdownTarget(String name, Optional<String> heading) {
    }

    /** The note a markdown link's destination names: no scheme, percent escapes decoded, the heading apart. */
    private static Optional<MarkdownTarget> noteTarget(String destination) {
        if (destination.isEmpty() || destination.matches("[A-Za-z][A-Za-z0-9+.-]*:.*")) {
            return Optional.empty();
        }
        String decoded = percentDecoded(destination);
        int hash = decoded.indexOf('#');
        String name = (hash < 0 ? decoded : decoded.substring(0, hash)).strip();
        if (name.isEmpty()) {
            return Optional.empty(); // [x](#Heading): a place in this note
        }
        String heading = hash < 0 ? "" : decoded.substring(hash + 1).strip();
        return Optional.of(new MarkdownTarget(name, heading.isEmpty() ? Optional.empty() : Optional.of(heading)));
    }

    /** {@code My%20note.md} as {@code My note.md}; a broken escape stays as written. */
    private static String percentDecoded(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); ) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length() && isHex(text.charAt(i + 1)) && isHex(text.charAt(i + 2))) {
                bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 3;
            } else {
                int cp = text.codePointAt(i);
                byte[] utf8 = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
                bytes.write(utf8, 0, utf8.length);
                i += Character.charCount(cp);
            }
        }
        String decoded = bytes.toString(StandardCharsets.UTF_8);
        return decoded.indexOf('\uFFFD') >= 0 ? text : decoded;
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
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
