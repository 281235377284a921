package dev.pce.pkm.index;

import dev.pce.pkm.note.NoteId;
import dev.pce.pkm.note.NoteIds;
import dev.pce.pkm.vault.NoteFile;

/**
 * What the index knows of one indexed note file: enough to tell whether the file changed.
 *
 * @param id       the id the note is indexed under
 * @param claim    the id the note asked for ({@link NoteIds}): what the ids of the vault's notes depend on
 * @param modified last-modified time in nanoseconds, as listed when it was indexed
 * @param hash     SHA-256 of the content that was indexed
 */
record IndexedFile(String path, String id, NoteIds.Claim claim, String hash, long modified, long size) {
    private static final char EXPLICIT = '=';
    private static final char FILE_NAME = '~';

    /** The stored form of a claim: a marker for explicit or file name, then the id. */
    static String encode(NoteIds.Claim claim) {
        return (claim.explicit() ? EXPLICIT : FILE_NAME) + claim.id().value();
    }

    static NoteIds.Claim decode(String path, String stored) {
        return new NoteIds.Claim(path, new NoteId(stored.substring(1)), stored.charAt(0) == EXPLICIT);
    }

    /** Whether the file looks untouched: same modification time and size, so it need not be read. */
    boolean sameAs(NoteFile file) {
        return modified == file.modified() && size == file.size();
    }
}
