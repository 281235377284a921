package dev.pce.server.quality;

import java.net.URI;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * File names as GitHub annotates them and people read them: relative to the repository's root, with '/'. Tools write
 * them relative, absolute or as {@code file:} URIs (ESLint's SARIF); a file outside the repository stays as written.
 */
public final class RepoPaths {
    /** A URI of a scheme other than file: ("https://..."), which names no file here. */
    private static final Pattern OTHER_URI = Pattern.compile("(?!file:)[a-zA-Z][a-zA-Z0-9+.-]*://");

    private final Path root;

    public RepoPaths(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /** {@code file} relative to the root when it lies inside it; as written otherwise; empty stays empty. */
    public String relative(String file) {
        if (file.isBlank()) {
            return "";
        }
        if (OTHER_URI.matcher(file).lookingAt()) {
            return file;
        }
        Path path;
        try {
            path = file.startsWith("file:") ? Path.of(URI.create(file)) : Path.of(file);
        } catch (IllegalArgumentException | FileSystemNotFoundException e) {
            // not a path of this machine (another OS's, a URI of another scheme): shown as written
            return file;
        }
        Path normal = path.normalize();
        if (!normal.isAbsolute()) {
            return slashes(normal);
        }
        return normal.startsWith(root) ? slashes(root.relativize(normal)) : file;
    }

    private static String slashes(Path path) {
        return path.toString().replace('\\', '/');
    }
}
