package dev.pce.rules.learned;

import dev.pce.engine.AtomicFile;
import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.engine.Json;
import dev.pce.engine.workspace.Workspace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The versions of the learned rules in a workspace: {@code <workspace>/rules/learned/v0001/} and so on, each with
 * its rule files and a {@code manifest.json}. A version is written in a staging directory and renamed into place in
 * one step, so a reader sees a version whole or not at all, and two writers cannot both write one number. Versions
 * are never changed or deleted: the highest is the current one.
 */
public final class LearnedRuleStore {
    /** Where the versions are, relative to the workspace. */
    public static final Path WORKSPACE_DIRECTORY = Path.of("rules", "learned");
    static final String MANIFEST = "manifest.json";
    private static final Pattern VERSION_DIRECTORY = Pattern.compile("v(\\d{4,9})");

    private final Path directory;

    public LearnedRuleStore(Path directory) {
        this.directory = directory;
    }

    /** The store of the workspace at {@code workspaceRoot}. */
    public static LearnedRuleStore inWorkspace(Path workspaceRoot) {
        return new LearnedRuleStore(workspaceRoot.resolve(WORKSPACE_DIRECTORY));
    }

    public Path directory() {
        return directory;
    }

    /** Every version, oldest first; none when nothing was learned yet. */
    public List<LearnedVersion> versions() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(directory)) {
            List<LearnedVersion> versions = new ArrayList<>();
            for (Path entry : entries.toList()) {
                Matcher matcher = VERSION_DIRECTORY.matcher(entry.getFileName().toString());
                if (matcher.matches() && Files.isDirectory(entry)) {
                    versions.add(readManifest(entry));
                }
            }
            versions.sort(Comparator.comparingInt(LearnedVersion::version));
            return versions;
        } catch (IOException e) {
            throw io("list the learned rule versions in " + directory, e);
        }
    }

    /** The current version: the highest. */
    public Optional<LearnedVersion> current() {
        List<LearnedVersion> versions = versions();
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.getLast());
    }

    /** Version {@code number}, or an error naming the versions there are. */
    public LearnedVersion version(int number) {
        List<LearnedVersion> versions = versions();
        return versions.stream().filter(v -> v.version() == number).findFirst().orElseThrow(() ->
                new CeException(ErrorCode.INVALID_ARGUMENT, "There is no learned rules version " + number + " in "
                        + directory + (versions.isEmpty() ? "; nothing was learned yet."
                        : "; the versions are 1 to " + versions.getLast().version() + "."),
                        "Run 'ce rules history' to list the versions, and give one of their numbers."));
    }

    /** The rule files of the current version; none before anything is learned. */
    public List<Path> currentRuleFiles() {
        return current().map(this::ruleFiles).orElse(List.of());
    }

    /** The rule files of a version, in file order. */
    public List<Path> ruleFiles(LearnedVersion version) {
        Path dir = directoryOf(version.version());
        return version.rules().stream().map(entry -> dir.resolve(entry.file())).toList();
    }

    /** A new staging directory holding {@code files} (name to text), for validation before it becomes a version. */
    Path stage(Map<String, String> files) {
        try {
            Files.createDirectories(directory);
            Path staging = Files.createDirectory(directory.resolve(".staging-" + UUID.randomUUID()));
            for (Map.Entry<String, String> file : files.entrySet()) {
                Files.writeString(staging.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
            }
            return staging;
        } catch (IOException e) {
            throw io("write the learned rules under " + directory, e);
        }
    }

    /**
     * Makes a staged directory the version {@code version.version()}, with its manifest.
     *
     * @throws CeException {@link ErrorCode#CONFLICT} when another process wrote that version meanwhile
     */
    LearnedVersion commit(Path staging, LearnedVersion version) {
        Path target = directoryOf(version.version());
        try {
            Files.writeString(staging.resolve(MANIFEST), Json.mapper().writerWithDefaultPrettyPrinter()
                    .writeValueAsString(version), StandardCharsets.UTF_8);
            AtomicFile.syncDirectory(staging);
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            AtomicFile.syncDirectory(directory);
            return version;
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            discard(staging);
            throw new CeException(ErrorCode.CONFLICT, "Another process wrote learned rules version "
                    + version.version() + " in " + directory + " at the same time.",
                    "Run 'ce rules history' to see it, then learn or roll back again if still needed.", e);
        } catch (IOException e) {
            discard(staging);
            throw io("write learned rules version " + version.version() + " to " + target, e);
        }
    }

    /** Removes a staging directory whose rules were rejected. */
    void discard(Path staging) {
        Workspace.deleteTree(staging);
    }

    Path directoryOf(int version) {
        return directory.resolve(String.format("v%04d", version));
    }

    private static LearnedVersion readManifest(Path versionDir) {
        Path manifest = versionDir.resolve(MANIFEST);
        try {
            return Json.mapper().readValue(Files.readString(manifest, StandardCharsets.UTF_8), LearnedVersion.class);
        } catch (IOException e) {
            throw new CeException(ErrorCode.IO, "Cannot read the learned rules manifest " + manifest + ": "
                    + e.getMessage(), "PCE writes it with each version and never changes it; restore it from a "
                    + "backup, or move the directory " + versionDir + " aside.", e);
        }
    }

    private static CeException io(String what, IOException e) {
        return new CeException(ErrorCode.IO, "Cannot " + what + ": " + e.getMessage(),
                "Check that the workspace directory is writable and the disk is not full.", e);
    }
}
