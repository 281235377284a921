package dev.pce.pkm.knowledge;

import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A vault the server searches.
 *
 * @param name the project it belongs to, shown in every hit; also the name of its index directory in the
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

    /** 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit. */
    public static boolean isValidName(String name) {
        return NAME.matcher(name).matches();
    }
}
