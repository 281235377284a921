package dev.pce.server.github.replay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The artifacts of one run (its called workflows' too), each a folder of files as upload-artifact@v4 stores them:
 * names as the artifact service checks them, one upload per name unless {@code overwrite}.
 */
final class Artifacts {
    /** The characters upload-artifact refuses in a name. */
    private static final Map<String, String> INVALID_NAME_CHARACTERS = invalid();

    private final Path root;
    private final Map<String, Path> byName = new LinkedHashMap<>();

    Artifacts(Path root) {
        this.root = root;
    }

    private static Map<String, String> invalid() {
        Map<String, String> invalid = new LinkedHashMap<>(Map.of("\"", "Double quote \"", ":", "Colon :",
                "<", "Less than <", ">", "Greater than >", "|", "Vertical bar |"));
        invalid.putAll(Map.of("*", "Asterisk *", "?", "Question mark ?", "\r", "Carriage return \\r",
                "\n", "Line feed \\n", "\\", "Backslash \\", "/", "Forward slash /"));
        return invalid;
    }

    /** @throws IllegalArgumentException with upload-artifact's message for an empty name or a refused character */
    static void checkName(String name) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("Provided artifact name input during validation is empty");
        }
        for (Map.Entry<String, String> invalid : INVALID_NAME_CHARACTERS.entrySet()) {
            if (name.contains(invalid.getKey())) {
                throw new IllegalArgumentException("The artifact name is not valid: " + name
                        + ". Contains the following character: " + invalid.getValue());
            }
        }
    }

    synchronized Map<String, Path> all() {
        return Map.copyOf(byName);
    }

    /**
     * Stores {@code files} under {@code name}, each at its path relative to {@code rootDirectory}.
     *
     * @throws IllegalArgumentException when the name is taken and {@code overwrite} is false
     */
    synchronized Path upload(String name, List<Path> files, Path rootDirectory, boolean overwrite) {
        checkName(name);
        if (byName.containsKey(name) && !overwrite) {
            throw new IllegalArgumentException("Failed to CreateArtifact: Received non-retryable error: "
                    + "Failed request: (409) Conflict: an artifact with this name already exists on the workflow run");
        }
        Path target = root.resolve(name);
        try {
            delete(target);
            for (Path file : files) {
                Path relative = rootDirectory.relativize(file);
                if (relative.startsWith("..")) {
                    throw new IllegalArgumentException("The path for one of the files in artifact is not valid: "
                            + file + " is not under the artifact's root " + rootDirectory);
                }
                Path copy = target.resolve(relative);
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.createDirectories(target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byName.put(name, target);
        return target;
    }

    /** Copies every file of an artifact folder into {@code destination}, replacing files of the same path. */
    static void extract(Path artifact, Path destination) {
        try (Stream<Path> files = Files.walk(artifact)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path copy = destination.resolve(artifact.relativize(file).toString());
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.createDirectories(destination);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
