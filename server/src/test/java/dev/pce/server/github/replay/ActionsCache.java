package dev.pce.server.github.replay;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The repository's Actions cache, shared by the runs of one replay as GitHub shares it between a repository's
 * runs: entries by key, each the files saved under it (relative to the workspace that saved them), never changed
 * once saved.
 */
final class ActionsCache {
    private final Path root;

    ActionsCache(Path root) {
        this.root = root;
    }

    /** The cache of a replay: in its work directory. */
    static ActionsCache of(ActionStep step) {
        return new ActionsCache(step.run.replay.workDirectory().resolve("actions-cache"));
    }

    boolean has(String key) {
        return Files.isDirectory(entry(key));
    }

    /** The key to restore: {@code key} itself, else the newest entry whose key starts with a restore key, in order. */
    Optional<String> match(String key, List<String> restoreKeys) throws IOException {
        if (has(key)) {
            return Optional.of(key);
        }
        for (String prefix : restoreKeys) {
            Optional<String> newest = keys().filter(saved -> saved.startsWith(prefix)).max(Comparator.comparing(
                    this::savedAt));
            if (newest.isPresent()) {
                return newest;
            }
        }
        return Optional.empty();
    }

    /** Saves {@code files} (under {@code workspace}) as the entry {@code key}. */
    void save(String key, List<Path> files, Path workspace) throws IOException {
        Path entry = entry(key);
        Path content = Files.createDirectories(entry.resolve("content"));
        for (Path file : files) {
            Path copy = content.resolve(workspace.relativize(file).toString());
            Files.createDirectories(copy.getParent());
            Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES);
        }
        Files.writeString(entry.resolve("key"), key);
    }

    /** Copies the entry {@code key} into {@code workspace}, at the paths it was saved from. */
    void restore(String key, Path workspace) {
        Artifacts.extract(entry(key).resolve("content"), workspace);
    }

    private Stream<String> keys() throws IOException {
        if (!Files.isDirectory(root)) {
            return Stream.empty();
        }
        try (Stream<Path> entries = Files.list(root)) {
            return entries.filter(entry -> Files.isRegularFile(entry.resolve("key"))).map(entry -> {
                try {
                    return Files.readString(entry.resolve("key"));
                } catch (IOException e) {
                    throw new IllegalStateException("an unreadable cache entry " + entry, e);
                }
            }).toList().stream();
        }
    }

    private long savedAt(String key) {
        try {
            return Files.getLastModifiedTime(entry(key).resolve("key")).toMillis();
        } catch (IOException e) {
            throw new IllegalStateException("an unreadable cache entry for " + key, e);
        }
    }

    /** Keys may hold any character and be long: the folder is named by the key's SHA-256. */
    private Path entry(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return root.resolve(HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
