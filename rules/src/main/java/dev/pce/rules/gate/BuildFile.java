package dev.pce.rules.gate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.engine.Json;
import dev.pce.rules.config.ProjectConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A build or package file that tells what a repository builds: pom.xml, build.gradle, package.json, Cargo.toml,
 * setup.py and the like.
 *
 * @param path the path relative to the repository, with '/' separators ("server/pom.xml")
 * @param name the file name ("pom.xml")
 * @param text the file's content
 */
record BuildFile(String path, String name, String text) {
    static final Set<String> NAMES = Set.of("pom.xml", "build.gradle", "build.gradle.kts", "package.json",
            "Cargo.toml", "setup.py", "setup.cfg", "pyproject.toml");
    /** Directories that hold copies, output or dependencies, not the project's own modules. */
    private static final Set<String> SKIPPED = Set.of("node_modules", "target", "build", "dist", "out", "vendor");
    private static final ObjectMapper JSON = Json.plain();

    /**
     * The build files at the repository's root, then those one directory down (modules of a multi-module build,
     * packages of a monorepo), each level sorted by path.
     */
    static List<BuildFile> find(Path repository) {
        List<BuildFile> found = new ArrayList<>(in(repository, repository));
        try (Stream<Path> children = Files.list(repository)) {
            for (Path child : children.filter(Files::isDirectory).sorted().toList()) {
                String name = child.getFileName().toString();
                if (!name.startsWith(".") && !SKIPPED.contains(name)) {
                    found.addAll(in(repository, child));
                }
            }
        } catch (IOException e) {
            throw unreadable(repository, e);
        }
        return found;
    }

    private static List<BuildFile> in(Path repository, Path directory) {
        List<BuildFile> found = new ArrayList<>();
        for (String name : NAMES.stream().sorted().toList()) {
            Path file = directory.resolve(name);
            if (Files.isRegularFile(file)) {
                try {
                    found.add(new BuildFile(repository.relativize(file).toString().replace('\\', '/'), name,
                            Files.readString(file)));
                } catch (IOException e) {
                    throw unreadable(file, e);
                }
            }
        }
        return found;
    }

    /**
     * The file as JSON (for package.json).
     *
     * @throws CeException {@code INVALID_ARGUMENT} naming the file and the position when it is not JSON
     */
    JsonNode json() {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new CeException(ErrorCode.INVALID_ARGUMENT, "Cannot read " + path + " as JSON to detect the project"
                    + " type: " + e.getOriginalMessage() + " (line " + e.getLocation().getLineNr() + ").",
                    "Correct " + path + ", or set project_type in " + ProjectConfig.CE_CONFIG
                            + " so PCE need not detect the type.", e);
        }
    }

    private static CeException unreadable(Path path, IOException e) {
        return new CeException(ErrorCode.IO, "Cannot read " + path + " to detect the project type: " + e.getMessage(),
                "Check that it is readable, or set project_type in " + ProjectConfig.CE_CONFIG + ".",
                e);
    }
}
