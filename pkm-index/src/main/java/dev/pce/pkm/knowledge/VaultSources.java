package dev.pce.pkm.knowledge;

import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.engine.workspace.Workspace;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which vaults a server searches, from the environment:
 * <ul>
 *   <li>{@code CE_VAULT}: the project's own vault (default: the folder the project configures, else {@code vault/}
 *       in the workspace);</li>
 *   <li>{@code CE_VAULTS}: other projects' vaults, read only, separated like {@code PATH} entries
 *       ({@code :} on Unix), each {@code NAME=DIR} or just {@code DIR};</li>
 *   <li>{@code CE_PROJECT}: the project's name (default: the folder holding the workspace).</li>
 * </ul>
 * A vault without a name is named after its folder, or, for a folder called {@code vault}, after the project folder
 * that holds it.
 */
public final class VaultSources {
    public static final String VAULT_VARIABLE = "CE_VAULT";
    public static final String VAULTS_VARIABLE = "CE_VAULTS";
    public static final String PROJECT_VARIABLE = "CE_PROJECT";
    private static final String WORKSPACE_FOLDER = ".ce-workspace";

    private VaultSources() {
    }

    /** The vaults the environment names, the project's own first; without {@code CE_VAULT} it is in the workspace. */
    public static List<VaultSource> fromEnvironment(Workspace workspace, Map<String, String> env) {
        return fromEnvironment(workspace, env, Optional.empty());
    }

    /**
     * The vaults the environment names, the project's own first: {@code CE_VAULT}, else {@code configured} (the
     * folder the project's configuration names, such as a folder committed in the repository), else {@code vault/}
     * in the workspace.
     */
    public static List<VaultSource> fromEnvironment(Workspace workspace, Map<String, String> env,
                                                    Optional<Path> configured) {
        String project = projectName(workspace, env.getOrDefault(PROJECT_VARIABLE, ""));
        String ownDir = env.getOrDefault(VAULT_VARIABLE, "").strip();
        Path own = !ownDir.isEmpty() ? Path.of(ownDir).toAbsolutePath()
                : configured.map(Path::toAbsolutePath).orElseGet(() -> workspace.root().resolve("vault"));
        List<VaultSource> sources = new ArrayList<>();
        sources.add(new VaultSource(project, own.normalize(), true));
        Set<String> names = new HashSet<>(Set.of(key(project)));
        for (String entry : env.getOrDefault(VAULTS_VARIABLE, "").split(Pattern.quote(File.pathSeparator))) {
            if (entry.isBlank()) {
                continue;
            }
            VaultSource other = parseEntry(entry.strip());
            if (!names.add(key(other.name()))) {
                throw new CeException(ErrorCode.INVALID_ARGUMENT, VAULTS_VARIABLE + " names the vault '"
                        + other.name() + "' twice (or the project's own name).",
                        "Give each vault its own name: " + VAULTS_VARIABLE + "=billing=/path/to/vault:...");
            }
            sources.add(other);
        }
        return List.copyOf(sources);
    }

    private static VaultSource parseEntry(String entry) {
        int eq = entry.indexOf('=');
        Path dir = Path.of(eq < 0 ? entry : entry.substring(eq + 1).strip()).toAbsolutePath().normalize();
        String name = eq < 0 ? nameOf(dir) : entry.substring(0, eq).strip();
        return new VaultSource(checkedName(name, VAULTS_VARIABLE + " entry '" + entry + "'"), dir, false);
    }

    private static String projectName(Workspace workspace, String configured) {
        if (!configured.isBlank()) {
            return checkedName(configured.strip(), PROJECT_VARIABLE);
        }
        Path root = workspace.root().toAbsolutePath().normalize();
        Path named = root.getFileName() != null && root.getFileName().toString().equals(WORKSPACE_FOLDER)
                && root.getParent() != null ? root.getParent() : root;
        return sanitized(named);
    }

    /** A vault's name from its folder: {@code .../billing/vault} is "billing", {@code .../notes} is "notes". */
    static String nameOf(Path dir) {
        Path named = dir;
        while (named.getParent() != null && named.getFileName() != null
                && Set.of("vault", WORKSPACE_FOLDER).contains(named.getFileName().toString())) {
            named = named.getParent();
        }
        return sanitized(named);
    }

    private static String sanitized(Path dir) {
        String raw = dir.getFileName() == null ? "project" : dir.getFileName().toString();
        String name = raw.replaceAll("[^A-Za-z0-9._-]", "-").replaceAll("^[._-]+", "");
        name = name.length() > 64 ? name.substring(0, 64) : name;
        return name.isEmpty() ? "project" : name;
    }

    private static String checkedName(String name, String where) {
        if (!VaultSource.isValidName(name)) {
            // the name is also the folder of the vault's index in the workspace: '..' or '/' would place it elsewhere
            throw new CeException(ErrorCode.INVALID_ARGUMENT, "The vault name '" + name + "' in " + where
                    + " is not a valid name; it also names the folder of the vault's index in the workspace.",
                    "Use 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit (no '/' and no "
                            + "'..').");
        }
        return name;
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
