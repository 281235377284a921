package dev.pce.engine.merge;

/**
 * The bytes after an input's last newline: the remains of a writer that died mid-append. Never acknowledged to
 * anyone, so the merge skips them and says so.
 *
 * @param offset where the torn line starts in its file
 * @param bytes  how long it is
 */
public record TornLine(long offset, int bytes) {
}
