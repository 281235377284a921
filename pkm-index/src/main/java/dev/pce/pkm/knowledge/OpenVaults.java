package dev.pce.pkm.knowledge;

import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.engine.knowledge.CapturedNote;
import dev.pce.engine.knowledge.KnowledgeNote;
import dev.pce.engine.knowledge.NewNote;
import dev.pce.engine.knowledge.NoteLinks;
import dev.pce.engine.knowledge.NoteRef;
import dev.pce.engine.knowledge.RelatedNote;
import dev.pce.engine.workspace.Workspace;
import dev.pce.pkm.graph.LinkGraph;
import dev.pce.pkm.index.IndexLinks;
import dev.pce.pkm.index.SearchFilters;
import dev.pce.pkm.index.SearchHit;
import dev.pce.pkm.index.SearchQuery;
import dev.pce.pkm.index.SearchResult;
import dev.pce.pkm.index.SharedIndex;
import dev.pce.pkm.index.UpdateResult;
import dev.pce.pkm.index.VaultIndex;
import dev.pce.pkm.index.VaultSearcher;
import dev.pce.pkm.index.VaultSearcher.ListPosition;
import dev.pce.pkm.index.VaultWatcher;
import dev.pce.pkm.index.semantic.Embeddings;
import dev.pce.pkm.knowledge.VaultKnowledgeStore.ListedNote;
import dev.pce.pkm.knowledge.VaultKnowledgeStore.ReadNote;
import dev.pce.pkm.knowledge.VaultKnowledgeStore.SearchAnswer;
import dev.pce.pkm.note.FrontMatter;
import dev.pce.pkm.note.Note;
import dev.pce.pkm.note.NoteDate;
import dev.pce.pkm.note.NoteDraft;
import dev.pce.pkm.note.NoteId;
import dev.pce.pkm.note.NoteRenderer;
import dev.pce.pkm.note.ParseResult;
import dev.pce.pkm.vault.Vault;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The open vaults behind a {@link VaultKnowledgeStore}: the project's own vault and the other projects' vaults, each
 * with its index in the workspace. The index of a vault is written by one process of the workspace and followed by
 * the others (see {@link SharedIndex}); the writer keeps it fresh with a file watcher, and a follower takes over when
 * the writer goes. Thread-safe.
 */
final class OpenVaults implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OpenVaults.class);
    /** How often a follower tries to take over writing an index whose writer may have gone. */
    private static final long TAKE_OVER_SECONDS = 2;
    /** How long a capture waits, in a follower, for the writer to index the new note. */
    private static final long CAPTURE_VISIBLE_MILLIS = 3_000;
    /** How long a search waits for a link graph being rebuilt before it answers with the one built last. */
    private static final Duration LINKS_WAIT = Duration.ofMillis(200);
    /** Notes of one title captured within one minute get -2, -3, ...; past this many, something is wrong. */
    private static final int MAX_SAME_MINUTE = 50;
    /** Notes embedded per step of the backlog; each step's vectors are searchable when it ends. */
    private static final int EMBED_STEP = 32;
    /** How often the backlog of notes without an embedding is looked at: an edit is found by meaning this soon. */
    private static final long EMBED_EVERY_MILLIS = 500;

    /** A vault with its index, its link graph and, while this process writes the index, its watcher. */
    private static final class Shelf {
        final VaultSource source;
        final Vault vault;
        final SharedIndex index;
        final IndexLinks links;
        VaultWatcher watcher;
        /** Until this process has indexed the vault once (or found that another process writes its index). */
        volatile boolean indexing = true;

        Shelf(VaultSource source, Vault vault, SharedIndex index) {
            this.source = source;
            this.vault = vault;
            this.index = index;
            this.links = new IndexLinks(index);
        }
    }

    /** A note read, and the vault it was found in. */
    private record Found(Shelf shelf, Note note) {
    }

    private final List<Shelf> shelves;
    private final List<String> notices;
    private final VaultSearcher searcher;
    private final ScheduledExecutorService upkeep;
    /** Held while a note is edited, moved or deleted. */
    private final Object changes = new Object();
    private final Embeddings embeddings;
    /** Embeds the notes indexed without their embedding, on a thread of its own so indexing never waits for it. */
    private final ScheduledExecutorService embedding;

    private OpenVaults(List<Shelf> shelves, List<String> notices, Embeddings embeddings) {
        this.shelves = List.copyOf(shelves);
        this.notices = List.copyOf(notices);
        this.embeddings = embeddings;
        this.searcher = new VaultSearcher(shelves.stream().map(shelf -> shelf.index).toList(), embeddings);
        this.upkeep = Executors.newSingleThreadScheduledExecutor(task ->
                Thread.ofPlatform().daemon().name("pce-vault-upkeep").unstarted(task));
        this.embedding = Executors.newSingleThreadScheduledExecutor(task ->
                Thread.ofPlatform().daemon().name("pce-vault-embed").unstarted(task));
    }

    /**
     * Opens every vault and its index. The own vault's folder is created if missing; another project's vault that
     * does not exist is left out with a notice (it may be on a disk not mounted now). Indexing and watching start
     * on a background thread; searches meanwhile see what is already indexed.
     */
    static OpenVaults open(Workspace workspace, List<VaultSource> sources) {
        return open(workspace, sources, Embeddings.off());
    }

    /**
     * Opens every vault as {@link #open(Workspace, List)} does, with semantic search by {@code embeddings}: the model
     * starts loading once the vaults were first indexed, and the notes are embedded after that.
     */
    static OpenVaults open(Workspace workspace, List<VaultSource> sources, Embeddings embeddings) {
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
            shelves.add(new Shelf(source, vault, SharedIndex.open(source.indexDir(workspace), source.name(),
                    embeddings)));
        }
        OpenVaults vaults = new OpenVaults(shelves, notices, embeddings);
        vaults.upkeep.execute(vaults::keepUp);
        vaults.upkeep.scheduleWithFixedDelay(vaults::keepUp, TAKE_OVER_SECONDS, TAKE_OVER_SECONDS, TimeUnit.SECONDS);
        if (embeddings.enabled()) {
            vaults.embedding.scheduleWithFixedDelay(vaults::embedBacklogs, EMBED_EVERY_MILLIS, EMBED_EVERY_MILLIS,
                    TimeUnit.MILLISECONDS);
        }
        return vaults;
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
                if (writer.isEmpty()) {
                    shelf.indexing = false; // the process that writes the index keeps it up to date
                }
                if (writer.isPresent()) {
                    // watch first, so a change made during the update is not missed
                    shelf.watcher = VaultWatcher.start(shelf.vault, writer.get(), VaultWatcher.DEFAULT_DEBOUNCE,
                            result -> {
                                logProblems(shelf, result);
                                shelf.links.refreshInBackground(); // ready for the next search's hits
                            });
                    UpdateResult result = writer.get().update(shelf.vault);
                    LOG.info("Vault '{}' indexed: {} added, {} changed, {} deleted, {} unchanged in {} ms",
                            shelf.source.name(), result.added(), result.changed(), result.deleted(),
                            result.unchanged(), result.took().toMillis());
                    logProblems(shelf, result);
                    shelf.indexing = false;
                }
            } catch (RuntimeException e) {
                LOG.warn("Keeping the index of vault '{}' up to date failed; retrying in {} s", shelf.source.name(),
                        TAKE_OVER_SECONDS, e);
            }
        }
    }

    /** Embeds the backlog of every index this process writes, a step at a time, until none is left. */
    private void embedBacklogs() {
        if (embeddings.ready().isEmpty()) {
            return;
        }
        for (Shelf shelf : shelves) {
            Optional<VaultIndex> writer = shelf.index.writer();
            try {
                int left = writer.map(VaultIndex::unembedded).orElse(0);
                long start = System.nanoTime();
                int total = left;
                while (left > 0) {
                    int now = writer.get().embedBacklog(shelf.vault, EMBED_STEP);
                    if (now >= left) {
                        break; // no progress: those notes cannot be embedded now; next round
                    }
                    left = now;
                }
                if (total > 0) {
                    LOG.info("Vault '{}': {} notes embedded in {} ms", shelf.source.name(), total - left,
                            (System.nanoTime() - start) / 1_000_000);
                }
            } catch (RuntimeException e) {
                LOG.warn("Embedding the notes of vault '{}' failed; retrying in {} s", shelf.source.name(),
                        TAKE_OVER_SECONDS, e);
            }
        }
    }

    private static void logProblems(Shelf shelf, UpdateResult result) {
        result.problems().forEach(problem -> LOG.warn("Vault '{}': skipped {}", shelf.source.name(),
                problem.describe()));
    }

    List<String> notices() {
        return notices;
    }

    List<String> vaultNames() {
        return shelves.stream().map(shelf -> shelf.source.name()).toList();
    }

    String ownName() {
        return own().source.name();
    }

    boolean isEmpty() {
        return searcher.search(new SearchQuery("", SearchFilters.NONE, 0, 1)).totalHits() == 0;
    }

    /** Writes a new note into the own vault and returns it once it is searchable (or the wait is over). */
    CapturedNote capture(NewNote note) {
        FrontMatter.Builder fm = frontMatter(note);
        Shelf own = own();
        NoteDraft first = NoteDraft.create(note.date(), note.folder(), fm.build(), note.body());
        NoteId base = first.frontMatter().id().orElseThrow();
        for (int n = 1; ; n++) {
            NoteId id = n == 1 ? base : new NoteId(base.value() + "-" + n);
            try {
                return capture(own, NoteDraft.at(id, note.folder(), fm.id(id).build(), note.body()));
            } catch (CeException e) {
                if (e.code() != ErrorCode.CONFLICT || n >= MAX_SAME_MINUTE) {
                    throw e;
                }
            }
        }
    }

    /** Writes a note under the id given into the own vault: created, or written over the note there. */
    CapturedNote captureAs(String id, NewNote note, boolean replace) {
        if (!NoteId.isValidName(id)) {
            throw new CeException(ErrorCode.INVALID_ARGUMENT, "'" + id + "' cannot name a note file.",
                    "Use an id without '/', '\\', control characters or a leading '.'.");
        }
        NoteId noteId = new NoteId(id);
        FrontMatter.Builder fm = frontMatter(note).id(noteId);
        NoteDraft draft = NoteDraft.at(noteId, note.folder(), fm.build(), note.body());
        Shelf own = own();
        return indexed(own, replace ? own.vault.replace(draft) : own.vault.create(draft));
    }

    /** The own vault's note at {@code path}, read from its file. */
    Optional<KnowledgeNote> ownNote(String path) {
        Shelf own = own();
        if (own.vault.file(path).isEmpty()) {
            return Optional.empty();
        }
        return switch (own.vault.read(path)) {
            case ParseResult.Parsed parsed -> Optional.of(knowledgeNote(own, parsed.note()));
            case ParseResult.Problem problem -> throw new CeException(ErrorCode.INVALID_ARGUMENT, "The note " + path
                    + " in the vault '" + own.source.name() + "' cannot be read: " + problem.problem().what(),
                    problem.problem().fix());
        };
    }

    private FrontMatter.Builder frontMatter(NewNote note) {
        FrontMatter.Builder fm = FrontMatter.builder().title(note.title()).type(note.type()).status(note.status())
                .project(ownName()).date(new NoteDate.Local(note.date()));
        note.tags().forEach(fm::tag);
        note.links().forEach(fm::link);
        note.extra().forEach(fm::extra);
        return fm;
    }

    private CapturedNote capture(Shelf own, NoteDraft draft) {
        return indexed(own, own.vault.create(draft));
    }

    /** The note just written, once the index has it (or the wait is over). */
    private CapturedNote indexed(Shelf own, Note note) {
        Optional<VaultIndex> writer = own.index.writer();
        boolean indexed;
        if (writer.isPresent()) {
            writer.get().update(own.vault, List.of(note.path()));
            own.links.graph(); // the next search shows the new note's links at once
            indexed = true;
        } else {
            indexed = awaitIndexed(own, note.id());
        }
        return new CapturedNote(ref(own.source.name(), note), indexed, FrontMatterJson.of(note.frontMatter()));
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

    List<RelatedNote> related(String text, Optional<String> type, int limit) {
        SearchFilters filters = type.map(SearchFilters.NONE::withTypes).orElse(SearchFilters.NONE);
        return searcher.moreLikeText(text, filters, limit).hits().stream()
                .map(hit -> new RelatedNote(ref(hit), hit.score())).toList();
    }

    List<NoteRef> titled(String type, String titleStart, int limit) {
        SearchQuery phrase = new SearchQuery("\"" + titleStart.strip() + "\"", SearchFilters.NONE.withTypes(type), 0,
                SearchQuery.MAX_LIMIT);
        return searcher.search(phrase).hits().stream().filter(hit -> hit.title().startsWith(titleStart))
                .limit(limit).map(this::ref).toList();
    }

    /** Every note of {@code type} in the named vault (as indexed), read from the vault; unreadable ones skipped. */
    List<KnowledgeNote> notesOfType(String vaultName, String type) {
        Shelf shelf = shelf(vaultName);
        SearchFilters filters = SearchFilters.NONE.withVaults(vaultName).withTypes(type);
        List<KnowledgeNote> notes = new ArrayList<>();
        for (int offset = 0; offset <= SearchQuery.MAX_OFFSET; offset += SearchQuery.MAX_LIMIT) {
            List<SearchHit> hits = searcher.search(new SearchQuery("", filters, offset, SearchQuery.MAX_LIMIT))
                    .hits();
            for (SearchHit hit : hits) {
                if (shelf.vault.read(hit.path()) instanceof ParseResult.Parsed parsed) {
                    notes.add(knowledgeNote(shelf, parsed.note().withId(new NoteId(hit.id())))); // as indexed
                }
            }
            if (hits.size() < SearchQuery.MAX_LIMIT) {
                break;
            }
        }
        return notes;
    }

    SearchAnswer search(SearchQuery query) {
        return answer(searcher.search(query));
    }

    SearchAnswer searchLike(Optional<String> vaultName, String noteId, SearchFilters filters, int limit) {
        return answer(searcher.moreLikeNote(vaultName.orElse(ownName()), new NoteId(noteId).value(), filters,
                limit));
    }

    /**
     * Waits for the first indexing of every vault since they opened (it runs first on the upkeep thread), for a
     * command that runs once and needs the whole link graph: a move rewrites the links its backlinks hold.
     *
     * @throws CeException {@code IO} when a vault's index could not be brought up to date
     */
    void awaitIndexed() {
        try {
            upkeep.submit(() -> { }).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CeException(ErrorCode.IO, "Interrupted while the vaults were being indexed.", "Run it again.");
        } catch (ExecutionException | RejectedExecutionException e) {
            throw new CeException(ErrorCode.IO, "The vaults were closed while being indexed.", "Run it again.");
        }
        List<String> indexing = indexing();
        if (!indexing.isEmpty()) {
            throw new CeException(ErrorCode.IO, "The index of the vaults " + indexing + " could not be brought up "
                    + "to date (the warning above says why).", "Check 'ce doctor', then run it again.");
        }
    }

    /** The vaults still being indexed for the first time since start-up. */
    List<String> indexing() {
        return shelves.stream().filter(shelf -> shelf.indexing).map(shelf -> shelf.source.name()).toList();
    }

    private SearchAnswer answer(SearchResult result) {
        List<String> all = new ArrayList<>(notices);
        List<String> indexing = indexing();
        if (!indexing.isEmpty()) {
            all.add("Still being indexed since start-up, so some of their notes may be missing: " + indexing
                    + ". Search again in a moment.");
        }
        result.notice().ifPresent(all::add);
        // a changed title or link rebuilds a vault's link graph (about a second at 100,000 notes): hits do not wait
        Map<String, IndexLinks.Snapshot> graphs = new HashMap<>();
        for (SearchHit hit : result.hits()) {
            graphs.computeIfAbsent(hit.vault(), name -> shelf(name).links.graphWithin(LINKS_WAIT));
        }
        graphs.forEach((vault, snapshot) -> {
            if (!snapshot.current()) {
                all.add("The links of the hits of vault '" + vault + "' are as of a moment ago: its link graph is "
                        + "being rebuilt after a change.");
            }
        });
        List<VaultKnowledgeStore.Hit> hits = result.hits().stream().map(hit -> new VaultKnowledgeStore.Hit(ref(hit),
                hit, links(graphs.get(hit.vault()).graph(), new NoteId(hit.id())))).toList();
        return new SearchAnswer(result.totalHits(), result.totalExact(), result.interpretation(), vaultNames(), all,
                indexing, hits);
    }

    ReadNote read(String idOrPath, Optional<String> vaultName) {
        Found found = find(idOrPath, vaultName);
        NoteId id = found.note().id();
        LinkGraph graph = found.shelf().links.graph();
        List<String> unresolved = graph.unresolved(id);
        return new ReadNote(knowledgeNote(found.shelf(), found.note()), links(graph, id),
                new VaultKnowledgeStore.LinkCounts(graph.outgoing(id).size(), graph.backlinks(id).size(),
                        unresolved.size()),
                unresolved.stream().limit(VaultKnowledgeStore.UNRESOLVED_SHOWN).toList(), found.note().contentHash());
    }

    /**
     * Edits, moves or deletes a note of the own vault; the index has the change when this returns. Changes are made
     * one at a time, so two calls on one version cannot both pass the version check before either writes.
     */
    ChangedNote change(NoteChange change) {
        synchronized (changes) {
            return changeAlone(change);
        }
    }

    private ChangedNote changeAlone(NoteChange change) {
        Shelf own = own();
        Note note = find(change.note(), Optional.of(own.source.name())).note();
        NoteMaintenance maintenance = new NoteMaintenance(own.vault, own.links);
        NoteMaintenance.Outcome outcome = switch (change) {
            case NoteChange.Edit edit -> maintenance.edit(note, edit);
            case NoteChange.Move move -> maintenance.move(note, move);
            case NoteChange.Delete delete -> maintenance.delete(note, delete);
        };
        Optional<VaultIndex> writer = own.index.writer();
        writer.ifPresent(index -> {
            index.update(own.vault, outcome.changedPaths());
            own.links.graph(); // as after a capture, the next search shows the changed links at once
        });
        Note after = outcome.note();
        return new ChangedNote(ref(own.source.name(), after),
                outcome.deleted() ? Optional.empty() : Optional.of(after.contentHash()), writer.isPresent(),
                outcome.rewritten(), outcome.notRewritten(), outcome.linkedFrom());
    }

    String markdown(String idOrPath, Optional<String> vaultName) {
        return NoteRenderer.render(find(idOrPath, vaultName).note());
    }

    /**
     * Reads a note by id (through the index) or by path (a vault-relative path ending in {@code .md}), in the named
     * vault or, without one, the own vault first.
     */
    private Found find(String idOrPath, Optional<String> vaultName) {
        List<Shelf> candidates = vaultName.map(name -> List.of(shelf(name))).orElse(shelves);
        boolean isPath = idOrPath.endsWith(".md");
        for (Shelf shelf : candidates) {
            Optional<String> path = isPath ? Optional.of(idOrPath) : indexedPath(shelf, idOrPath);
            if (path.isEmpty() || (isPath && shelf.vault.file(idOrPath).isEmpty())) {
                continue;
            }
            switch (shelf.vault.read(path.get())) {
                case ParseResult.Parsed parsed -> {
                    // the file alone gives the id its name asks for; the index knows the id it got (NoteIds)
                    Note note = parsed.note();
                    Optional<NoteId> indexed = indexedId(shelf, note.path());
                    return new Found(shelf, indexed.filter(id -> !id.equals(note.id())).map(note::withId)
                            .orElse(note));
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

    private Optional<NoteId> indexedId(Shelf shelf, String path) {
        return searcher.byPath(path, SearchFilters.NONE.withVaults(shelf.source.name())).hits().stream()
                .map(hit -> new NoteId(hit.id())).findFirst();
    }

    private Optional<String> indexedPath(Shelf shelf, String id) {
        if (!NoteId.isValid(id)) {
            return Optional.empty();
        }
        return searcher.byId(id, SearchFilters.NONE.withVaults(shelf.source.name())).hits().stream()
                .map(SearchHit::path).findFirst();
    }

    /** Up to {@code limit} notes of every vault after {@code after}, the own vault's first, each by id. */
    List<ListedNote> list(Optional<ListPosition> after, int limit) {
        return searcher.list(after, limit).stream().map(hit -> new ListedNote(ref(hit), hit.type())).toList();
    }

    /** The links of a note: where it links to, what links to it, and notes related through shared links. */
    private static NoteLinks links(LinkGraph graph, NoteId id) {
        int limit = VaultKnowledgeStore.LINKS_SHOWN;
        return new NoteLinks(ids(graph.outgoing(id), limit), ids(graph.backlinks(id), limit),
                graph.related(id, limit).stream().map(r -> r.id().value()).toList());
    }

    private static List<String> ids(List<NoteId> ids, int limit) {
        return ids.stream().limit(limit).map(NoteId::value).toList();
    }

    private KnowledgeNote knowledgeNote(Shelf shelf, Note note) {
        return new KnowledgeNote(ref(shelf.source.name(), note), FrontMatterJson.of(note.frontMatter()), note.body(),
                note.tags());
    }

    private NoteRef ref(SearchHit hit) {
        return NoteUris.ref(hit.vault(), ownName(), hit.id(), hit.path(), hit.title());
    }

    private NoteRef ref(String vault, Note note) {
        return NoteUris.ref(vault, ownName(), note.id().value(), note.path(), note.title());
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
        embedding.shutdownNow();
        try {
            upkeep.awaitTermination(5, TimeUnit.SECONDS);
            embedding.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        embeddings.awaitLoadInFlight(30); // the process may exit next: never while the model's native load runs
        for (Shelf shelf : shelves) {
            if (shelf.watcher != null) {
                shelf.watcher.close();
            }
            shelf.index.close();
        }
    }
}
