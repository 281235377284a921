package dev.pce.server.knowledge;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A vault the server searches.
 *
 * @param name the project it belongs to, shown in every hit; also the name of its index directory
 * @param root the vault's folder
 * @param own  the project's own vault, where ce_capture writes; the others are only read
 */
public record VaultSource(String name, Path root, boolean own) {

    public VaultSource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(root, "root");
    }
}
