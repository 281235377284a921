package dev.pce.pkm.knowledge;

import dev.pce.engine.workspace.Workspace;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A vault the server searches.
 *
 * @param name the project it belongs to, shown in every hit; also the start of its index directory's name in the
 *             workspace, so it is one plain folder name ({@link #isValidName}): never {@code ..}, a separator or
 *             hidden, which would place the index elsewhere
 * @param root the vault's folder
 * @param own  the project's own vault, where ce_capture writes; the others are only read
 */
public record VaultSource(String name, Path root, boolean own) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public VaultSource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(root, "root");
        if (!isValidName(name)) {
            throw new IllegalArgumentException("not a vault name: " + name); // VaultSources checks names first
        }
    }

    /**
     * The directory of this vault's index in the workspace: {@code index/<name>-<8 hex digits of the folder>/}. One
     * folder has one index, whichever process opens it; two folders never share one, even under one name (the
     * vault committed in a repository is another folder in each git worktree, while the worktrees share the
     * workspace), so no process follows an index of notes its own folder does not hold.
     */
    public Path indexDir(Workspace workspace) {
        return workspace.indexDir().resolve(name + "-" + folderDigest(root));
    }

    private static String folderDigest(Path root) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(root.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit. */
    public static boolean isValidName(String name) {
        return NAME.matcher(name).matches();
    }
}
