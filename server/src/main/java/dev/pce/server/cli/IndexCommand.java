package dev.pce.server.cli;

import dev.pce.engine.workspace.Workspace;
import dev.pce.pkm.index.UpdateResult;
import dev.pce.pkm.index.VaultIndex;
import dev.pce.pkm.note.NoteProblem;
import dev.pce.pkm.vault.Vault;
import dev.pce.server.logging.LoggingSetup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code ce index}: bring the vault's search index up to date, or rebuild it from scratch. */
@Command(name = "index", mixinStandardHelpOptions = true,
        description = "Index the vault's notes for search: only changed files are read again (--rebuild starts "
                + "afresh). The index is a cache in the workspace; deleting it loses nothing.")
public final class IndexCommand implements Callable<Integer> {
    /** The vault directory; default {@code vault/} in the workspace. */
    static final String VAULT_VARIABLE = "CE_VAULT";
    /** The index of the project's own vault (other projects' vaults get their own names later). */
    static final String PROJECT_VAULT = "project";

    @Mixin
    WorkspaceOption workspaceOption = new WorkspaceOption();

    @Option(names = "--vault", paramLabel = "DIR",
            description = "The vault to index (default: $CE_VAULT, else vault/ in the workspace).")
    Path vaultDir;

    @Option(names = "--rebuild", description = "Drop the index and index every note again.")
    boolean rebuild;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        LoggingSetup.configureForCli();
        Workspace workspace = workspaceOption.open();
        Vault vault = Vault.open(vaultDirectory(workspace));
        PrintWriter out = spec.commandLine().getOut();
        try (VaultIndex index = VaultIndex.open(workspace.indexDir().resolve(PROJECT_VAULT), PROJECT_VAULT)) {
            UpdateResult result = rebuild ? index.rebuild(vault) : index.update(vault);
            out.printf("Vault %s -> index %s%n", vault.root(), index.directory());
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
        out.flush();
        return 0;
    }

    /** --vault, else CE_VAULT, else vault/ in the workspace (created empty on first use). */
    private Path vaultDirectory(Workspace workspace) {
        if (vaultDir != null) {
            return vaultDir;
        }
        String configured = System.getenv(VAULT_VARIABLE);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path defaultVault = workspace.root().resolve("vault");
        try {
            Files.createDirectories(defaultVault);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the vault directory " + defaultVault, e);
        }
        return defaultVault;
    }
}
