package dev.pce.engine.knowledge;

import java.util.Objects;

/**
 * A note as answers name it.
 *
 * @param vault the vault (project) it is in
 * @param path  its path relative to the vault's folder
 * @param uri   the MCP resource that reads it ({@code pkm://note/...})
 */
public record NoteRef(String vault, String id, String path, String title, String uri) {
    public NoteRef {
        Objects.requireNonNull(vault, "vault");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(uri, "uri");
    }
}
