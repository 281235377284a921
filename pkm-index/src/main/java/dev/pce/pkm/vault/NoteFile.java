package dev.pce.pkm.vault;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A note file found in the vault, before it is read: enough for an index to tell whether it changed.
 *
 * @param path     relative to the vault root, {@code /}-separated
 * @param file     the real file to read (for a link inside the vault, its target)
 * @param modified the file's last-modified time in nanoseconds since the epoch (as precise as the file system)
 * @param size     the file's size in bytes
 */
public record NoteFile(String path, Path file, long modified, long size) {

    public NoteFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(file, "file");
    }
}
