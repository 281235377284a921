package dev.pce.server.wiring;

import dev.pce.engine.workspace.Workspace;
import dev.pce.pkm.knowledge.VaultSource;
import dev.pce.pkm.knowledge.VaultSources;
import dev.pce.server.quality.ProjectSettings;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The vaults every entry point of a project uses, the server and each {@code ce} command alike: the own vault is
 * {@code CE_VAULT}, else the folder the project's configuration names ({@code vault:} in {@code .ce/config.yml},
 * committed with the repository), else {@code vault/} in the workspace; then the other projects' vaults of
 * {@code CE_VAULTS}.
 */
public final class ProjectVaults {

    private ProjectVaults() {
    }

    /**
     * @throws dev.pce.engine.CeException {@code INVALID_ARGUMENT} when a configuration file, {@code CE_VAULTS} or
     *                                    {@code CE_PROJECT} is not valid
     */
    public static List<VaultSource> sources(Workspace workspace, ProjectSettings project,
                                            Map<String, String> environment) {
        boolean overridden = !environment.getOrDefault(VaultSources.VAULT_VARIABLE, "").isBlank();
        // CE_VAULT wins without reading the configuration: a broken file must not stop a vault named directly
        return VaultSources.fromEnvironment(workspace, environment,
                overridden ? Optional.empty() : project.vaultFolder());
    }
}
