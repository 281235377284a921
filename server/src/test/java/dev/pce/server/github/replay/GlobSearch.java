package dev.pce.server.github.replay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * File patterns as {@code @actions/glob} reads them, for upload-artifact's {@code path} and {@code hashFiles}: one
 * pattern a line ({@code #} starts a comment, {@code !} excludes), relative to the workspace, {@code *}, {@code ?},
 * {@code [...]} within a path segment and {@code **} for any number of segments; a pattern that names a directory
 * takes everything under it. A pattern searches from its part before the first wildcard ("search path").
 */
final class GlobSearch {
    private final List<Line> lines;

    /** One pattern line. */
    private record Line(boolean negate, Pattern regex, boolean directoriesOnly, Path searchPath) {
    }

    private GlobSearch(List<Line> lines) {
        this.lines = lines;
    }

    static GlobSearch of(Path workspace, String patterns) {
        List<Line> lines = new ArrayList<>();
        for (String raw : patterns.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            boolean negate = false;
            while (line.startsWith("!")) {
                negate = !negate;
                line = line.substring(1).strip();
            }
            if (line.startsWith("~")) {
                line = System.getProperty("user.home") + line.substring(1);
            }
            boolean trailing = line.endsWith("/");
            Path absolute = workspace.resolve(line).normalize();
            List<String> segments = new ArrayList<>();
            absolute.forEach(segment -> segments.add(segment.toString()));
            Path searchPath = absolute.getRoot();
            for (String segment : segments) {
                if (segment.matches(".*[*?\\[].*")) {
                    break;
                }
                searchPath = searchPath.resolve(segment);
            }
            lines.add(new Line(negate, regex(segments, false), trailing, searchPath));
            if (trailing || !segments.getLast().equals("**")) {
                // implicit descendants: a pattern matching a directory matches what is under it
                lines.add(new Line(negate, regex(segments, true), false, searchPath));
            }
        }
        return new GlobSearch(lines);
    }

    /** The search paths, without those under another one (negated patterns have none). */
    List<Path> searchPaths() {
        Set<Path> all = new LinkedHashSet<>();
        lines.stream().filter(line -> !line.negate()).forEach(line -> all.add(line.searchPath()));
        List<Path> result = new ArrayList<>();
        for (Path path : all) {
            boolean underAnother = false;
            for (Path parent = path.getParent(); parent != null; parent = parent.getParent()) {
                underAnother |= all.contains(parent);
            }
            if (!underAnother) {
                result.add(path);
            }
        }
        return result;
    }

    /**
     * The regular files the patterns match, in search order.
     *
     * @param includeHidden whether files and folders whose name starts with a dot are searched
     */
    List<Path> files(boolean includeHidden) {
        Set<Path> found = new LinkedHashSet<>();
        for (Path searchPath : searchPaths()) {
            if (!Files.exists(searchPath)) {
                continue;
            }
            Deque<Path> stack = new ArrayDeque<>();
            stack.push(searchPath);
            while (!stack.isEmpty()) {
                Path item = stack.pop();
                if (!includeHidden && item.getFileName() != null && item.getFileName().toString().startsWith(".")) {
                    continue;
                }
                if (Files.isDirectory(item)) {
                    try (Stream<Path> children = Files.list(item)) {
                        children.sorted(Comparator.reverseOrder()).forEach(stack::push);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                } else if (Files.isRegularFile(item) && matches(item)) {
                    found.add(item);
                }
            }
        }
        return List.copyOf(found);
    }

    private boolean matches(Path file) {
        boolean matched = false;
        for (Line line : lines) {
            if (!line.directoriesOnly() && line.regex().matcher(file.toString()).matches()) {
                matched = !line.negate();
            }
        }
        return matched;
    }

    private static Pattern regex(List<String> segments, boolean descendants) {
        StringBuilder regex = new StringBuilder();
        for (String segment : segments) {
            if (segment.equals("**")) {
                regex.append("(?:/.*)?");
            } else {
                regex.append('/').append(segmentRegex(segment));
            }
        }
        if (descendants) {
            regex.append("(?:/.*)");
        }
        return Pattern.compile(regex.toString());
    }

    private static String segmentRegex(String segment) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            switch (c) {
                case '*' -> regex.append("[^/]*");
                case '?' -> regex.append("[^/]");
                case '[' -> {
                    int close = segment.indexOf(']', i + 2);
                    if (close < 0) {
                        regex.append("\\[");
                    } else {
                        String set = segment.substring(i + 1, close);
                        regex.append('[').append(set.startsWith("!") ? "^" + set.substring(1) : set).append(']');
                        i = close;
                    }
                }
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return regex.toString();
    }
}
