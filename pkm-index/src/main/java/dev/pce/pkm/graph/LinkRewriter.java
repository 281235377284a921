package dev.pce.pkm.graph;

import dev.pce.pkm.note.LinkLocations;
import dev.pce.pkm.note.NoteId;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Rewrites the links to a note that moves (a new folder or file name) so they still lead to it: the one place
 * that decides which links name the moved note and how they name it afterwards.
 *
 * <p>A wikilink ({@code [[old]]}, {@code [[old|label]]}, {@code [[old#heading]]}, {@code ![[old]]}, or a front
 * matter {@code "[[old]]"}) is rewritten when the vault's link resolution ({@link LinkGraph#resolve}, from the linking note's folder) takes it to
 * the note now and would not once it moved; links by an id or title that survive the move stay as written. The new
 * target is the shortest that resolves to the moved note afterwards: the new file name, else its path without
 * {@code .md}; heading, alias and embed mark are kept. A markdown link {@code [x](old.md)} is rewritten when its
 * path, relative to the linking note's folder or else to the vault root, is the note's old path; it gets the new
 * path the same way (relative or from the root), percent-encoded unless written in {@code <>}. Links in code and
 * comments are never touched ({@link LinkLocations}).
 *
 * <p>The moved note's own text is rewritten by {@link #rewriteMoved}: its links to itself follow it as above, and
 * its relative markdown links and embeds to other files ({@code [x](../other/note.md)}, {@code ![x](pics/a.png)})
 * are written from its new folder, so they lead to the same files; wikilinks name notes, not folders, and stay.
 */
public final class LinkRewriter {
    private final LinkGraph before;
    private final LinkGraph after;
    private final LinkGraph.Node moved;
    private final LinkGraph.Node movedTo;
    private final Map<NoteId, String> paths = new HashMap<>();

    /** A note's text with its links rewritten, and how many were. */
    public record Rewrite(String text, int links) {
    }

    /**
     * @param notes   every note of the vault as it is now (the moved one included)
     * @param moved   the moved note now
     * @param movedTo the same note once moved (its new path; a new id when its id was its file name)
     */
    public LinkRewriter(List<LinkGraph.Node> notes, LinkGraph.Node moved, LinkGraph.Node movedTo) {
        this.moved = Objects.requireNonNull(moved, "moved");
        this.movedTo = Objects.requireNonNull(movedTo, "movedTo");
        List<LinkGraph.Node> afterNodes = new ArrayList<>(notes.size());
        for (LinkGraph.Node note : notes) {
            paths.put(note.id(), note.path());
            afterNodes.add(note.id().equals(moved.id()) ? movedTo : note);
        }
        this.before = LinkGraph.ofNodes(notes);
        this.after = LinkGraph.ofNodes(afterNodes);
    }

    /** The paths of the notes that link to the moved note now (the notes whose links may need rewriting). */
    public List<String> linkingPaths() {
        return before.backlinks(moved.id()).stream().map(paths::get).filter(Objects::nonNull).toList();
    }

    /** {@code text} (a note's text with {@code \n} line ends) of the note at {@code notePath}, links rewritten. */
    public Rewrite rewrite(String notePath, String text) {
        return rewrite(text, LinkLocations.in(text), link -> switch (link) {
            case LinkLocations.Wiki wiki -> wikiTarget(notePath, wiki.target());
            case LinkLocations.Markdown markdown -> markdownTarget(notePath, markdown);
        });
    }

    /**
     * {@code text} of the moved note, as it reads at its new path: its links to itself follow it, and each relative
     * markdown link or embed is written from the new folder to the file it led to. A link leads to the file its path
     * names from the note's folder, else, when only that exists, from the vault root (such a link stays as
     * written); a link to no file is read from the folder. Links written from the root ({@code /x.md}) or that
     * climb out of the vault stay as written.
     *
     * @param exists whether a file (any file: a note, an image) is at a vault-relative path now
     */
    public Rewrite rewriteMoved(String text, Predicate<String> exists) {
        return rewrite(text, LinkLocations.withFiles(text), link -> switch (link) {
            case LinkLocations.Wiki wiki -> wikiTarget(movedTo.path(), wiki.target());
            case LinkLocations.Markdown markdown -> ownTarget(markdown, exists);
        });
    }

    private static Rewrite rewrite(String text, List<LinkLocations.Location> links,
                                   Function<LinkLocations.Location, Optional<String>> replacements) {
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        int count = 0;
        for (LinkLocations.Location link : links) {
            Optional<String> replacement = replacements.apply(link);
            if (replacement.isPresent()) {
                out.append(text, copied, link.start()).append(replacement.get());
                copied = link.end();
                count++;
            }
        }
        out.append(text, copied, text.length());
        return new Rewrite(out.toString(), count);
    }

    private Optional<String> wikiTarget(String notePath, String target) {
        if (!before.resolve(target, notePath).equals(Optional.of(moved.id()))
                || after.resolve(target, notePath).equals(Optional.of(movedTo.id()))) {
            return Optional.empty();
        }
        String extension = target.toLowerCase(Locale.ROOT).endsWith(".md") ? ".md" : "";
        String path = withoutMd(movedTo.path());
        String name = path.substring(path.lastIndexOf('/') + 1);
        boolean nameIsEnough = !target.contains("/")
                && after.resolve(name, notePath).equals(Optional.of(movedTo.id()));
        return Optional.of((nameIsEnough ? name : path) + extension);
    }

    private Optional<String> markdownTarget(String notePath, LinkLocations.Markdown link) {
        String destination = link.angleBrackets() ? link.target() : percentDecoded(link.target());
        List<String> folder = folder(notePath);
        String oldPath = moved.path();
        String newPath;
        if (oldPath.equals(normalized(folder, destination))) {
            newPath = relative(folder, segments(movedTo.path()));
        } else if (oldPath.equals(normalized(List.of(), destination))) {
            newPath = movedTo.path();
        } else {
            return Optional.empty();
        }
        return Optional.of(link.angleBrackets() ? newPath : percentEncoded(newPath));
    }

    /** A link of the moved note itself: to itself, it follows the note; to another file, it is re-based. */
    private Optional<String> ownTarget(LinkLocations.Markdown link, Predicate<String> exists) {
        String destination = link.angleBrackets() ? link.target() : percentDecoded(link.target());
        List<String> oldFolder = folder(moved.path());
        List<String> newFolder = folder(movedTo.path());
        String fromFolder = normalized(oldFolder, destination);
        String fromRoot = normalized(List.of(), destination);
        String newPath;
        if (moved.path().equals(fromFolder)) {
            newPath = relative(newFolder, segments(movedTo.path()));
        } else if (moved.path().equals(fromRoot)) {
            newPath = movedTo.path();
        } else if (destination.startsWith("/") || fromFolder == null || fromFolder.isEmpty()
                || oldFolder.equals(newFolder) || (!exists.test(fromFolder) && fromRoot != null
                && exists.test(fromRoot))) {
            return Optional.empty(); // the same from the new folder: from the root, outside, or no folder change
        } else {
            newPath = relative(newFolder, segments(fromFolder));
        }
        if (newPath.equals(destination)) {
            return Optional.empty();
        }
        return Optional.of(link.angleBrackets() ? newPath : percentEncoded(newPath));
    }

    private static String withoutMd(String path) {
        return path.substring(0, path.length() - 3);
    }

    private static List<String> folder(String path) {
        List<String> segments = segments(path);
        return segments.subList(0, segments.size() - 1);
    }

    private static List<String> segments(String path) {
        return new ArrayList<>(Arrays.asList(path.split("/")));
    }

    /** {@code destination} resolved against {@code folder}: {@code .} and {@code ..} applied; null when it leaves. */
    private static String normalized(List<String> folder, String destination) {
        List<String> result = new ArrayList<>(folder);
        for (String segment : destination.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (result.isEmpty()) {
                    return null;
                }
                result.removeLast();
            } else {
                result.add(segment);
            }
        }
        return String.join("/", result);
    }

    /** The path from {@code folder} to {@code target}, with {@code ../} where it climbs. */
    private static String relative(List<String> folder, List<String> target) {
        int common = 0;
        while (common < folder.size() && common < target.size() - 1
                && folder.get(common).equals(target.get(common))) {
            common++;
        }
        List<String> parts = new ArrayList<>();
        for (int i = common; i < folder.size(); i++) {
            parts.add("..");
        }
        parts.addAll(target.subList(common, target.size()));
        return String.join("/", parts);
    }

    /** {@code %XX} sequences decoded as UTF-8 ({@code +} stays: this is a path, not a form). */
    private static String percentDecoded(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int i = 0;
        while (i < text.length()) {
            if (text.charAt(i) == '%' && i + 2 < text.length() && isHex(text.charAt(i + 1))
                    && isHex(text.charAt(i + 2))) {
                bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 3;
            } else {
                int next = text.indexOf('%', i + 1);
                int end = next < 0 ? text.length() : next;
                bytes.writeBytes(text.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end;
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }

    /** Spaces, {@code %}, parentheses and {@code <>} encoded: what would end or break a markdown link. */
    private static String percentEncoded(String path) {
        StringBuilder out = new StringBuilder(path.length());
        for (char c : path.toCharArray()) {
            switch (c) {
                case ' ' -> out.append("%20");
                case '%' -> out.append("%25");
                case '(' -> out.append("%28");
                case ')' -> out.append("%29");
                case '<' -> out.append("%3C");
                case '>' -> out.append("%3E");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
