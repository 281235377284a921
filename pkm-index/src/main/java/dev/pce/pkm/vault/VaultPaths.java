package dev.pce.pkm.vault;

import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Keeps note paths inside the vault root. A note path is relative, {@code /}-separated, ends in {@code .md}, has
 * no {@code ..} segment and no hidden segment ({@code .obsidian}, {@code .git}, {@code .trash}, ...), and neither
 * it nor any directory on its way may be a symbolic link that leads outside the root. The checks are made at the
 * time of the call; the vault trusts that nobody swaps directories for links while it reads or writes.
 */
public final class VaultPaths {
    private static final int MAX_PATH_LENGTH = 1024;
    private final Path root;

    /** @param root the vault root as a real path (absolute, symbolic links resolved) */
    VaultPaths(Path root) {
        this.root = Objects.requireNonNull(root, "root");
    }

    /** Whether a file name is a note's: ends in {@code .md} (any case) and is not hidden. */
    public static boolean isNoteFileName(String name) {
        return name.length() > 3 && !name.startsWith(".") && name.toLowerCase(Locale.ROOT).endsWith(".md");
    }

    /**
     * Checks {@code relativePath} by its text alone and returns it normalized ({@code ./} and repeated
     * {@code /} dropped). Throws {@link ErrorCode#INVALID_ARGUMENT} naming the rule it breaks.
     */
    public static String normalize(String relativePath) {
        Objects.requireNonNull(relativePath, "relativePath");
        String shown = clip(relativePath);
        if (relativePath.isBlank()) {
            throw invalid("The note path is empty.", "Give a path relative to the vault root, such as insights/x.md.");
        }
        if (relativePath.length() > MAX_PATH_LENGTH) {
            throw invalid("The note path '" + shown + "' is longer than " + MAX_PATH_LENGTH + " characters.",
                    "Use a shorter folder and file name.");
        }
        if (relativePath.indexOf('\0') >= 0 || relativePath.chars().anyMatch(Character::isISOControl)) {
            throw invalid("The note path '" + shown.replaceAll("\\p{Cntrl}", "?") + "' has control characters.",
                    "Remove them from the path.");
        }
        if (relativePath.startsWith("/") || relativePath.startsWith("\\") || relativePath.matches("^[A-Za-z]:.*")) {
            throw invalid("The note path '" + shown + "' is absolute; only paths inside the vault are allowed.",
                    "Give the path relative to the vault root, such as insights/x.md.");
        }
        if (relativePath.indexOf('\\') >= 0) {
            throw invalid("The note path '" + shown + "' contains '\\'.",
                    "Separate folders with '/', such as insights/x.md.");
        }
        List<String> segments = new ArrayList<>();
        for (String segment : relativePath.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                throw invalid("The note path '" + shown + "' contains '..'; notes outside the vault are never read "
                        + "or written.", "Give a path inside the vault root without '..' segments.");
            }
            if (segment.startsWith(".")) {
                throw invalid("The note path '" + shown + "' goes through the hidden name '" + clip(segment)
                        + "'; hidden files and folders (.obsidian, .git, .trash) are not part of the vault.",
                        "Use a folder and file name that do not start with '.'.");
            }
            segments.add(segment);
        }
        if (segments.isEmpty() || !isNoteFileName(segments.getLast())) {
            throw invalid("The note path '" + shown + "' does not name a markdown file.",
                    "End the path with a file name ending in .md, such as insights/x.md.");
        }
        return String.join("/", segments);
    }

    /**
     * The absolute path of a note inside the vault, after the checks of {@link #normalize} and of the file system:
     * the path, and every directory on its way that exists, must stay inside the root once symbolic links are
     * resolved. The file need not exist.
     */
    public Path resolve(String relativePath) {
        String normalized = normalize(relativePath);
        Path resolved;
        try {
            resolved = root.resolve(normalized).normalize();
        } catch (InvalidPathException e) {
            throw invalid("The note path '" + clip(relativePath) + "' is not a valid path here: " + e.getReason()
                    + ".", "Use letters, digits, spaces, '-' and '_' in folder and file names.");
        }
        if (!resolved.startsWith(root)) {
            throw outside(relativePath, "leaves the vault root");
        }
        requireInside(resolved, relativePath);
        return resolved;
    }

    /**
     * Checks that {@code path} (absolute, inside the root by its text) and its existing ancestors stay inside the
     * root with links resolved; returns the real path of the nearest existing one.
     */
    Path requireInside(Path path, String shownPath) {
        Path probe = path;
        while (probe != null && !Files.exists(probe, LinkOption.NOFOLLOW_LINKS)) {
            probe = probe.getParent();
        }
        if (probe == null) {
            throw outside(shownPath, "has no existing directory inside the vault");
        }
        Path real;
        try {
            real = probe.toRealPath();
        } catch (IOException e) {
            throw outside(shownPath, "goes through a symbolic link whose target is missing ("
                    + root.relativize(probe) + ")");
        }
        if (!real.startsWith(root)) {
            // the link is named, never where it leads
            throw outside(shownPath, "goes through a symbolic link that leads outside the vault ("
                    + relative(probe) + ")");
        }
        return real;
    }

    /** {@code absolute} relative to the root, {@code /}-separated. */
    String relative(Path absolute) {
        Path rel = root.relativize(absolute);
        List<String> parts = new ArrayList<>();
        rel.forEach(p -> parts.add(p.toString()));
        return String.join("/", parts);
    }

    private static CeException outside(String relativePath, String how) {
        return invalid("The note path '" + clip(relativePath) + "' " + how + "; notes outside the vault are never "
                + "read or written.", "Give the path of a note inside the vault root, not through links that "
                + "lead out of it.");
    }

    private static CeException invalid(String message, String fix) {
        return new CeException(ErrorCode.INVALID_ARGUMENT, message, fix);
    }

    private static String clip(String value) {
        return value.length() <= 80 ? value : value.substring(0, 77) + "...";
    }
}
