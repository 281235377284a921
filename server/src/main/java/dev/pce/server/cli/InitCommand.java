package dev.pce.server.cli;

import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.rules.config.RepositoryFolder;
import dev.pce.server.init.ProjectInit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code ce init}: sets a repository up for PCE in Claude Code. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Write .mcp.json (the pce server), .claude/agents/ (ce-planner, ce-builder, ce-reviewer) and "
                + ".claude/commands/ (the ce-* workflows) into the repository, and with --vault the vault's folder "
                + "into .ce/config.yml. A file you have is kept unless --force; running it again changes nothing.")
public final class InitCommand implements Callable<Integer> {

    @Option(names = "--dir", paramLabel = "DIR",
            description = "The repository, an existing directory (default: the git top-level of the current "
                    + "directory, else the current directory).")
    Path dir;

    @Option(names = "--force", description = "Replace files that differ (.mcp.json: set the pce entry, keep others).")
    boolean force;

    @Option(names = "--vault", paramLabel = "DIR",
            description = "Keep the project's vault in this folder of the repository (e.g. docs/solutions), so its "
                    + "notes are committed and shared through git: sets 'vault: DIR' in .ce/config.yml, which the "
                    + "server and every ce command read, and creates the folder. Without it the vault stays in the "
                    + "git-ignored workspace.")
    String vault;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Path repository = dir != null ? existing(dir.toAbsolutePath().normalize())
                : workTreeTop(Path.of("").toAbsolutePath());
        Optional<RepositoryFolder> vaultFolder = Optional.ofNullable(vault).map(text -> folder(repository, text));
        String launcher = System.getenv().getOrDefault("CE_LAUNCHER", "ce");
        List<ProjectInit.FileResult> results = ProjectInit.run(repository, launcher, force, vaultFolder);
        PrintWriter out = spec.commandLine().getOut();
        out.println("PCE in " + repository + " (server: " + launcher + " serve)");
        for (ProjectInit.FileResult result : results) {
            out.printf("  %-9s %s%s%n", result.action().name().toLowerCase(Locale.ROOT), result.path(),
                    result.action() == ProjectInit.Action.KEPT ? "  (yours; --force to replace)" : "");
        }
        vaultFolder.ifPresent(folder -> out.println("The vault is " + folder + "/ in the repository: commit its notes;"
                + " its search index stays in the git-ignored workspace."));
        out.flush();
        return 0;
    }

    /**
     * The folder {@code --vault} names, relative to the repository (not to the current directory); an absolute path
     * must lie inside it. Checked before anything is written.
     */
    private static RepositoryFolder folder(Path repository, String text) {
        try {
            String relative = text;
            Path given = Path.of(text.strip()).normalize();
            if (given.isAbsolute() && given.startsWith(repository)) {
                String inside = repository.relativize(given).toString().replace('\\', '/');
                relative = inside.isEmpty() ? "." : inside;
            }
            return RepositoryFolder.parse(relative);
        } catch (IllegalArgumentException e) { // InvalidPathException is one too
            throw new CeException(ErrorCode.INVALID_ARGUMENT, "--vault " + text + " " + e.getMessage()
                    + "; nothing was written.", "Name a folder of the repository " + repository
                    + ", such as docs/solutions (CE_VAULT names a vault outside it, for yourself).");
        }
    }

    /** The repository --dir names; a typo must not leave a new folder with PCE's files behind, so nothing is made. */
    private static Path existing(Path repository) {
        if (!Files.isDirectory(repository)) {
            throw new CeException(ErrorCode.INVALID_ARGUMENT, "--dir " + repository + (Files.exists(repository)
                    ? " is not a directory" : " does not exist") + "; nothing was written.",
                    "Pass the folder of an existing repository, or create it first (git init " + repository + ").");
        }
        return repository;
    }

    /** The top of the git work tree holding {@code dir} (a linked worktree's own), else {@code dir}. */
    private static Path workTreeTop(Path dir) {
        for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
            if (Files.exists(candidate.resolve(".git"))) {
                return candidate;
            }
        }
        return dir;
    }
}
