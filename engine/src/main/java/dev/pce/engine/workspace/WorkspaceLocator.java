package dev.pce.engine.workspace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the workspace directory: {@code CE_WORKSPACE} if set; else {@code .ce-workspace} at the top of the git
 * repository containing the current directory, the main worktree's top for a linked worktree, so every worktree of
 * one repository shares one workspace; else {@code .ce-workspace} in the current directory. Reads {@code .git}
 * files itself instead of running git, which keeps start-up fast and works where git is not installed.
 */
public final class WorkspaceLocator {
    public static final String ENV_VARIABLE = "CE_WORKSPACE";
    public static final String DIR_NAME = ".ce-workspace";

    private WorkspaceLocator() {
    }

    public static Path locate(Map<String, String> env, Path cwd) {
        Path current = cwd.toAbsolutePath().normalize();
        return configured(env, current).orElseGet(() -> repositoryTop(current).orElse(current).resolve(DIR_NAME));
    }

    /** The workspace {@code CE_WORKSPACE} names (relative to {@code cwd}), if it is set. */
    public static Optional<Path> configured(Map<String, String> env, Path cwd) {
        String configured = env.get(ENV_VARIABLE);
        if (configured == null || configured.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(cwd.toAbsolutePath().normalize().resolve(configured.trim()).normalize());
    }

    /** The top of the main worktree of the repository containing {@code dir}, if any. */
    static Optional<Path> repositoryTop(Path dir) {
        for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
            Path dotGit = candidate.resolve(".git");
            if (Files.isDirectory(dotGit)) {
                return Optional.of(candidate);
            }
            if (Files.isRegularFile(dotGit)) {
                return Optional.of(mainWorktreeOf(candidate, dotGit));
            }
        }
        return Optional.empty();
    }

    /** A {@code .git} file points at a linked worktree's git dir, whose {@code commondir} leads to the main one. */
    private static Path mainWorktreeOf(Path worktree, Path dotGitFile) {
        try {
            String content = Files.readString(dotGitFile, StandardCharsets.UTF_8).trim();
            if (!content.startsWith("gitdir:")) {
                return worktree;
            }
            Path gitDir = worktree.resolve(content.substring("gitdir:".length()).trim()).normalize();
            Path commonDirFile = gitDir.resolve("commondir");
            if (!Files.isRegularFile(commonDirFile)) {
                return worktree; // a submodule: it has its own workspace
            }
            Path commonDir = gitDir.resolve(Files.readString(commonDirFile, StandardCharsets.UTF_8).trim()).normalize();
            Path mainTop = commonDir.getParent();
            boolean standardLayout = commonDir.getFileName() != null
                    && commonDir.getFileName().toString().equals(".git") && mainTop != null;
            return standardLayout ? mainTop : worktree;
        } catch (IOException e) {
            return worktree;
        }
    }
}
