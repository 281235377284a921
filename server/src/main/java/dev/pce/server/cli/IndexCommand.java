package dev.pce.server.cli;

import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.engine.workspace.Workspace;
import dev.pce.pkm.index.UpdateResult;
import dev.pce.pkm.index.VaultIndex;
import dev.pce.pkm.knowledge.VaultSource;
import dev.pce.pkm.knowledge.VaultSources;
import dev.pce.pkm.note.NoteProblem;
import dev.pce.pkm.vault.Vault;
import dev.pce.server.quality.ProjectSettings;
import dev.pce.server.wiring.ProjectVaults;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code ce index}: bring the vaults' search indexes up to date, or rebuild them from scratch. */
@Command(name = "index", mixinStandardHelpOptions = true,
        description = "Index the notes of the project's vault ($CE_VAULT) and of the other projects' vaults "
                + "($CE_VAULTS) for search: only changed files are read again (--rebuild starts afresh). The indexes "
                + "are a cache in the workspace; deleting them loses nothing.")
public final class IndexCommand implements Callable<Integer> {

    @Mixin
    WorkspaceOption workspaceOption = new WorkspaceOption();

    @Option(names = "--vault", paramLabel = "DIR",
            description = "The project's vault (default: $CE_VAULT, else the vault of .ce/config.yml, else vault/ in "
                    + "the workspace).")
    Path vaultDir;

    @Option(names = "--rebuild", description = "Drop the indexes and index every note again.")
    boolean rebuild;

    @Override
    public Integer call() {
        Workspace workspace = workspaceOption.open();
        Map<String, String> env = new HashMap<>(System.getenv());
        if (vaultDir != null) {
            env.put(VaultSources.VAULT_VARIABLE, vaultDir.toString());
        }
        PrintWriter out = workspaceOption.out();
        int exit = 0;
        for (VaultSource source : ProjectVaults.sources(workspace, ProjectSettings.of(Path.of("").toAbsolutePath()),
                env)) {
            exit = Math.max(exit, index(workspace, source, out));
        }
        out.flush();
        return exit;
    }

    private int index(Workspace workspace, VaultSource source, PrintWriter out) {
        if (source.own()) {
            createFolder(source.root());
        }
        Vault vault = Vault.open(source.root());
        Path dir = source.indexDir(workspace);
        VaultIndex index;
        try {
            index = VaultIndex.open(dir, source.name());
        } catch (CeException e) {
            if (e.code() != ErrorCode.CONFLICT) {
                throw e;
            }
            out.printf("Vault '%s' (%s): a running PCE server keeps its index up to date; nothing to do.%n",
                    source.name(), vault.root());
            return 0;
        }
        try (index) {
            UpdateResult result = rebuild ? index.rebuild(vault) : index.update(vault);
            out.printf("Vault '%s' (%s) -> index %s%n", source.name(), vault.root(), index.directory());
            out.printf("%s: %d added, %d changed, %d deleted, %d unchanged, %d touched in %d ms; %d notes in the "
                            + "index%n", result.rebuilt() ? "Rebuilt" : "Updated", result.added(), result.changed(),
                    result.deleted(), result.unchanged(), result.touched(), result.took().toMillis(), index.size());
            for (NoteProblem problem : result.problems()) {
                out.println("  skipped " + problem.describe());
            }
            for (NoteProblem warning : result.warnings()) {
                out.println("  warning " + warning.describe());
            }
        }
        return 0;
    }

    private static void createFolder(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the vault directory " + dir, e);
        }
    }
}
