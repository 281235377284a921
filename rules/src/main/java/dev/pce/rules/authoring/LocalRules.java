package dev.pce.rules.authoring;

import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A directory of a project's own rules: {@code .drl} files (anywhere below it) layered over the built-in rules, and
 * the scenario files that test them. By default {@code .ce/rules/} at the top of the git work tree.
 */
public record LocalRules(Path directory) {
    /** Where a project keeps its rules, relative to its top directory. */
    public static final Path PROJECT_DIRECTORY = Path.of(".ce", "rules");

    /**
     * The rules of the project {@code dir} belongs to: {@code .ce/rules/} at the top of its git work tree (the
     * nearest directory up holding {@code .git}, a linked worktree's own top), else in {@code dir} itself.
     */
    public static LocalRules ofProject(Path dir) {
        Path start = dir.toAbsolutePath().normalize();
        return new LocalRules(workTreeTop(start).orElse(start).resolve(PROJECT_DIRECTORY));
    }

    private static Optional<Path> workTreeTop(Path dir) {
        for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
            if (Files.exists(candidate.resolve(".git"))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    public boolean exists() {
        return Files.isDirectory(directory);
    }

    /** Every {@code .drl} file below the directory, sorted by path; none when the directory does not exist. */
    public List<Path> drlFiles() {
        if (!exists()) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(LocalRules::isDrl).filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new CeException(ErrorCode.IO, "Cannot list the rule files under " + directory + ": "
                    + e.getMessage(), "Check that the directory and its subdirectories are readable.", e);
        }
    }

    static boolean isDrl(Path file) {
        return file.getFileName() != null && file.getFileName().toString().endsWith(".drl");
    }
}
