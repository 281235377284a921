package dev.pce.pkm.note;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the link targets of a note's text are, so an editor can rewrite them and leave every other character as it
 * is. Body wikilinks are the ones {@link NoteParser} finds (so code, and whatever else the parser ignores, is left
 * alone); markdown links {@code [label](note.md)} are found outside code and comments; in the front matter, every
 * {@code [[target]]} value counts.
 */
public final class LinkLocations {
    /** {@code [label](destination "title")}, {@code <destination>} allowed, on one line. */
    private static final Pattern MARKDOWN_LINK =
            Pattern.compile("\\[[^\\]\\n]*]\\(\\s*(<[^>\\n]*>|[^)\\s]+)(?:\\s+\"[^\"\\n]*\")?\\s*\\)");
    private static final Pattern FRONT_MATTER_LINK = Pattern.compile("\\[\\[([^\\[\\]\\n]+)]]");

    private LinkLocations() {
    }

    /** A link target in the text: the characters {@code [start, end)}, which read {@link #target()}. */
    public sealed interface Location {
        int start();

        int end();

        String target();
    }

    /**
     * The target of {@code [[target#heading|alias]]} or {@code ![[target]]}, without heading and alias.
     *
     * @param inFrontMatter whether it is a front matter value rather than a link of the body
     */
    public record Wiki(int start, int end, String target, boolean inFrontMatter) implements Location {
    }

    /**
     * The path of a markdown link or embed ({@code [x](path)}, {@code ![x](path)}), as written: percent-encoded,
     * without {@code <>} or anchor; relative (no URL scheme, not only an {@code #anchor}).
     */
    public record Markdown(int start, int end, String target, boolean angleBrackets) implements Location {
    }

    /**
     * Every link target of {@code text} (a note's text with {@code \n} line ends) that names a note, in order of
     * position: wikilinks and the markdown links to {@code .md} files.
     */
    public static List<Location> in(String text) {
        return in(text, LinkLocations::isNotePath);
    }

    /**
     * Every link target of {@code text}, as {@link #in} finds them, with the markdown links and embeds to any file
     * ({@code ![x](pics/a.png)}, {@code [x](notes.pdf)}): what depends on the note's folder.
     */
    public static List<Location> withFiles(String text) {
        return in(text, LinkLocations::isRelativePath);
    }

    private static List<Location> in(String text, Predicate<String> markdownTarget) {
        NoteText note = new NoteText(text, false, false);
        String body = note.body();
        int bodyStart = text.length() - body.length();
        List<Location> found = new ArrayList<>();
        frontMatter(note.head(), found);
        wikiLinks(body, bodyStart, found);
        markdownLinks(body, bodyStart, markdownTarget, found);
        found.sort(Comparator.comparingInt(Location::start));
        return List.copyOf(found);
    }

    private static void frontMatter(String head, List<Location> found) {
        Matcher m = FRONT_MATTER_LINK.matcher(head);
        while (m.find()) {
            targetOf(head, m.start(1), m.end(1), 0, true).ifPresent(found::add);
        }
    }

    private static void wikiLinks(String body, int bodyStart, List<Location> found) {
        int[] lineStarts = BodyScanner.lineStarts(body);
        for (WikiLink link : BodyScanner.scan(body, 1).links()) {
            if (link.isSelfLink()) {
                continue;
            }
            int lineStart = lineStarts[link.position().line() - 1];
            int at = body.offsetByCodePoints(lineStart, link.position().column() - 1) + (link.embed() ? 1 : 0);
            int close = body.startsWith("[[", at) ? body.indexOf("]]", at + 2) : -1;
            if (close >= 0) {
                targetOf(body, at + 2, close, bodyStart, false).ifPresent(found::add);
            }
        }
    }

    /** The target part of a wikilink's inner text {@code [from, to)}: before {@code #}, {@code |} or {@code \|}. */
    private static Optional<Location> targetOf(String text, int from, int to, int shift,
                                                         boolean inFrontMatter) {
        int end = from;
        while (end < to && text.charAt(end) != '#' && text.charAt(end) != '|'
                && !(text.charAt(end) == '\\' && end + 1 < to && text.charAt(end + 1) == '|')) {
            end++;
        }
        int start = from;
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (start == end) {
            return Optional.empty();
        }
        return Optional.of(new Wiki(start + shift, end + shift, text.substring(start, end), inFrontMatter));
    }

    private static void markdownLinks(String body, int bodyStart, Predicate<String> wanted, List<Location> found) {
        boolean[] code = BodyScanner.codeMask(body); // comments too: they hide links as code does
        Matcher m = MARKDOWN_LINK.matcher(body);
        while (m.find()) {
            if (code[m.start()] || (m.start() > 0 && body.charAt(m.start() - 1) == '\\')) {
                continue;
            }
            String destination = m.group(1);
            boolean angle = destination.startsWith("<");
            int start = m.start(1) + (angle ? 1 : 0);
            int end = m.end(1) - (angle ? 1 : 0);
            int anchor = body.indexOf('#', start);
            if (anchor >= 0 && anchor < end) {
                end = anchor;
            }
            String path = body.substring(start, end);
            if (wanted.test(path)) {
                found.add(new Markdown(start + bodyStart, end + bodyStart, path, angle));
            }
        }
    }

    /** A relative path to a markdown file: no URL scheme ({@code https:}, {@code obsidian:}), ends in {@code .md}. */
    private static boolean isNotePath(String path) {
        return path.toLowerCase(Locale.ROOT).endsWith(".md") && isRelativePath(path);
    }

    /** A path, not a URL ({@code https:}, {@code mailto:}, {@code obsidian:}) nor only an anchor (empty here). */
    private static boolean isRelativePath(String path) {
        return !path.isBlank() && !path.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*");
    }
}
