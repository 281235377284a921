package dev.pce.pkm.index;

import dev.pce.pkm.vault.NoteFile;

/**
 * What the index knows of one indexed note file: enough to tell whether the file changed.
 *
 * @param modified last-modified time in nanoseconds, as listed when it was indexed
 * @param hash     SHA-256 of the content that was indexed
 */
record IndexedFile(String path, String id, String hash, long modified, long size) {

    /** Whether the file looks untouched: same modification time and size, so it need not be read. */
    boolean sameAs(NoteFile file) {
        return modified == file.modified() && size == file.size();
    }
}
