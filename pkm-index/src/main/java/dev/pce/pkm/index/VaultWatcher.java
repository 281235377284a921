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
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Keeps a vault's index fresh while the server runs: watches every folder of the vault (hidden ones excepted) and,
 * once changes have settled for the debounce time, updates the index for the changed note files only. A new
 * folder is watched and triggers a full (incremental) update, as does a removed folder or a lost event queue.
 * Failures are logged and the watcher goes on.
 */
public final class VaultWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(VaultWatcher.class);
    public static final Duration DEFAULT_DEBOUNCE = Duration.ofMillis(150);
    /** Under a steady stream of changes, update at least this often. */
    private static final Duration MAX_DELAY = Duration.ofSeconds(1);

    private final Vault vault;
    private final VaultIndex index;
    private final Duration debounce;
    private final Consumer<UpdateResult> listener;
    private final WatchService watchService;
    private final Map<WatchKey, Path> directories = new HashMap<>();
    private final Thread thread;
    private final Set<String> changedPaths = new LinkedHashSet<>();
    private boolean fullUpdate;
    private volatile boolean running = true;

    private VaultWatcher(Vault vault, VaultIndex index, Duration debounce, Consumer<UpdateResult> listener)
            throws IOException {
        this.vault = vault;
        this.index = index;
        this.debounce = debounce;
        this.listener = listener;
        this.watchService = vault.root().getFileSystem().newWatchService();
        this.thread = Thread.ofPlatform().daemon().name("pce-vault-watcher-" + index.vaultName()).unstarted(this::run);
    }

    /**
     * Starts watching {@code vault} for {@code index}. The folders are registered before this returns, so every
     * change after it is seen. Does not update the index first: call {@link VaultIndex#update(Vault)} for that.
     *
     * @param listener told of every update the watcher makes (on the watcher's thread)
     */
    public static VaultWatcher start(Vault vault, VaultIndex index, Duration debounce,
                                     Consumer<UpdateResult> listener) {
        Objects.requireNonNull(listener, "listener");
        if (debounce.isNegative() || debounce.compareTo(MAX_DELAY) > 0) {
            throw new CeException(ErrorCode.INVALID_ARGUMENT, "The debounce time " + debounce + " is outside 0 to "
                    + MAX_DELAY + ".", "Use about 150 ms.");
        }
        try {
            VaultWatcher watcher = new VaultWatcher(vault, index, debounce, listener);
            watcher.registerTree(vault.root());
            watcher.thread.start();
            return watcher;
        } catch (IOException e) {
            throw new CeException(ErrorCode.IO, "Cannot watch the vault " + vault.root() + ": " + e.getMessage(),
                    "Check that the vault is readable; on Linux, raise fs.inotify.max_user_watches for large vaults.",
                    e);
        }
    }

    public static VaultWatcher start(Vault vault, VaultIndex index) {
        return start(vault, index, DEFAULT_DEBOUNCE, result -> { });
    }

    /** Stops watching; an update in progress finishes first. */
    @Override
    public void close() {
        running = false;
        try {
            watchService.close();
        } catch (IOException e) {
            LOG.debug("closing the watch service", e);
        }
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try {
            while (running) {
                collect(watchService.take());
                long deadline = System.nanoTime() + MAX_DELAY.toNanos();
                WatchKey key;
                while (System.nanoTime() < deadline
                        && (key = watchService.poll(debounce.toNanos(), TimeUnit.NANOSECONDS)) != null) {
                    collect(key);
                }
                flush();
            }
        } catch (ClosedWatchServiceException | InterruptedException e) {
            // closed: stop
        }
    }

    /** Records the changes of one directory's events. */
    private void collect(WatchKey key) {
        Path dir = directories.get(key);
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW || dir == null) {
                fullUpdate = true;
                continue;
            }
            Path child = dir.resolve((Path) event.context());
            String name = child.getFileName().toString();
            if (name.startsWith(".")) {
                continue; // hidden files and folders are not part of the vault
            }
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE
                    && Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                registerQuietly(child);
                fullUpdate = true; // its files may have appeared before it was watched
            } else if (VaultPaths.isNoteFileName(name)) {
                changedPaths.add(relative(child));
            } else if (event.kind() == StandardWatchEventKinds.ENTRY_DELETE && directories.containsValue(child)) {
                fullUpdate = true; // a folder of notes went
            }
        }
        if (!key.reset()) {
            directories.remove(key);
        }
    }

    private void flush() {
        if (!fullUpdate && changedPaths.isEmpty()) {
            return;
        }
        try {
            UpdateResult result = fullUpdate ? index.update(vault) : index.update(vault, List.copyOf(changedPaths));
            listener.accept(result);
        } catch (CeException e) {
            LOG.warn("Updating the index of vault '{}' failed: {}", index.vaultName(), e.describe());
        } catch (RuntimeException e) {
            LOG.error("Updating the index of vault '{}' failed", index.vaultName(), e);
        } finally {
            fullUpdate = false;
            changedPaths.clear();
        }
    }

    private String relative(Path file) {
        List<String> parts = new ArrayList<>();
        vault.root().relativize(file).forEach(p -> parts.add(p.toString()));
        return String.join("/", parts);
    }

    private void registerQuietly(Path dir) {
        try {
            registerTree(dir);
        } catch (IOException e) {
            LOG.warn("Cannot watch the folder {}: {}", dir, e.getMessage());
        }
    }

    /** Watches {@code start} and every folder below it, except hidden ones; directory links are not followed. */
    private void registerTree(Path start) throws IOException {
        Files.walkFileTree(start, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (!dir.equals(vault.root()) && dir.getFileName().toString().startsWith(".")) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                WatchKey key = dir.register(watchService, StandardWatchEventKinds.ENTRY_CREATE,
                        StandardWatchEventKinds.ENTRY_DELETE, StandardWatchEventKinds.ENTRY_MODIFY);
                directories.put(key, dir);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE; // the update reports unreadable folders
            }
        });
    }
}
