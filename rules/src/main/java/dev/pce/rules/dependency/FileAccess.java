package dev.pce.rules.dependency;

/**
 * A task reads or writes a file or resource.
 *
 * @param path      as declared, normalized (no leading "./", no doubled "/")
 * @param directory the path ends with "/": it names a directory and everything in it
 */
public record FileAccess(String task, int taskIndex, String path, AccessMode mode, boolean directory) {

    /** Whether the task writes the path: what the built-in rules test, as a boolean Drools hashes (see DeclaredDependency). */
    public boolean isWrite() {
        return mode == AccessMode.WRITE;
    }
}
