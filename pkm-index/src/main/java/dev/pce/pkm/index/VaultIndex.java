package dev.pce.pkm.index;

import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.pkm.index.semantic.Embeddings;
import dev.pce.pkm.index.semantic.TextEmbedder;
import dev.pce.pkm.note.Note;
import dev.pce.pkm.note.NoteId;
import dev.pce.pkm.note.NoteIds;
import dev.pce.pkm.note.NoteProblem;
import dev.pce.pkm.note.ParseResult;
import dev.pce.pkm.vault.NoteFile;
import dev.pce.pkm.vault.Vault;
import dev.pce.pkm.vault.VaultListing;
import dev.pce.pkm.vault.VaultPaths;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFileNames;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

/**
 * The Lucene index of one vault, in its own directory (for example {@code .ce-workspace/index/<vault>}).
 *
 * <p>The index is a cache of the vault: a missing, unreadable or outdated index is deleted and built again from the
 * notes, and deleting it loses nothing. Updates are incremental: a file whose modification time and size are as
 * indexed is not read; a file read again whose content hash is unchanged is not re-indexed; documents of removed
 * files are deleted. Updates run one at a time; searches run at any time and see the index as of the last
 * finished update (all of it or none of it).
 *
 * <p>With {@link Embeddings} on, each note also gets its sentence embedding, after it is indexed: an update writes
 * notes without one (so embedding never delays a note's lexical search), and {@link #embedBacklog} embeds them a
 * few at a time, outside the update lock, then writes the vectors in. An index written without embeddings gets them
 * the same way, without a rebuild.
 *
 * <p>Only one process can write an index directory; a second one gets {@link ErrorCode#CONFLICT}.
 */
public final class VaultIndex implements SearchableIndex {
    private static final Logger LOG = LoggerFactory.getLogger(VaultIndex.class);
    /** Files Lucene writes; only these are deleted when the index is started afresh. */
    private static final Pattern LUCENE_FILE =
            Pattern.compile(IndexFileNames.CODEC_FILE_PATTERN.pattern() + "|segments.*|pending_segments.*|write\\.lock");
    /** A full update reads, parses and hands to the writer this many files at a time, to bound its memory. */
    private static final int BATCH = 1_000;

    private final Path directory;
    private final String vaultName;
    private final Embeddings embeddings;
    private final Analyzer analyzer = IndexFields.analyzer();
    private final ReentrantLock updateLock = new ReentrantLock();
    private volatile Store store;
    private IndexState state;
    private VectorBacklog backlog = new VectorBacklog();
    /** The index was started afresh when opened; the first update reports it. */
    private boolean freshStart;

    /** An open index directory with its writer and its near-real-time searchers. */
    private record Store(Directory directory, IndexWriter writer, SearcherManager searchers) {
        void closeQuietly() {
            for (AutoCloseable c : new AutoCloseable[] {searchers, writer, directory}) {
                try {
                    if (c != null) {
                        c.close();
                    }
                } catch (Exception e) {
                    LOG.debug("closing the index", e);
                }
            }
        }
    }

    private VaultIndex(Path directory, String vaultName, Embeddings embeddings) {
        this.directory = directory;
        this.vaultName = vaultName;
        this.embeddings = embeddings;
    }

    /**
     * Opens the index in {@code directory} (created if missing) for the vault named {@code vaultName}; the name is
     * stored with every note so a search over several vaults can say where each hit comes from.
     */
    public static VaultIndex open(Path directory, String vaultName) {
        return open(directory, vaultName, Embeddings.off());
    }

    /** Opens the index as {@link #open(Path, String)} does, embedding its notes with {@code embeddings}. */
    public static VaultIndex open(Path directory, String vaultName, Embeddings embeddings) {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(embeddings, "embeddings");
        if (vaultName == null || vaultName.isBlank() || !vaultName.strip().equals(vaultName)) {
            throw new CeException(ErrorCode.INVALID_ARGUMENT, "The vault name '" + vaultName + "' is empty or has "
                    + "surrounding spaces.", "Name the vault with its project name, such as 'pce'.");
        }
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new CeException(ErrorCode.IO, "Cannot create the index directory " + directory + ": "
                    + e.getMessage(), "Check that the workspace directory is writable.", e);
        }
        VaultIndex index = new VaultIndex(directory, vaultName, embeddings);
        index.updateLock.lock();
        try {
            index.openStore();
        } finally {
            index.updateLock.unlock();
        }
        return index;
    }

    @Override
    public String vaultName() {
        return vaultName;
    }

    public Path directory() {
        return directory;
    }


    /** Brings the index up to date with every note of {@code vault}. Problems are returned, never thrown. */
    public UpdateResult update(Vault vault) {
        return locked(vault, () -> fullUpdate(vault));
    }

    /**
     * Brings the index up to date for the notes at {@code paths} (relative to the vault root) only: each is
     * (re-)indexed, or removed if its file is gone. Paths that are no note paths are ignored. Falls back to a
     * full update when a note's claim to an id ({@link NoteIds}) changes and another note claims it too, because
     * which note gets which id depends on every claim.
     */
    public UpdateResult update(Vault vault, Collection<String> paths) {
        return locked(vault, () -> pathUpdate(vault, paths));
    }

    /** Drops every document and indexes the whole vault again. */
    public UpdateResult rebuild(Vault vault) {
        return locked(vault, () -> {
            store.writer().deleteAll();
            state.clear();
            backlog.clear();
            freshStart = true;
            return fullUpdate(vault);
        });
    }

    /**
     * Embeds up to {@code max} notes of the backlog (notes indexed without their embedding), re-reading them from
     * {@code vault}; does nothing while the model is not ready. The embedding runs outside the update lock, so the
     * watcher's updates and captures are not held up by it; a note that changed meanwhile is left for the next call
     * (its new version is in the backlog), one that cannot be read or embedded is dropped from it until it changes.
     *
     * @return the notes still without an embedding
     */
    public int embedBacklog(Vault vault, int max) {
        Objects.requireNonNull(vault, "vault");
        Optional<TextEmbedder> embedder = embeddings.ready();
        if (embedder.isEmpty()) {
            return unembedded();
        }
        List<String> paths;
        updateLock.lock();
        try {
            paths = backlog.next(max);
        } finally {
            updateLock.unlock();
        }
        Map<String, Embedded> embedded = new HashMap<>();
        for (String path : paths) {
            embed(vault, path, embedder.get()).ifPresent(e -> embedded.put(path, e));
        }
        locked(vault, () -> {
            IndexChanges changes = new IndexChanges();
            Map<String, float[]> vectors = new HashMap<>();
            for (String path : paths) {
                Embedded done = embedded.get(path);
                Optional<IndexedFile> indexed = state.get(path);
                boolean current = done != null && indexed.isPresent()
                        && indexed.get().hash().equals(done.note().contentHash())
                        && indexed.get().id().equals(done.note().id().value());
                if (current) {
                    changes.write(done.note(), done.file(), true);
                    vectors.put(path, done.vector());
                } else if (done == null || indexed.isEmpty()) {
                    backlog.remove(path); // unreadable or gone: the next change of the file brings it back
                }
            }
            apply(changes, vectors);
            return changes.result(false, Duration.ZERO);
        });
        return unembedded();
    }

    /** A note read and embedded, to be written in if it is still as indexed. */
    private record Embedded(Note note, NoteFile file, float[] vector) {
    }

    private Optional<Embedded> embed(Vault vault, String path, TextEmbedder embedder) {
        try {
            Optional<NoteFile> file = vault.file(path);
            if (file.isPresent() && vault.read(path) instanceof ParseResult.Parsed parsed) {
                return embedding(embedder, parsed.note()).map(v -> new Embedded(parsed.note(), file.get(), v));
            }
        } catch (CeException e) {
            LOG.debug("not embedded: {}", path, e);
        }
        return Optional.empty();
    }

    /** The indexed notes without an embedding yet (0 when embeddings are off). */
    public int unembedded() {
        updateLock.lock();
        try {
            return backlog.size();
        } finally {
            updateLock.unlock();
        }
    }

    /** A searcher on the index as of the last update. */
    @Override
    public IndexLease acquire() {
        while (true) {
            Store current = store;
            try {
                return IndexLease.of(current.searchers());
            } catch (AlreadyClosedException e) {
                if (current == store) {
                    throw new CeException(ErrorCode.INVALID_ARGUMENT, "The index of the vault '" + vaultName
                            + "' is closed.", "Open the index again.", e);
                }
                // replaced by a fresh store while we looked: try that one
            } catch (IOException e) {
                throw ioFailure(e);
            }
        }
    }

    @Override
    public void close() {
        updateLock.lock();
        try {
            store.closeQuietly();
        } finally {
            updateLock.unlock();
        }
    }

    private interface Update {
        UpdateResult run() throws IOException;
    }

    /** Runs an update under the lock; an index that fails to write is started afresh once and filled again. */
    private UpdateResult locked(Vault vault, Update update) {
        Objects.requireNonNull(vault, "vault");
        updateLock.lock();
        try {
            try {
                return update.run();
            } catch (IOException | AlreadyClosedException | UncheckedIOException e) {
                LOG.warn("The index of vault '{}' at {} failed ({}); it is a cache and is being rebuilt.", vaultName,
                        directory, e.toString());
                store.closeQuietly();
                startAfresh();
                return fullUpdate(vault);
            } catch (RuntimeException e) {
                // documents of a half-done update must not be committed by the next one: back to the last commit
                if (store.writer().hasUncommittedChanges()) {
                    store.closeQuietly();
                    openStore();
                }
                throw e;
            }
        } catch (IOException | UncheckedIOException | AlreadyClosedException e) {
            throw ioFailure(e);
        } finally {
            updateLock.unlock();
        }
    }

    /**
     * A listed note after a full update's first pass: the id it asks for, and the id its document has now (a kept
     * file's as indexed before, a read file's as just written).
     */
    private record Planned(NoteIds.Claim claim, NoteId indexedAs, boolean kept) {
    }

    /**
     * Indexes every note of the vault in two passes, so memory holds two batches of parsed notes (one being written,
     * the next read meanwhile), not the vault: the
     * first reads what changed a batch at a time, writes each note under the id it most likely gets and notes every
     * file's claim (a kept file's is in the index state); then the ids are assigned over all claims ({@link NoteIds})
     * and only the notes whose id differs from the one written are read and written again, or dropped when refused.
     * Searchers see none of it before {@link #apply}.
     */
    private UpdateResult fullUpdate(Vault vault) throws IOException {
        long start = System.nanoTime();
        VaultListing listing = vault.list();
        IndexChanges changes = new IndexChanges();
        changes.problems.addAll(listing.problems());
        List<NoteFile> files = listing.files(); // sorted by path
        FirstPass pass = new FirstPass();
        // pass 1, a batch at a time: what changed is read, parsed and written under the id it most likely gets
        List<List<NoteFile>> batches = new ArrayList<>();
        for (int from = 0; from < files.size(); from += BATCH) {
            batches.add(files.subList(from, Math.min(files.size(), from + BATCH)));
        }
        // a first build writes a few large segments: packing each into one file afterwards would only copy them
        store.writer().getConfig().setUseCompoundFile(!state.files().isEmpty());
        try {
            try (ReadAhead reads = new ReadAhead(vault, batches.stream().map(this::changed).toList())) {
                for (List<NoteFile> batch : batches) {
                    firstPass(batch, reads.next(), pass, changes);
                }
            }
            secondPass(vault, pass, changes);
            state.files().stream().map(IndexedFile::path).filter(p -> !pass.listed.containsKey(p))
                    .forEach(changes.deletes::add);
            apply(changes);
        } finally {
            store.writer().getConfig().setUseCompoundFile(true);
        }
        state.sharedIds(pass.sharedIds);
        return result(changes, start);
    }

    /** What the first pass of a full update learns: the listed files, and the notes' claims in path order. */
    private static final class FirstPass {
        final Map<String, NoteFile> listed = new HashMap<>();
        final List<Planned> planned = new ArrayList<>();
        final Set<NoteId> claimed = new HashSet<>();
        final Set<String> sharedIds = new HashSet<>();
    }

    /** The files of {@code batch} to read: those not indexed as they are now. */
    private List<NoteFile> changed(List<NoteFile> batch) {
        return batch.stream().filter(file -> state.get(file.path()).filter(old -> old.sameAs(file)).isEmpty())
                .toList();
    }

    /**
     * Pass 1 over one batch, in path order: each file's claim noted, and each note read written under the id it
     * most likely gets; the batch's documents go to the writer before the next batch.
     */
    private void firstPass(List<NoteFile> batch, Map<String, ParseResult> read, FirstPass pass,
                           IndexChanges changes) {
        for (NoteFile file : batch) {
            String path = file.path();
            pass.listed.put(path, file);
            ParseResult result = read.get(path);
            if (result instanceof ParseResult.Problem problem) {
                changes.problems.add(problem.problem());
                deleteIfIndexed(changes, path);
                continue;
            }
            IndexedFile keep = result == null ? state.get(path).orElseThrow() : null;
            Note note = keep != null ? null : ((ParseResult.Parsed) result).note();
            NoteIds.Claim claim = keep != null ? keep.claim() : NoteIds.Claim.of(note);
            boolean first = pass.claimed.add(claim.id());
            if (!first) {
                pass.sharedIds.add(claim.id().value());
            }
            if (keep != null) {
                pass.planned.add(new Planned(claim, new NoteId(keep.id()), true));
                continue;
            }
            // a file name an earlier note has goes to the later note's path (unless an explicit id wins later)
            NoteId likely = first || claim.explicit() ? claim.id() : NoteId.ofPath(path).orElse(claim.id());
            pass.planned.add(new Planned(claim, likely, false));
            changes.warnings.addAll(((ParseResult.Parsed) result).warnings());
            index(changes, note.withId(likely), file);
        }
        writePending(changes, Map.of()); // this batch's notes leave memory before the one after the next is read
    }

    private void secondPass(Vault vault, FirstPass pass, IndexChanges changes) {
        // pass 2: every note gets a unique id, whatever its file name, as in a scan; the few written or kept under
        // another id are read and written again, those without one leave the index
        Map<String, NoteIds.Assignment> ids = NoteIds.assign(pass.planned.stream().map(Planned::claim).toList());
        for (Planned plan : pass.planned) {
            String path = plan.claim().path();
            switch (ids.get(path)) {
                case NoteIds.Refused refused -> {
                    changes.problems.add(refused.problem());
                    changes.drop(path);
                    deleteIfIndexed(changes, path);
                }
                case NoteIds.Assigned assigned when assigned.id().equals(plan.indexedAs()) -> {
                    if (plan.kept()) {
                        changes.unchanged++;
                    }
                }
                case NoteIds.Assigned assigned -> {
                    // a kept file whose id changed (a note with its name came or went) is read again
                    NoteFile file = pass.listed.get(path);
                    ParseResult result = vault.read(file);
                    if (result instanceof ParseResult.Parsed parsed) {
                        if (plan.kept()) {
                            changes.warnings.addAll(parsed.warnings());
                        }
                        changes.rewrite(parsed.note().withId(assigned.id()), file);
                    } else {
                        changes.problems.add(((ParseResult.Problem) result).problem());
                        changes.drop(path);
                        deleteIfIndexed(changes, path);
                    }
                }
            }
        }
    }

    private UpdateResult pathUpdate(Vault vault, Collection<String> rawPaths) throws IOException {
        long start = System.nanoTime();
        IndexChanges changes = new IndexChanges();
        Map<String, String> batchIds = new HashMap<>();
        for (String path : normalized(rawPaths)) {
            Optional<IndexedFile> old = state.get(path);
            Optional<NoteFile> file;
            try {
                file = vault.file(path);
            } catch (CeException e) { // leads outside the vault now
                changes.problems.add(new NoteProblem(path, NoteProblem.Kind.OUTSIDE_VAULT, e.getMessage(), e.fix()));
                file = Optional.empty();
            }
            if (old.isPresent() && file.isPresent() && old.get().sameAs(file.get())) {
                changes.unchanged++;
                continue;
            }
            ParseResult result = file.map(vault::read).orElse(null);
            if (!(result instanceof ParseResult.Parsed parsed)) {
                if (result instanceof ParseResult.Problem problem) {
                    changes.problems.add(problem.problem());
                }
                if (old.isPresent() && state.isShared(old.get().claim().id().value())) {
                    return fullUpdate(vault); // another file with that id may now be indexed
                }
                deleteIfIndexed(changes, path);
                continue;
            }
            NoteIds.Claim claim = NoteIds.Claim.of(parsed.note());
            if (old.isPresent() && old.get().claim().equals(claim)) {
                // the same claim gets the same id: no other note's id depends on this edit
                changes.warnings.addAll(parsed.warnings());
                index(changes, parsed.note().withId(new NoteId(old.get().id())), file.get());
                continue;
            }
            String id = claim.id().value();
            boolean idMoved = old.isPresent() && state.isShared(old.get().claim().id().value());
            boolean idTaken = state.pathOf(id).filter(p -> !p.equals(path)).isPresent()
                    || batchIds.putIfAbsent(id, path) != null;
            if (idMoved || idTaken) {
                return fullUpdate(vault); // which file keeps an id depends on the whole vault
            }
            changes.warnings.addAll(parsed.warnings());
            index(changes, parsed.note(), file.get());
        }
        apply(changes);
        return result(changes, start);
    }

    private static Set<String> normalized(Collection<String> rawPaths) {
        Set<String> paths = new TreeSet<>();
        for (String raw : rawPaths) {
            try {
                paths.add(VaultPaths.normalize(raw));
            } catch (CeException e) {
                LOG.debug("not a note path: {}", raw);
            }
        }
        return paths;
    }

    /** Plans a write of a parsed note, or only a new modification time if its content is as indexed. */
    private void index(IndexChanges changes, Note note, NoteFile file) {
        Optional<IndexedFile> old = state.get(note.path());
        if (old.isPresent() && old.get().hash().equals(note.contentHash()) && old.get().id().equals(note.id().value())) {
            changes.touch(file);
        } else {
            changes.write(note, file, old.isPresent());
        }
    }

    private void deleteIfIndexed(IndexChanges changes, String path) {
        if (state.get(path).isPresent()) {
            changes.deletes.add(path);
        }
    }

    /** Writes the planned changes, lets searchers see them, and commits them. */
    private void apply(IndexChanges changes) throws IOException {
        apply(changes, Map.of());
    }

    /**
     * Hands the pending notes' documents to the writer (in parallel), each with its embedding in {@code vectors}
     * (by path) if there is one; nothing is visible before {@link #apply}.
     */
    private void writePending(IndexChanges changes, Map<String, float[]> vectors) {
        IndexWriter writer = store.writer();
        changes.pending.parallelStream().forEach(write -> {
            Optional<float[]> vector = Optional.ofNullable(vectors.get(write.note().path()));
            var doc = NoteDocuments.document(vaultName, write.note(), write.file(), vector);
            try {
                if (write.replaces()) {
                    writer.updateDocument(new Term(IndexFields.PATH, write.note().path()), doc);
                } else {
                    writer.addDocument(doc);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        changes.pendingWritten();
    }

    /**
     * Writes the rest of the planned changes, lets searchers see all of them at once (a near-real-time reader on
     * the writer: no file is synced for it), then commits them, so the next start and other processes find them.
     * A note written without its embedding in {@code vectors} (by path) joins the backlog.
     */
    private void apply(IndexChanges changes, Map<String, float[]> vectors) throws IOException {
        writePending(changes, vectors);
        IndexWriter writer = store.writer();
        for (String path : changes.dropped) {
            writer.deleteDocuments(new Term(IndexFields.PATH, path));
        }
        for (String path : changes.deletes) {
            writer.deleteDocuments(new Term(IndexFields.PATH, path));
        }
        for (NoteFile file : changes.touches.values()) {
            writer.updateDocValues(new Term(IndexFields.PATH, file.path()),
                    new NumericDocValuesField(IndexFields.MODIFIED, file.modified()),
                    new NumericDocValuesField(IndexFields.SIZE, file.size()));
        }
        if (writer.hasUncommittedChanges()) {
            store.searchers().maybeRefreshBlocking();
            writer.commit();
        }
        changes.deletes.forEach(state::remove);
        backlog.removeAll(changes.deletes);
        backlog.removeAll(changes.dropped);
        changes.written.values().forEach(state::put);
        for (String path : changes.written.keySet()) {
            if (vectors.containsKey(path) || !embeddings.enabled()) {
                backlog.remove(path);
            } else {
                backlog.add(path);
            }
        }
        for (NoteFile file : changes.touches.values()) {
            IndexedFile old = state.get(file.path()).orElseThrow();
            state.put(new IndexedFile(old.path(), old.id(), old.claim(), old.hash(), file.modified(), file.size()));
        }
    }

    private Optional<float[]> embedding(TextEmbedder embedder, Note note) {
        try {
            return Optional.of(embedder.embed(NoteDocuments.embeddedText(note)));
        } catch (RuntimeException e) {
            LOG.warn("Cannot embed the note {} of vault '{}'; it is searched lexically only", note.path(), vaultName, e);
            return Optional.empty();
        }
    }

    private UpdateResult result(IndexChanges changes, long start) {
        boolean rebuilt = freshStart;
        freshStart = false;
        return changes.result(rebuilt, Duration.ofNanos(System.nanoTime() - start));
    }

    /** Opens the index, or starts it afresh when it is missing, unreadable or of another format. */
    private void openStore() {
        try {
            Directory dir = FSDirectory.open(directory);
            try {
                boolean exists = DirectoryReader.indexExists(dir);
                // the writer takes the write lock first: only its holder may judge the files and replace them
                store = newStore(dir, !exists);
                if (exists && !IndexFields.FORMAT.equals(
                        SegmentInfos.readLatestCommit(dir).getUserData().get(IndexFields.FORMAT_KEY))) {
                    throw new IOException("the index has another format than " + IndexFields.FORMAT);
                }
                try (DirectoryReader reader = DirectoryReader.open(store.writer())) {
                    state = IndexState.read(reader);
                    backlog = embeddings.enabled() ? VectorBacklog.read(reader) : new VectorBacklog();
                }
                freshStart = !exists;
            } catch (LockObtainFailedException e) {
                dir.close();
                throw inUse(e);
            } catch (IOException | RuntimeException e) {
                if (e instanceof CeException) {
                    throw e;
                }
                LOG.warn("The index of vault '{}' at {} cannot be used ({}); it is a cache and is being rebuilt.",
                        vaultName, directory, e.toString());
                if (store != null) {
                    store.closeQuietly();
                } else {
                    dir.close();
                }
                startAfresh();
            }
        } catch (IOException e) {
            throw ioFailure(e);
        }
    }

    /** Deletes Lucene's files in the directory and creates an empty index there. */
    private void startAfresh() throws IOException {
        Files.createDirectories(directory);
        Directory dir = FSDirectory.open(directory);
        // under the write lock, so the files of an index another process writes are never deleted
        try (Lock lock = dir.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
            try (var files = Files.list(directory)) {
                for (Path file : files.toList()) {
                    String name = file.getFileName().toString();
                    if (Files.isRegularFile(file) && LUCENE_FILE.matcher(name).matches()
                            && !name.equals(IndexWriter.WRITE_LOCK_NAME)) {
                        Files.deleteIfExists(file);
                    }
                }
            }
        } catch (LockObtainFailedException e) {
            dir.close();
            throw inUse(e);
        }
        try {
            store = newStore(dir, true);
        } catch (LockObtainFailedException e) {
            dir.close();
            throw inUse(e);
        }
        state = new IndexState();
        backlog = new VectorBacklog();
        freshStart = true;
    }

    private Store newStore(Directory dir, boolean create) throws IOException {
        IndexWriterConfig config = new IndexWriterConfig(analyzer)
                .setOpenMode(create ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.APPEND)
                .setRAMBufferSizeMB(64)
                .setCommitOnClose(false); // every update commits; a half-done one is dropped
        IndexWriter writer = new IndexWriter(dir, config);
        writer.setLiveCommitData(Map.of(IndexFields.FORMAT_KEY, IndexFields.FORMAT, "pce.vault", vaultName)
                .entrySet());
        if (create) {
            writer.commit();
        }
        return new Store(dir, writer, new SearcherManager(writer, null));
    }

    private CeException inUse(LockObtainFailedException e) {
        return new CeException(ErrorCode.CONFLICT, "The index at " + directory + " is in use by another process.",
                "Let one server per workspace keep the vault index, or give this one another index directory.", e);
    }

    private CeException ioFailure(Exception e) {
        return new CeException(ErrorCode.IO, "Cannot use the vault index at " + directory + ": " + e.getMessage(),
                "Check that the directory is writable and the disk is not full; the index is a cache, so deleting "
                        + "the directory is safe.", e);
    }

    /** The indexed note paths in the vault-relative {@code folder} or below it, sorted; no file is looked at. */
    public List<String> indexedPathsUnder(String folder) {
        String prefix = folder.endsWith("/") ? folder : folder + "/";
        updateLock.lock();
        try {
            return state.files().stream().map(IndexedFile::path).filter(p -> p.startsWith(prefix)).sorted().toList();
        } finally {
            updateLock.unlock();
        }
    }

    /** For tests: the paths the index holds, sorted. */
    List<String> indexedPaths() {
        updateLock.lock();
        try {
            return state.files().stream().map(IndexedFile::path).sorted().toList();
        } finally {
            updateLock.unlock();
        }
    }
}
