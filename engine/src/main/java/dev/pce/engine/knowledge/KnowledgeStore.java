package dev.pce.engine.knowledge;

import java.util.List;
import java.util.Optional;

/**
 * The port to the notes of learnings (implemented by the pkm-index module): the project's own vault, where notes
 * are captured, and other projects' vaults, which are only read. Searches join every vault.
 *
 * <p>A store may still be opening when it is called (a server opens its vaults in the background after start-up):
 * every method waits for that. When the store could not be opened, every method but {@link #awaitOpen()} throws a
 * {@link dev.pce.engine.CeException} saying why.
 */
public interface KnowledgeStore {

    /** Waits until the store is open; false when it could not be opened (the reason is logged). */
    boolean awaitOpen();

    /** The project's own vault's name, which is the project's name. */
    String project();

    /** The names of the vaults searched, the project's own first. */
    List<String> vaultNames();

    /** Whether no vault holds any note. */
    boolean isEmpty();

    /**
     * Writes a new note into the project's own vault, named after its date and title; another note of that title
     * in the same minute gets an id ending in -2, -3, ... (never an overwrite).
     */
    CapturedNote capture(NewNote note);

    /**
     * Writes {@code note} into the project's own vault as {@code <folder>/<id>.md}, under the id given rather than one
     * made from its date and title. Without {@code replace} it is created only when no file has that name (else a
     * {@code CONFLICT}, and the file stays as it is); with {@code replace} it is written over the note there at once
     * (a reader sees the old note or the new one, never half of it).
     */
    CapturedNote captureAs(String id, NewNote note, boolean replace);

    /**
     * The own vault's note at {@code path} (relative to the vault), read from its file now rather than through the
     * index, which may not have seen a note another process has just written; empty when there is no such file.
     *
     * @throws dev.pce.engine.CeException {@code INVALID_ARGUMENT} when a file is there that is not a readable note
     */
    Optional<KnowledgeNote> ownNote(String path);

    /** The notes most like {@code text} ("more like this"), of {@code type} when given, best first. */
    List<RelatedNote> related(String text, Optional<String> type, int limit);

    /** The notes of {@code type} whose title starts with {@code titleStart}, best match first. */
    List<NoteRef> titled(String type, String titleStart, int limit);

    /**
     * Every readable note of {@code type} in the named vault; unreadable ones are skipped.
     *
     * @throws dev.pce.engine.CeException {@code INVALID_ARGUMENT} when there is no vault of that name
     */
    List<KnowledgeNote> notesOfType(String vault, String type);
}
