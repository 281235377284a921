package dev.pce.server.init;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.engine.Json;
import dev.pce.rules.config.RepositoryFolder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes the project files into a repository. A file the user has (with other content) is kept unless
 * {@code force}; with it, {@code .mcp.json} gets the pce entry and keeps the user's other servers, other files are
 * replaced. Running it twice changes nothing the second time.
 */
public final class ProjectInit {

    /** What happened to one file (or, for the vault, its folder). */
    public enum Action { WROTE, UNCHANGED, KEPT, OVERWROTE, MERGED, CREATED }

    public record FileResult(String path, Action action) {
    }

    private ProjectInit() {
    }

    /**
     * @param vault the folder of the repository to keep the project's vault in (set in {@code .ce/config.yml});
     *              empty leaves the vault where the configuration has it (by default in the workspace)
     */
    public static List<FileResult> run(Path repository, String launcher, boolean force,
                                       Optional<RepositoryFolder> vault) {
        List<FileResult> results = new ArrayList<>();
        for (Map.Entry<String, String> file : ProjectFiles.all(launcher).entrySet()) {
            results.add(write(repository, file.getKey(), file.getValue(), launcher, force));
        }
        vault.ifPresent(folder -> results.addAll(VaultSetting.write(repository, folder, force)));
        return results;
    }

    private static FileResult write(Path repository, String relative, String content, String launcher,
                                    boolean force) {
        Path target = repository.resolve(relative);
        try {
            if (!Files.exists(target)) {
                atomicWrite(target, content);
                return new FileResult(relative, Action.WROTE);
            }
            String existing = Files.readString(target, StandardCharsets.UTF_8);
            if (existing.equals(content)) {
                return new FileResult(relative, Action.UNCHANGED);
            }
            if (relative.equals(ProjectFiles.LOCAL_SETTINGS)) {
                // only adds: the approval and PCE's rules join whatever the person has set
                String merged = withPceSettings(existing, target);
                if (merged.equals(existing)) {
                    return new FileResult(relative, Action.UNCHANGED);
                }
                atomicWrite(target, merged);
                return new FileResult(relative, Action.MERGED);
            }
            if (!force) {
                return new FileResult(relative, Action.KEPT);
            }
            if (relative.equals(ProjectFiles.MCP_JSON)) {
                atomicWrite(target, merged(existing, launcher, target));
                return new FileResult(relative, Action.MERGED);
            }
            atomicWrite(target, content);
            return new FileResult(relative, Action.OVERWROTE);
        } catch (IOException e) {
            throw new CeException(ErrorCode.IO, "Cannot write " + target + ": " + e.getMessage(),
                    "Check that the repository is writable.", e);
        }
    }

    /** The user's .mcp.json with the pce server entry set, every other entry as it was. */
    private static String merged(String existing, String launcher, Path file) {
        ObjectNode root = jsonObject(existing, file);
        JsonNode servers = root.get("mcpServers");
        ObjectNode serverMap = servers instanceof ObjectNode object ? object : root.putObject("mcpServers");
        serverMap.set("pce", ProjectFiles.serverEntry(launcher));
        return ProjectFiles.pretty(root);
    }

    /**
     * The person's settings with the pce server approved and PCE's permission rules added; what they had stays,
     * including their own decisions about PCE's tools (a rule they deny is not allowed here).
     */
    private static String withPceSettings(String existing, Path file) {
        ObjectNode root = jsonObject(existing, file);
        ObjectNode wanted = ProjectFiles.localSettings();
        boolean added = addMissing(root, "enabledMcpjsonServers", wanted.path("enabledMcpjsonServers"), file);
        JsonNode permissions = root.get("permissions");
        ObjectNode permissionMap = permissions instanceof ObjectNode object ? object : root.putObject("permissions");
        Set<JsonNode> denied = new HashSet<>();
        permissionMap.path("deny").forEach(denied::add);
        ArrayNode allow = Json.mapper().createArrayNode();
        wanted.path("permissions").path("allow").forEach(rule -> {
            if (!denied.contains(rule)) {
                allow.add(rule);
            }
        });
        added |= addMissing(permissionMap, "allow", allow, file);
        return added ? ProjectFiles.pretty(root) : existing;
    }

    /** Adds to the list {@code parent.key} each of {@code values} it lacks; whether it added any. */
    private static boolean addMissing(ObjectNode parent, String key, JsonNode values, Path file) {
        JsonNode present = parent.get(key);
        if (present != null && !present.isArray()) {
            throw new CeException(ErrorCode.INVALID_ARGUMENT, file + ": \"" + key + "\" is not a list.",
                    "Make it a JSON array of strings (or remove it), then run ce init again.");
        }
        ArrayNode list = present == null ? parent.putArray(key) : (ArrayNode) present;
        Set<JsonNode> have = new HashSet<>();
        list.forEach(have::add);
        boolean added = false;
        for (JsonNode value : values) {
            if (have.add(value)) {
                list.add(value);
                added = true;
            }
        }
        return added;
    }

    private static ObjectNode jsonObject(String text, Path file) {
        JsonNode json;
        try {
            json = Json.mapper().readTree(text);
        } catch (IOException e) {
            throw new CeException(ErrorCode.INVALID_ARGUMENT, file + " is not valid JSON: " + e.getMessage(),
                    "Fix or remove the file, then run ce init again.");
        }
        if (!(json instanceof ObjectNode root)) {
            throw new CeException(ErrorCode.INVALID_ARGUMENT, file + " is not a JSON object.",
                    "Fix or remove the file, then run ce init again.");
        }
        return root;
    }

    static void atomicWrite(Path target, String content) throws IOException {
        Files.createDirectories(target.getParent() == null ? Path.of(".") : target.getParent());
        Path temp = Files.createTempFile(target.getParent(), ".ce-init-", ".tmp");
        try {
            Files.writeString(temp, content, StandardCharsets.UTF_8);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
