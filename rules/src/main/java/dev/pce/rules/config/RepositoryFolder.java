package dev.pce.rules.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A folder of the repository as a committed setting names it ({@code vault: docs/solutions}): relative to the
 * repository, {@code /}-separated, inside it, and not hidden. A setting the team shares through git must mean the
 * same folder in every clone and worktree, so an absolute path, a way out ({@code ..}) or the repository itself is
 * refused; and hidden folders ({@code .git}, the git-ignored {@code .ce-workspace}) are where nothing can be shared.
 *
 * @param path the folder, normalized: no {@code .} or empty segments, no trailing {@code /}
 */
public record RepositoryFolder(String path) {

    public RepositoryFolder {
        Objects.requireNonNull(path, "path");
        if (!problem(path).isEmpty() || !normalized(path).equals(path)) {
            throw new IllegalArgumentException("not a normalized repository folder: " + path);
        }
    }

    /**
     * The folder {@code text} names.
     *
     * @throws IllegalArgumentException with what is wrong, in words a person can act on
     */
    public static RepositoryFolder parse(String text) {
        String problem = problem(text);
        if (!problem.isEmpty()) {
            throw new IllegalArgumentException(problem);
        }
        return new RepositoryFolder(normalized(text));
    }

    /** The folder in the repository (or worktree) at {@code repository}. */
    public Path in(Path repository) {
        return repository.resolve(path).normalize();
    }

    /** What is wrong with {@code text} as a folder of the repository; empty when nothing is. */
    private static String problem(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return "is empty";
        }
        if (t.chars().anyMatch(Character::isISOControl)) {
            return "has a control character";
        }
        if (t.contains("\\")) {
            return "has a '\\'; separate folders with '/'";
        }
        if (t.startsWith("/") || t.matches("[A-Za-z]:.*")) {
            return "is an absolute path; a committed setting names a folder relative to the repository";
        }
        List<String> parts = parts(t);
        if (parts.contains("..")) {
            return "leads out of the repository ('..')";
        }
        if (parts.stream().anyMatch(part -> part.startsWith("."))) {
            return "is hidden or inside a hidden folder (git ignores the workspace; PCE skips hidden folders)";
        }
        if (parts.isEmpty()) {
            return "is the repository itself, not a folder in it";
        }
        return "";
    }

    private static String normalized(String text) {
        return String.join("/", parts(text.strip()));
    }

    private static List<String> parts(String text) {
        List<String> parts = new ArrayList<>();
        for (String part : text.split("/")) {
            if (!part.isEmpty() && !part.equals(".")) {
                parts.add(part);
            }
        }
        return parts;
    }

    @Override
    public String toString() {
        return path;
    }
}
