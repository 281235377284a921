package dev.pce.server.init;

import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.rules.config.Configured;
import dev.pce.rules.config.ProjectConfig;
import dev.pce.rules.config.RepositoryFolder;
import dev.pce.server.init.ProjectInit.Action;
import dev.pce.server.init.ProjectInit.FileResult;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ce init --vault DIR}: the project's vault becomes a folder of the repository, committed and shared through
 * git. The setting goes into {@code .ce/config.yml} ({@code vault: DIR}), which the server and every command read;
 * the rest of the file stays as the person wrote it, comments included. The folder is created.
 */
final class VaultSetting {
    /** A top-level {@code vault:} line; PCE writes the key in block style, one line. */
    private static final Pattern VAULT_LINE = Pattern.compile("(?m)^vault[ \\t]*:.*$");

    private VaultSetting() {
    }

    static List<FileResult> write(Path repository, RepositoryFolder vault, boolean force) {
        Path file = repository.resolve(ProjectConfig.CE_CONFIG);
        try {
            FileResult setting = setting(repository, file, vault, force);
            Path folder = vault.in(repository);
            boolean created = !Files.isDirectory(folder);
            Files.createDirectories(folder);
            return List.of(setting, new FileResult(vault.path() + "/", created ? Action.CREATED : Action.UNCHANGED));
        } catch (IOException e) {
            throw new CeException(ErrorCode.IO, "Cannot write " + file + " or create " + vault.in(repository) + ": "
                    + e.getMessage(), "Check that the repository is writable.", e);
        }
    }

    private static FileResult setting(Path repository, Path file, RepositoryFolder vault, boolean force)
            throws IOException {
        String line = "vault: " + vault.path() + "\n";
        if (!Files.exists(file)) {
            ProjectInit.atomicWrite(file, "# The project's vault, committed and shared through git (ce init --vault).\n"
                    + line);
            return new FileResult(ProjectConfig.CE_CONFIG, Action.WROTE);
        }
        String existing = Files.readString(file, StandardCharsets.UTF_8);
        Optional<RepositoryFolder> configured = configured(repository);
        if (configured.equals(Optional.of(vault))) {
            return new FileResult(ProjectConfig.CE_CONFIG, Action.UNCHANGED);
        }
        boolean hasLine = VAULT_LINE.matcher(existing).find();
        if (hasLine && !force) {
            return new FileResult(ProjectConfig.CE_CONFIG, Action.KEPT);
        }
        String updated = hasLine ? VAULT_LINE.matcher(existing).replaceFirst(Matcher.quoteReplacement(line.strip()))
                : existing + (existing.isEmpty() || existing.endsWith("\n") ? "" : "\n") + line;
        ProjectInit.atomicWrite(file, updated);
        if (!names(repository, vault)) {
            // written in a style the line does not fit (a flow mapping, a key repeated): leave the file as it was
            ProjectInit.atomicWrite(file, existing);
            throw new CeException(ErrorCode.INVALID_ARGUMENT, file + " does not take the line '" + line.strip()
                    + "'; it was left as it was.", "Add the line 'vault: " + vault.path() + "' to " + file
                    + " by hand (a top-level key), then run ce init again.");
        }
        return new FileResult(ProjectConfig.CE_CONFIG, hasLine ? Action.OVERWROTE : Action.MERGED);
    }

    /** Whether {@code .ce/config.yml} now reads and names {@code vault}. */
    private static boolean names(Path repository, RepositoryFolder vault) {
        try {
            return configured(repository).equals(Optional.of(vault));
        } catch (CeException e) {
            return false;
        }
    }

    /** The vault {@code .ce/config.yml} names now (the file itself, not .github/ce-config.yml beneath it). */
    private static Optional<RepositoryFolder> configured(Path repository) {
        return ProjectConfig.read(repository).vault().filter(value -> value.file().equals(ProjectConfig.CE_CONFIG))
                .map(Configured::value);
    }
}
