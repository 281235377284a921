package dev.pce.pkm.index;

import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.pkm.vault.Vault;
import dev.pce.pkm.vault.VaultPaths;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Keeps a vault's index fresh while the server runs: watches every folder of the vault (hidden ones excepted) and,
 * once changes have settled for the debounce time, updates the index for the changed note files only. A new folder
 * is watched and its notes indexed; the notes of a removed folder are dropped; neither walks the rest of the vault.
 *
 * <p>Never a silent miss: when events may have been lost (the event queue overflowed, the watch service failed, a
 * folder could not be watched, an update failed), the watcher logs a warning with the cause and rescans the whole
 * vault, and goes on watching. While some folder cannot be watched (on Linux: the inotify watch limit), it rescans
 * every {@link #UNWATCHED_RESCAN} as well.
 */
public final class VaultWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(VaultWatcher.class);
    public static final Duration DEFAULT_DEBOUNCE = Duration.ofMillis(150);
    /** Under a steady stream of changes, update at least this often. */
    private static final Duration MAX_DELAY = Duration.ofSeconds(1);
    /** After a failed update, the vault is rescanned this much later (not at once: the cause may last a while). */
    static final Duration RETRY_DELAY = Duration.ofSeconds(2);
    /** While a folder cannot be watched, the vault is rescanned this often. */
    static final Duration UNWATCHED_RESCAN = Duration.ofSeconds(30);

    /** How the watcher changes the index: the whole vault, or given paths. A seam for tests of failing updates. */
    interface Updates {
        UpdateResult all();

        UpdateResult paths(Collection<String> paths);

        /** The indexed note paths in {@code folder} (vault-relative) or below it. */
        List<String> indexedUnder(String folder);

        static Updates of(VaultIndex index, Vault vault) {
            return new Updates() {
                @Override
                public UpdateResult all() {
                    return index.update(vault);
                }

                @Override
                public UpdateResult paths(Collection<String> paths) {
                    return index.update(vault, paths);
                }

                @Override
                public List<String> indexedUnder(String folder) {
                    return index.indexedPathsUnder(folder);
                }
            };
        }
    }

    /**
     * What the watcher makes of one folder's events as the watch service delivers them: all of them; a seam for
     * tests that lose events, or replace them with an overflow, as a busy kernel does.
     */
    interface EventFilter extends UnaryOperator<List<WatchEvent<?>>> {
        EventFilter NONE = events -> events;
    }

    private final Vault vault;
    private final String vaultName;
    private final Updates updates;
    private final Duration debounce;
    private final Consumer<UpdateResult> listener;
    private final EventFilter eventFilter;
    private volatile WatchService watchService;
    private final Map<WatchKey, Path> directories = new HashMap<>();
    private final Thread thread;
    private final Set<String> changedPaths = new LinkedHashSet<>();
    /** Why the next update rescans the whole vault; null when the changed paths say everything. */
    private String rescanCause;
    /** The rescan waits until then (System.nanoTime), after a failure; meaningful while a cause is set. */
    private long rescanNotBefore;
    /** Some folder could not be watched: rescan every {@link #UNWATCHED_RESCAN}, next at this time. */
    private boolean unwatched;
    private long periodicRescanAt;
    private volatile boolean running = true;

    private VaultWatcher(Vault vault, String vaultName, Updates updates, Duration debounce,
                         Consumer<UpdateResult> listener, EventFilter eventFilter) throws IOException {
        this.vault = vault;
        this.vaultName = vaultName;
        this.updates = updates;
        this.debounce = debounce;
        this.listener = listener;
        this.eventFilter = eventFilter;
        this.watchService = vault.root().getFileSystem().newWatchService();
        this.thread = Thread.ofPlatform().daemon().name("pce-vault-watcher-" + vaultName).unstarted(this::run);
    }

    /**
     * Starts watching {@code vault} for {@code index}. The folders are registered before this returns, so every
     * change after it is seen. Does not update the index first: call {@link VaultIndex#update(Vault)} for that.
     *
     * @param listener told of every update the watcher makes (on the watcher's thread)
     */
    public static VaultWatcher start(Vault vault, VaultIndex index, Duration debounce,
                                     Consumer<UpdateResult> listener) {
        return start(vault, index.vaultName(), Updates.of(index, vault), debounce, listener, EventFilter.NONE);
    }

    public static VaultWatcher start(Vault vault, VaultIndex index) {
        return start(vault, index, DEFAULT_DEBOUNCE, result -> { });
    }

    static VaultWatcher start(Vault vault, String vaultName, Updates updates, Duration debounce,
                              Consumer<UpdateResult> listener, EventFilter eventFilter) {
        Objects.requireNonNull(listener, "listener");
        if (debounce.isNegative() || debounce.compareTo(MAX_DELAY) > 0) {
            throw new CeException(ErrorCode.INVALID_ARGUMENT, "The debounce time " + debounce + " is outside 0 to "
                    + MAX_DELAY + ".", "Use about 150 ms.");
        }
        VaultWatcher watcher;
        try {
            watcher = new VaultWatcher(vault, vaultName, updates, debounce, listener, eventFilter);
        } catch (IOException e) {
            throw new CeException(ErrorCode.IO, "Cannot watch the vault " + vault.root() + ": " + e.getMessage(),
                    "Check that the vault is readable; on Linux, raise fs.inotify.max_user_watches for large vaults.",
                    e);
        }
        watcher.registerTree(vault.root(), new ArrayList<>());
        watcher.thread.start();
        return watcher;
    }

    /** Stops watching; an update in progress finishes first. */
    @Override
    public void close() {
        running = false;
        close(watchService);
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        while (running) {
            try {
                WatchKey first = nextKey();
                if (first != null) {
                    collect(first);
                    long deadline = System.nanoTime() + MAX_DELAY.toNanos();
                    WatchKey key;
                    while (System.nanoTime() < deadline
                            && (key = watchService.poll(debounce.toNanos(), TimeUnit.NANOSECONDS)) != null) {
                        collect(key);
                    }
                }
                if (unwatched && System.nanoTime() - periodicRescanAt >= 0) {
                    periodicRescanAt = System.nanoTime() + UNWATCHED_RESCAN.toNanos();
                    rescan("some folders cannot be watched");
                }
                flush();
            } catch (InterruptedException e) {
                return;
            } catch (ClosedWatchServiceException e) {
                if (running) {
                    reopen("the watch service was closed");
                }
            } catch (RuntimeException | LinkageError | AssertionError e) {
                // anything else: log, rescan, and keep watching rather than stop following the vault unnoticed
                LOG.warn("The watcher of vault '{}' failed ({}); the vault will be rescanned.", vaultName, e.toString(),
                        e);
                rescanLater("the watcher failed: " + e);
            }
        }
    }

    /** The next key with events: waits for one, or until a rescan is due (then null). */
    private WatchKey nextKey() throws InterruptedException {
        long now = System.nanoTime();
        long wake = Long.MAX_VALUE;
        if (rescanCause != null) {
            wake = Math.max(0, rescanNotBefore - now);
        }
        if (unwatched) {
            wake = Math.min(wake, Math.max(0, periodicRescanAt - now));
        }
        if (wake == Long.MAX_VALUE) {
            return watchService.take();
        }
        return wake == 0 ? watchService.poll() : watchService.poll(wake, TimeUnit.NANOSECONDS);
    }

    /** A new watch service for a failed one: every folder registered again, then a rescan. */
    private void reopen(String cause) {
        LOG.warn("Watching vault '{}' failed ({}); watching it afresh and rescanning it.", vaultName, cause);
        WatchService fresh;
        try {
            fresh = vault.root().getFileSystem().newWatchService();
        } catch (IOException | RuntimeException e) {
            LOG.warn("Cannot watch vault '{}' afresh ({}); trying again in {} s.", vaultName, e.toString(),
                    RETRY_DELAY.toSeconds());
            try {
                Thread.sleep(RETRY_DELAY.toMillis());
            } catch (InterruptedException interrupted) {
                running = false;
            }
            return;
        }
        directories.clear();
        watchService = fresh;
        if (!running) {
            close(fresh);
            return;
        }
        unwatched = false;
        registerTree(vault.root(), new ArrayList<>());
        rescan(cause);
    }

    private static void close(WatchService service) {
        try {
            service.close();
        } catch (IOException e) {
            LOG.debug("closing the watch service", e);
        }
    }

    /** Records the changes of one directory's events. */
    private void collect(WatchKey key) {
        Path dir = directories.get(key);
        for (WatchEvent<?> event : eventFilter.apply(key.pollEvents())) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                rescan("events were lost (the event queue overflowed)");
                continue;
            }
            if (dir == null) {
                continue; // a folder no longer watched (removed, or moved out of the vault)
            }
            Path child = dir.resolve((Path) event.context());
            String name = child.getFileName().toString();
            if (name.startsWith(".")) {
                continue; // hidden files and folders are not part of the vault
            }
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE
                    && Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                // a new folder (or one moved in): watch it, and index the notes it came with
                List<Path> notes = new ArrayList<>();
                registerTree(child, notes);
                notes.forEach(note -> changedPaths.add(relative(note)));
            } else if (VaultPaths.isNoteFileName(name)) {
                changedPaths.add(relative(child));
            } else if (event.kind() == StandardWatchEventKinds.ENTRY_DELETE) {
                // maybe a folder of notes went (or was moved out): drop what the index has of it
                forgetFolder(child);
                changedPaths.addAll(updates.indexedUnder(relative(child)));
            }
        }
        if (!key.reset()) {
            directories.remove(key);
        }
    }

    /** Stops watching a folder that went and the folders below it (a folder moved out stays watchable). */
    private void forgetFolder(Path folder) {
        directories.entrySet().removeIf(entry -> {
            if (entry.getValue().startsWith(folder)) {
                entry.getKey().cancel();
                return true;
            }
            return false;
        });
    }

    private void rescan(String cause) {
        if (rescanCause == null) {
            rescanCause = cause;
        }
    }

    private void rescanLater(String cause) {
        rescan(cause);
        rescanNotBefore = System.nanoTime() + RETRY_DELAY.toNanos();
    }

    private void flush() {
        if (rescanCause != null && System.nanoTime() - rescanNotBefore < 0) {
            return; // a retry after a failure waits for its time; the rescan covers the paths collected until then
        }
        if (rescanCause == null && changedPaths.isEmpty()) {
            return;
        }
        String cause = rescanCause;
        List<String> paths = List.copyOf(changedPaths);
        rescanCause = null;
        changedPaths.clear();
        try {
            UpdateResult result;
            if (cause != null) {
                LOG.warn("Rescanning vault '{}' because {}.", vaultName, cause);
                result = updates.all();
            } else {
                result = updates.paths(paths);
            }
            listener.accept(result);
        } catch (RuntimeException | LinkageError | AssertionError e) {
            String what = e instanceof CeException ce ? ce.describe() : e.toString();
            LOG.warn("Updating the index of vault '{}' failed ({}); rescanning it in {} s.", vaultName, what,
                    RETRY_DELAY.toSeconds(), e);
            rescanLater("the update before failed: " + what);
        }
    }

    private String relative(Path file) {
        List<String> parts = new ArrayList<>();
        vault.root().relativize(file).forEach(p -> parts.add(p.toString()));
        return String.join("/", parts);
    }

    /**
     * Watches {@code start} and every folder below it, except hidden ones (directory links are not followed), and
     * adds the note files found to {@code notes}. A folder that cannot be watched is logged and makes the watcher
     * rescan the vault now and at intervals.
     */
    private void registerTree(Path start, List<Path> notes) {
        try {
            Files.walkFileTree(start, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (!dir.equals(vault.root()) && dir.getFileName().toString().startsWith(".")) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    try {
                        WatchKey key = dir.register(watchService, StandardWatchEventKinds.ENTRY_CREATE,
                                StandardWatchEventKinds.ENTRY_DELETE, StandardWatchEventKinds.ENTRY_MODIFY);
                        directories.put(key, dir);
                    } catch (IOException | RuntimeException e) {
                        cannotWatch(dir, e);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && VaultPaths.isNoteFileName(file.getFileName().toString())) {
                        notes.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE; // the update reports unreadable folders
                }
            });
        } catch (IOException e) {
            cannotWatch(start, e);
        }
    }

    private void cannotWatch(Path dir, Exception e) {
        if (e instanceof ClosedWatchServiceException closed) {
            throw closed;
        }
        if (!unwatched) {
            LOG.warn("Cannot watch the folder {} of vault '{}' ({}); rescanning the vault now and every {} s. On "
                    + "Linux, raise fs.inotify.max_user_watches and restart the server.", dir, vaultName, e.toString(),
                    UNWATCHED_RESCAN.toSeconds());
            unwatched = true;
            periodicRescanAt = System.nanoTime() + UNWATCHED_RESCAN.toNanos();
        } else {
            LOG.debug("Cannot watch the folder {} either ({})", dir, e.toString());
        }
        rescan("the folder " + dir + " cannot be watched");
    }
}
