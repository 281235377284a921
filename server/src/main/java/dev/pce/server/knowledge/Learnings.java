package dev.pce.server.knowledge;

import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.engine.workspace.Workspace;
import dev.pce.pkm.graph.LinkGraph;
import dev.pce.pkm.index.IndexLinks;
import dev.pce.pkm.index.SearchFilters;
import dev.pce.pkm.index.SearchHit;
import dev.pce.pkm.index.SearchQuery;
import dev.pce.pkm.index.SharedIndex;
import dev.pce.pkm.index.UpdateResult;
import dev.pce.pkm.index.VaultIndex;
import dev.pce.pkm.index.VaultSearcher;
import dev.pce.pkm.index.VaultWatcher;
import dev.pce.pkm.note.FrontMatter;
import dev.pce.pkm.note.Note;
import dev.pce.pkm.note.NoteDraft;
import dev.pce.pkm.note.NoteId;
import dev.pce.pkm.note.ParseResult;
import dev.pce.pkm.vault.Vault;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The learnings a server can search and add to: the project's own vault and the other projects' vaults, each with
 * its index in the workspace. The index of a vault is written by one server process of the workspace and followed
 * by the others (see {@link SharedIndex}); the writer keeps it fresh with a file watcher, and a follower takes over
 * when the writer goes. Thread-safe.
 */
public final class Learnings implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Learnings.class);
    /** How often a follower tries to take over writing an index whose writer may have gone. */
    private static final long TAKE_OVER_SECONDS = 2;
    /** How long ce_capture waits, in a follower, for the writer to index the new note. */
    private static final long CAPTURE_VISIBLE_MILLIS = 3_000;
    /** Notes of one title captured within one minute get -2, -3, ...; past this many, something is wrong. */
    private static final int MAX_SAME_MINUTE = 50;

    /** A vault with its index, its link graph and, while this process writes the index, its watcher. */
    private static final class Shelf {
        final VaultSource source;
        final Vault vault;
        final SharedIndex index;
        final IndexLinks links;
        VaultWatcher watcher;

        Shelf(VaultSource source, Vault vault, SharedIndex index) {
            this.source = source;
            this.vault = vault;
            this.index = index;
            this.links = new IndexLinks(index);
        }
    }

    private final List<Shelf> shelves;
    private final List<String> notices;
    private final VaultSearcher searcher;
    private final ScheduledExecutorService upkeep;

    private Learnings(List<Shelf> shelves, List<String> notices) {
        this.shelves = List.copyOf(shelves);
        this.notices = List.copyOf(notices);
        this.searcher = new VaultSearcher(shelves.stream().map(shelf -> shelf.index).toList());
        this.upkeep = Executors.newSingleThreadScheduledExecutor(task ->
                Thread.ofPlatform().daemon().name("pce-vault-upkeep").unstarted(task));
    }

    /**
     * Opens every vault and its index. The own vault's folder is created if missing; another project's vault that
     * does not exist is left out with a notice (it may be on a disk not mounted now). Indexing and watching start
     * on a background thread; searches meanwhile see what is already indexed.
     */
    public static Learnings open(Workspace workspace, List<VaultSource> sources) {
        List<Shelf> shelves = new ArrayList<>();
        List<String> notices = new ArrayList<>();
        for (VaultSource source : sources) {
            if (source.own()) {
                createFolder(source);
            }
            Vault vault;
            try {
                vault = Vault.open(source.root());
            } catch (CeException e) {
                notices.add("The vault '" + source.name() + "' at " + source.root() + " is left out: "
                        + e.getMessage());
                LOG.warn("{}", notices.getLast());
                continue;
            }
            shelves.add(new Shelf(source, vault, SharedIndex.open(workspace.indexDir().resolve(source.name()),
                    source.name())));
        }
        Learnings learnings = new Learnings(shelves, notices);
        learnings.upkeep.execute(learnings::keepUp);
        learnings.upkeep.scheduleWithFixedDelay(learnings::keepUp, TAKE_OVER_SECONDS, TAKE_OVER_SECONDS,
                TimeUnit.SECONDS);
        return learnings;
    }

    private static void createFolder(VaultSource source) {
        try {
            Files.createDirectories(source.root());
        } catch (IOException e) {
            throw new CeException(ErrorCode.IO, "Cannot create the vault folder " + source.root() + ": "
                    + e.getMessage(), "Set " + VaultSources.VAULT_VARIABLE + " to a writable folder.", e);
        }
    }

    /** Takes over writing any index no process writes, brings it up to date and watches its vault. */
    private void keepUp() {
        for (Shelf shelf : shelves) {
            if (shelf.watcher != null) {
                continue;
            }
            try {
                Optional<VaultIndex> writer = shelf.index.tryToWrite();
                if (writer.isPresent()) {
                    // watch first, so a change made during the update is not missed
                    shelf.watcher = VaultWatcher.start(shelf.vault, writer.get(), VaultWatcher.DEFAULT_DEBOUNCE,
                            result -> logProblems(shelf, result));
                    UpdateResult result = writer.get().update(shelf.vault);
                    LOG.info("Vault '{}' indexed: {} added, {} changed, {} deleted, {} unchanged in {} ms",
                            shelf.source.name(), result.added(), result.changed(), result.deleted(),
                            result.unchanged(), result.took().toMillis());
                    logProblems(shelf, result);
                }
            } catch (RuntimeException e) {
                LOG.warn("Keeping the index of vault '{}' up to date failed; retrying in {} s", shelf.source.name(),
                        TAKE_OVER_SECONDS, e);
            }
        }
    }

    private static void logProblems(Shelf shelf, UpdateResult result) {
        result.problems().forEach(problem -> LOG.warn("Vault '{}': skipped {}", shelf.source.name(),
                problem.describe()));
    }

    public VaultSearcher searcher() {
        return searcher;
    }

    /** Why a configured vault is not searched, for the answers of the search tools. */
    public List<String> notices() {
        return notices;
    }

    /** The names of the searched vaults, the own one first. */
    public List<String> vaultNames() {
        return shelves.stream().map(shelf -> shelf.source.name()).toList();
    }

    /** The project's own vault's name (the project's name). */
    public String ownName() {
        return own().source.name();
    }

    /** Writes a new note into the own vault and returns it once it is searchable (or the wait is over). */
    public Captured capture(NoteDraft draft) {
        Shelf own = own();
        Note note = own.vault.create(draft);
        Optional<VaultIndex> writer = own.index.writer();
        if (writer.isPresent()) {
            writer.get().update(own.vault, List.of(note.path()));
            return new Captured(own.source.name(), note, true);
        }
        return new Captured(own.source.name(), note, awaitIndexed(own, note.id()));
    }

    /**
     * Writes a new note named after {@code now} and its title into {@code folder} of the own vault; another note of
     * that title in the same minute makes the id end in -2, -3, ... (never an overwrite).
     */
    public Captured captureNew(LocalDateTime now, String folder, FrontMatter frontMatter, String body) {
        NoteDraft first = NoteDraft.create(now, folder, frontMatter, body);
        NoteId base = first.frontMatter().id().orElseThrow();
        for (int n = 1; ; n++) {
            NoteId id = n == 1 ? base : new NoteId(base.value() + "-" + n);
            try {
                return capture(NoteDraft.at(id, folder, frontMatter.toBuilder().id(id).build(), body));
            } catch (CeException e) {
                if (e.code() != ErrorCode.CONFLICT || n >= MAX_SAME_MINUTE) {
                    throw e;
                }
            }
        }
    }

    /** A follower sees a note once the writing process has indexed it: wait for that, briefly. */
    private boolean awaitIndexed(Shelf shelf, NoteId id) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CAPTURE_VISIBLE_MILLIS);
        SearchFilters inShelf = SearchFilters.NONE.withVaults(shelf.source.name());
        while (System.nanoTime() < deadline) {
            shelf.index.refresh();
            if (searcher.byId(id.value(), inShelf).totalHits() > 0) {
                return true;
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    /**
     * Reads a note by id (through the index) or by path (a vault-relative path ending in {@code .md}), in the named
     * vault or, without one, the own vault first.
     */
    public Found read(String idOrPath, Optional<String> vaultName) {
        List<Shelf> candidates = vaultName.map(name -> List.of(shelf(name))).orElse(shelves);
        boolean isPath = idOrPath.endsWith(".md") || idOrPath.contains("/");
        for (Shelf shelf : candidates) {
            Optional<String> path = isPath ? Optional.of(idOrPath) : indexedPath(shelf, idOrPath);
            if (path.isEmpty() || (isPath && shelf.vault.file(idOrPath).isEmpty())) {
                continue;
            }
            switch (shelf.vault.read(path.get())) {
                case ParseResult.Parsed parsed -> {
                    return new Found(shelf.source.name(), parsed.note(), shelf.source.root().toString());
                }
                case ParseResult.Problem problem -> throw new CeException(ErrorCode.INVALID_ARGUMENT,
                        "The note " + path.get() + " in the vault '" + shelf.source.name() + "' cannot be read: "
                                + problem.problem().what(), problem.problem().fix());
            }
        }
        throw new CeException(ErrorCode.INVALID_ARGUMENT, "There is no note '" + idOrPath + "' in "
                + vaultName.map(name -> "the vault '" + name + "'").orElse("the vaults " + vaultNames()) + ".",
                "Give a note id or a vault-relative path from ce_search's hits.");
    }

    /** Every note of {@code type} in the named vault (as indexed), read from the vault; unreadable ones skipped. */
    public List<Note> notesOfType(String vaultName, String type) {
        Shelf shelf = shelf(vaultName);
        SearchFilters filters = SearchFilters.NONE.withVaults(vaultName).withTypes(type);
        List<Note> notes = new ArrayList<>();
        for (int offset = 0; offset <= SearchQuery.MAX_OFFSET; offset += SearchQuery.MAX_LIMIT) {
            List<SearchHit> hits = searcher.search(new SearchQuery("", filters, offset, SearchQuery.MAX_LIMIT))
                    .hits();
            for (SearchHit hit : hits) {
                if (shelf.vault.read(hit.path()) instanceof ParseResult.Parsed parsed) {
                    notes.add(parsed.note());
                }
            }
            if (hits.size() < SearchQuery.MAX_LIMIT) {
                break;
            }
        }
        return notes;
    }

    private Optional<String> indexedPath(Shelf shelf, String id) {
        if (!NoteId.isValid(id)) {
            return Optional.empty();
        }
        return searcher.byId(id, SearchFilters.NONE.withVaults(shelf.source.name())).hits().stream()
                .map(SearchHit::path).findFirst();
    }

    /** The links of a note: where it links to, what links to it, and notes related through shared links. */
    public NoteLinks links(String vaultName, NoteId id, int limit) {
        LinkGraph graph = shelf(vaultName).links.graph();
        return new NoteLinks(ids(graph.outgoing(id), limit), ids(graph.backlinks(id), limit),
                graph.related(id, limit).stream().map(r -> r.id().value()).toList());
    }

    private static List<String> ids(List<NoteId> ids, int limit) {
        return ids.stream().limit(limit).map(NoteId::value).toList();
    }

    private Shelf own() {
        return shelves.stream().filter(shelf -> shelf.source.own()).findFirst().orElseThrow(() ->
                new CeException(ErrorCode.INTERNAL, "The project's own vault is not open.",
                        "Check the server log for why the vault could not be opened."));
    }

    private Shelf shelf(String name) {
        return shelves.stream().filter(shelf -> shelf.source.name().equals(name)).findFirst().orElseThrow(() ->
                new CeException(ErrorCode.INVALID_ARGUMENT, "There is no vault named '" + name + "'.",
                        "Use one of " + vaultNames() + " (set other projects' vaults with "
                                + VaultSources.VAULTS_VARIABLE + ")."));
    }

    @Override
    public void close() {
        upkeep.shutdownNow();
        try {
            upkeep.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Shelf shelf : shelves) {
            if (shelf.watcher != null) {
                shelf.watcher.close();
            }
            shelf.index.close();
        }
    }

    /** A note just written, and whether a search finds it yet. */
    public record Captured(String vault, Note note, boolean indexed) {
    }

    /** A note read from a vault. */
    public record Found(String vault, Note note, String vaultRoot) {
    }

    /** A note's neighbours in its vault's link graph, by id. */
    public record NoteLinks(List<String> linksTo, List<String> linkedFrom, List<String> related) {
    }
}
