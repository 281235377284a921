package dev.pce.pkm.knowledge;

import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.engine.knowledge.CapturedNote;
import dev.pce.engine.knowledge.KnowledgeNote;
import dev.pce.engine.knowledge.KnowledgeStore;
import dev.pce.engine.knowledge.NewNote;
import dev.pce.engine.knowledge.NoteLinks;
import dev.pce.engine.knowledge.NoteRef;
import dev.pce.engine.knowledge.RelatedNote;
import dev.pce.engine.workspace.Workspace;
import dev.pce.pkm.index.SearchFilters;
import dev.pce.pkm.index.SearchHit;
import dev.pce.pkm.index.SearchQuery;
import dev.pce.pkm.index.VaultSearcher.ListPosition;
import dev.pce.pkm.index.semantic.Embeddings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The knowledge store of a process: the vaults the environment names ({@link VaultSources}) with their Lucene
 * indexes, behind the engine's {@link KnowledgeStore} port and the calls the server's tools and resources make
 * (search with links, a note by id or path, a page of every note). The one object through which everything above
 * the pkm-index module reaches the vaults.
 *
 * <p>A server opens its store after start-up ({@link #openLater} then {@link #open} or {@link #openInBackground}
 * when it is ready): opening Lucene indexes takes a few hundred milliseconds that the first answers should not wait
 * for. A call that needs the vaults before then opens them itself, once; calls during the opening wait for it. A
 * configuration error (a bad {@code CE_VAULTS}) is reported by the calls, not by a server that refuses to start.
 * Thread-safe.
 */
public final class VaultKnowledgeStore implements KnowledgeStore, AutoCloseable {
    /** Ids per list of a note's links in an answer: enough to follow, few enough to read. */
    public static final int LINKS_SHOWN = 10;
    /** Unresolved link targets a read note shows at most (the count says how many there are). */
    public static final int UNRESOLVED_SHOWN = 50;

    private static final Logger LOG = LoggerFactory.getLogger(VaultKnowledgeStore.class);

    private final CompletableFuture<OpenVaults> opened;
    /** What {@link #open} runs, once; null when the store was settled from the start. */
    private final Supplier<OpenVaults> opener;
    private final AtomicBoolean opening;

    private VaultKnowledgeStore(CompletableFuture<OpenVaults> opened, Supplier<OpenVaults> opener) {
        this.opened = opened;
        this.opener = opener;
        this.opening = new AtomicBoolean(opener == null);
    }

    /**
     * The vaults the environment names ({@code CE_VAULT}, {@code CE_VAULTS}, {@code CE_PROJECT}), opened when
     * {@link #open} or {@link #openInBackground} is called; calls wait for that.
     */
    public static VaultKnowledgeStore openLater(Workspace workspace, Map<String, String> env) {
        Map<String, String> copy = Map.copyOf(env);
        return openLater(workspace, () -> VaultSources.fromEnvironment(workspace, copy));
    }

    /**
     * The vaults {@code sources} names, asked for and opened when {@link #open} or {@link #openInBackground} is
     * called (so reading the project's configuration is off the start-up path too); calls wait for that.
     */
    public static VaultKnowledgeStore openLater(Workspace workspace, Supplier<List<VaultSource>> sources) {
        return new VaultKnowledgeStore(new CompletableFuture<>(), () -> OpenVaults.open(workspace, sources.get()));
    }

    /**
     * The vaults {@code sources} names, opened later as {@link #openLater(Workspace, Supplier)} does, searched
     * semantically too unless {@code environment} turns it off ({@link Embeddings#fromEnvironment}); the model
     * starts loading after the vaults were first indexed. Nothing of it is loaded before the vaults open.
     */
    public static VaultKnowledgeStore openLater(Workspace workspace, Supplier<List<VaultSource>> sources,
                                                Map<String, String> environment) {
        return new VaultKnowledgeStore(new CompletableFuture<>(),
                () -> OpenVaults.open(workspace, sources.get(), Embeddings.fromEnvironment(environment)));
    }

    /**
     * The vaults the environment names, opened now (for commands that run once).
     *
     * @throws CeException when the environment names the vaults wrongly or the own vault's folder cannot be created
     */
    public static VaultKnowledgeStore openNow(Workspace workspace, Map<String, String> env) {
        return openNow(workspace, VaultSources.fromEnvironment(workspace, env));
    }

    /**
     * The vaults of {@code sources}, opened now (for commands that run once).
     *
     * @throws CeException when the own vault's folder cannot be created
     */
    public static VaultKnowledgeStore openNow(Workspace workspace, List<VaultSource> sources) {
        return openNow(workspace, sources, Embeddings.off());
    }

    /** The vaults of {@code sources}, opened now, searched semantically too with {@code embeddings} once ready. */
    public static VaultKnowledgeStore openNow(Workspace workspace, List<VaultSource> sources, Embeddings embeddings) {
        return new VaultKnowledgeStore(CompletableFuture.completedFuture(OpenVaults.open(workspace, sources,
                embeddings)), null);
    }

    /** No vaults: every call but {@link #awaitOpen()} reports {@code why}. */
    public static VaultKnowledgeStore unavailable(String why) {
        return new VaultKnowledgeStore(CompletableFuture.failedFuture(
                new CeException(ErrorCode.INTERNAL, why, "Run the server with 'ce serve'.")), null);
    }

    /**
     * Opens the vaults on this thread, unless they are open or opening already. A failure is logged and kept: the
     * calls report it.
     */
    public void open() {
        if (!opening.compareAndSet(false, true)) {
            return;
        }
        LOG.debug("Opening the vaults");
        try {
            OpenVaults vaults = opener.get();
            if (!opened.complete(vaults)) {
                vaults.close(); // closed before it opened
            }
        } catch (RuntimeException | Error e) {
            LOG.error("The vaults could not be opened; the learning tools will report why", e);
            opened.completeExceptionally(e);
        }
    }

    /** Opens the vaults on a thread of its own, unless they are open or opening already. */
    public VaultKnowledgeStore openInBackground() {
        if (!opening.get()) {
            Thread.ofPlatform().daemon().name("pce-learnings-open").start(this::open);
        }
        return this;
    }

    @Override
    public boolean awaitOpen() {
        try {
            vaults();
            return true;
        } catch (CeException e) {
            LOG.warn("No vault for the notes of learned patterns and predictions: {}", e.describe());
            return false;
        }
    }

    @Override
    public String project() {
        return vaults().ownName();
    }

    @Override
    public List<String> vaultNames() {
        return vaults().vaultNames();
    }

    @Override
    public boolean isEmpty() {
        return vaults().isEmpty();
    }

    @Override
    public CapturedNote capture(NewNote note) {
        return vaults().capture(note);
    }

    @Override
    public CapturedNote captureAs(String id, NewNote note, boolean replace) {
        return vaults().captureAs(id, note, replace);
    }

    @Override
    public Optional<KnowledgeNote> ownNote(String path) {
        return vaults().ownNote(path);
    }

    @Override
    public List<RelatedNote> related(String text, Optional<String> type, int limit) {
        return vaults().related(text, type, limit);
    }

    @Override
    public List<NoteRef> titled(String type, String titleStart, int limit) {
        return vaults().titled(type, titleStart, limit);
    }

    @Override
    public List<KnowledgeNote> notesOfType(String vault, String type) {
        return vaults().notesOfType(vault, type);
    }

    /** Why a configured vault is not searched (it does not exist, for one), for the answers of searches. */
    public List<String> notices() {
        return vaults().notices();
    }

    /** A page of the notes that match {@code query}, in every vault, each with its links. */
    public SearchAnswer search(SearchQuery query) {
        return vaults().search(query);
    }

    /**
     * The notes most like the note {@code noteId} of the named vault (the own vault when empty), each with its links.
     *
     * @throws CeException {@code INVALID_ARGUMENT} for an id that cannot be a note's or a vault not searched
     */
    public SearchAnswer searchLike(Optional<String> vault, String noteId, SearchFilters filters, int limit) {
        return vaults().searchLike(vault, noteId, filters, limit);
    }

    /**
     * A note by id or by vault-relative path ending in {@code .md}, in the named vault or, without one, the own
     * vault first; with its links.
     *
     * @throws CeException {@code INVALID_ARGUMENT} when there is no such note, or it cannot be read (saying why)
     */
    public ReadNote read(String idOrPath, Optional<String> vault) {
        return vaults().read(idOrPath, vault);
    }

    /**
     * Waits until every vault was indexed once since it opened (or found kept up to date by another process): for
     * a command that runs once, where a search or a move must see every note.
     *
     * @throws CeException {@code IO} when a vault's index could not be brought up to date
     */
    public void awaitIndexed() {
        vaults().awaitIndexed();
    }

    /**
     * Edits, moves or deletes a note of the project's own vault (see {@link NoteChange}); searches see the change
     * when this returns, unless another process writes the vault's index.
     *
     * @throws CeException {@code INVALID_ARGUMENT} for a note that is not there or a change that is malformed,
     *                     {@code CONFLICT} when the note changed since its version was read, a move's target exists,
     *                     or a deletion is refused because other notes link to the note
     */
    public ChangedNote change(NoteChange change) {
        return vaults().change(change);
    }

    /** A note's markdown file as written (front matter and body), found as {@link #read} finds it. */
    public String markdown(String idOrPath, Optional<String> vault) {
        return vaults().markdown(idOrPath, vault);
    }

    /**
     * Up to {@code limit} notes after {@code after} (from the start when empty): every vault's notes in turn, the
     * own vault's first, each vault's by id.
     *
     * @throws CeException {@code INVALID_ARGUMENT} when {@code after} names a vault no longer searched
     */
    public List<ListedNote> list(Optional<ListPosition> after, int limit) {
        return vaults().list(after, limit);
    }

    private OpenVaults vaults() {
        open(); // a caller that needs the vaults before anyone opened them opens them (no-op once opening)
        try {
            return opened.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof CeException ce) {
                throw ce;
            }
            // the cause is a defect; its class and message go to the log only
            throw new CeException(ErrorCode.INTERNAL, "The vaults could not be opened (a PCE bug).",
                    "See the server log for the cause.", e.getCause());
        }
    }

    @Override
    public void close() {
        opened.cancel(false);
        if (opened.isDone() && !opened.isCompletedExceptionally()) {
            opened.join().close();
        }
    }

    /**
     * A page of search hits.
     *
     * @param total      how many notes match (exact when {@code totalExact}, else a lower bound)
     * @param vaults     the vaults searched, the own one first
     * @param notices    why a configured vault is left out, which are still being indexed, and how the query was
     *                   read when not as written
     * @param indexing   the vaults searched whose first indexing since start-up has not finished: hits of theirs
     *                   may be missing
     */
    public record SearchAnswer(long total, boolean totalExact, String interpretation, List<String> vaults,
                               List<String> notices, List<String> indexing, List<Hit> hits) {
    }

    /** A note found, with its place in its vault's link graph. */
    public record Hit(NoteRef note, SearchHit found, NoteLinks links) {
    }

    /**
     * A note read, with its place in its vault's link graph: the first {@link #LINKS_SHOWN} ids of each list, the
     * full counts, and the targets of its links that name no note.
     *
     * @param version the SHA-256 of the note's file: what an edit, move or deletion names to be sure it changes
     *                the note that was read
     */
    public record ReadNote(KnowledgeNote note, NoteLinks links, LinkCounts linkCounts, List<String> unresolvedLinks,
            String version) {
        public ReadNote {
            unresolvedLinks = List.copyOf(unresolvedLinks);
        }
    }

    /** How many notes a note links to and is linked from, and how many of its links name no note, in all. */
    public record LinkCounts(int linksTo, int linkedFrom, int unresolved) {
    }

    /** A note as a listing names it. */
    public record ListedNote(NoteRef note, Optional<String> type) {
    }
}
