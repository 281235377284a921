package dev.pce.pkm.vault;

import dev.pce.pkm.note.NoteProblem;

import java.util.List;

/**
 * The note files of a vault, unread: what {@link Vault#list()} found.
 *
 * @param files    the note files, sorted by path
 * @param problems files and folders that cannot be read or lead outside the vault, sorted by path
 */
public record VaultListing(List<NoteFile> files, List<NoteProblem> problems) {

    public VaultListing {
        files = List.copyOf(files);
        problems = List.copyOf(problems);
    }
}
