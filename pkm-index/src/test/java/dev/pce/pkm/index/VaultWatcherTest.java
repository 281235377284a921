package dev.pce.pkm.index;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import static org.assertj.core.api.Assertions.assertThat;

/** The watcher keeps the index fresh; each test polls until a deadline and asserts no timing otherwise. */
class VaultWatcherTest {
    /** The promise: a note edited in Obsidian is searchable within 1 s. */
    /**
     * How long a change may take to be followed here: generous, since these tests check that every kind of change is
     * followed, on a machine that may be busy. How fast it is (an edit searchable in about 0.2 s, the target 1 s) is
     * measured by {@code ./ce bench index}.
     */
    private static final Duration FRESH = Duration.ofSeconds(10);

    @TempDir
    Path tmp;
    private TestVault vault;
    private VaultIndex index;
    private VaultSearcher searcher;
    private VaultWatcher watcher;

    @BeforeEach
    void setUp() {
        vault = new TestVault(tmp.resolve("vault"));
        for (int i = 0; i < 20; i++) {
            vault.note("notes/n" + i + ".md", "Note " + i, null, null, List.of(), null, "Plain body " + i);
        }
        index = VaultIndex.open(tmp.resolve("index"), "pce");
        index.update(vault.vault());
        searcher = VaultSearcher.of(index);
        watcher = VaultWatcher.start(vault.vault(), index);
    }

    @AfterEach
    void tearDown() {
        watcher.close();
        index.close();
    }

    private boolean becomes(String text, long hits, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (searcher.search(SearchQuery.of(text)).totalHits() == hits) {
                return true;
            }
            Thread.sleep(10);
        }
        return searcher.search(SearchQuery.of(text)).totalHits() == hits;
    }

    @Test
    void anEditedNoteBecomesSearchable() throws InterruptedException {
        vault.note("notes/n5.md", "Note 5", null, null, List.of(), null, "Now about axolotls.");
        assertThat(becomes("axolotl", 1, FRESH)).as("edit searchable within %s", FRESH).isTrue();
        assertThat(becomes("\"plain body 5\"", 0, FRESH)).isTrue();
    }

    @Test
    void newAndDeletedNotesAndFoldersAreFollowed() throws InterruptedException, IOException {
        vault.note("notes/fresh.md", "Fresh", null, null, List.of(), null, "Capybaras everywhere.");
        assertThat(becomes("capybara", 1, FRESH)).isTrue();

        vault.delete("notes/n3.md");
        assertThat(becomes("\"plain body 3\"", 0, FRESH)).isTrue();

        vault.note("deep/new/folder/x.md", "Deep", null, null, List.of(), null, "Wombats in a new folder.");
        assertThat(becomes("wombat", 1, FRESH)).isTrue();
        vault.note("deep/new/folder/y.md", "Deeper", null, null, List.of(), null, "Wombats again, later.");
        assertThat(becomes("wombat", 2, FRESH)).isTrue();

        VaultIndexUpdateTest.deleteTree(vault.root().resolve("deep"));
        assertThat(becomes("wombat", 0, FRESH)).isTrue();

        Files.createDirectories(vault.root().resolve(".obsidian"));
        vault.write(".obsidian/hidden.md", "---\ntitle: Hidden\n---\nplatypus\n");
        vault.note("notes/after.md", "After", null, null, List.of(), null, "Platypus outside hidden folders.");
        assertThat(becomes("platypus", 1, FRESH)).isTrue();
    }

    /** A watcher whose events and updates the test controls, on the same vault and index. */
    private VaultWatcher controlledWatcher(VaultWatcher.Updates updates, VaultWatcher.EventFilter filter) {
        watcher.close();
        watcher = VaultWatcher.start(vault.vault(), "pce", updates, VaultWatcher.DEFAULT_DEBOUNCE, result -> { },
                filter);
        return watcher;
    }

    /** The real updates, counting full ones and failing the first {@code failures} path updates. */
    private static final class CountingUpdates implements VaultWatcher.Updates {
        private final VaultWatcher.Updates real;
        final AtomicInteger fullUpdates = new AtomicInteger();
        final AtomicInteger failures;

        CountingUpdates(VaultWatcher.Updates real, int failures) {
            this.real = real;
            this.failures = new AtomicInteger(failures);
        }

        @Override
        public UpdateResult all() {
            fullUpdates.incrementAndGet();
            return real.all();
        }

        @Override
        public UpdateResult paths(Collection<String> paths) {
            if (failures.getAndDecrement() > 0) {
                throw new IllegalStateException("injected failure: the disk is on fire");
            }
            return real.paths(paths);
        }

        @Override
        public List<String> indexedUnder(String folder) {
            return real.indexedUnder(folder);
        }
    }

    /** The watcher's log records while the test runs. */
    private static final class WatcherLog extends Handler implements AutoCloseable {
        private final Logger logger = Logger.getLogger(VaultWatcher.class.getName());
        private final List<LogRecord> records = new CopyOnWriteArrayList<>();

        WatcherLog() {
            logger.addHandler(this);
        }

        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        List<String> warnings() {
            return records.stream().filter(r -> r.getLevel() == Level.WARNING)
                    .map(r -> new SimpleFormatter().formatMessage(r)).toList();
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            logger.removeHandler(this);
        }
    }

    private static WatchEvent<?> overflow() {
        return new WatchEvent<Object>() {
            @Override
            public Kind<Object> kind() {
                return StandardWatchEventKinds.OVERFLOW;
            }

            @Override
            public int count() {
                return 1;
            }

            @Override
            public Object context() {
                return null;
            }
        };
    }

    @Test
    void lostEventsAndThenAnOverflowAreFollowedByALoggedRescanThatFindsTheMissedEdits() throws Exception {
        AtomicReference<String> mode = new AtomicReference<>("lose");
        CountingUpdates updates = new CountingUpdates(VaultWatcher.Updates.of(index, vault.vault()), 0);
        controlledWatcher(updates, events -> switch (mode.get()) {
            case "lose" -> List.of(); // a busy kernel dropped them
            case "overflow" -> List.of(overflow()); // and says so
            default -> events;
        });
        try (WatcherLog log = new WatcherLog()) {
            vault.note("notes/n1.md", "Note 1", null, null, List.of(), null, "Now about narwhals.");
            vault.note("notes/n2.md", "Note 2", null, null, List.of(), null, "Narwhals again.");
            vault.note("notes/new.md", "New", null, null, List.of(), null, "A narwhal note that is new.");
            mode.set("overflow");
            vault.write("notes/trigger.txt", "any event after the lost ones"); // the overflow arrives with it

            assertThat(becomes("narwhal", 3, FRESH)).as("the rescan finds the edits whose events were lost").isTrue();
            assertThat(updates.fullUpdates.get()).isPositive();
            assertThat(log.warnings()).anySatisfy(w -> assertThat(w).contains("Rescanning vault 'pce'", "overflow"));
        }
        mode.set("pass");
        vault.note("notes/n3.md", "Note 3", null, null, List.of(), null, "Then about okapis.");
        assertThat(becomes("okapi", 1, FRESH)).as("the watcher goes on").isTrue();
    }

    @Test
    void aFailedUpdateIsLoggedAndRescannedAndTheNextChangeIsIndexed() throws Exception {
        CountingUpdates updates = new CountingUpdates(VaultWatcher.Updates.of(index, vault.vault()), 1);
        controlledWatcher(updates, VaultWatcher.EventFilter.NONE);
        try (WatcherLog log = new WatcherLog()) {
            vault.note("notes/n4.md", "Note 4", null, null, List.of(), null, "Now about quokkas.");

            assertThat(becomes("quokka", 1, FRESH)).as("the failed update's change is found by the rescan").isTrue();
            assertThat(log.warnings()).anySatisfy(w -> assertThat(w).contains("Updating the index of vault 'pce' "
                    + "failed", "the disk is on fire"));
            assertThat(updates.fullUpdates.get()).isPositive();
        }
        vault.note("notes/n6.md", "Note 6", null, null, List.of(), null, "Then about tapirs.");
        assertThat(becomes("tapir", 1, FRESH)).as("the next change is still indexed").isTrue();
    }

    @Test
    void aFolderMovedInOrOutIsFollowedWithoutRescanningTheVault() throws Exception {
        CountingUpdates updates = new CountingUpdates(VaultWatcher.Updates.of(index, vault.vault()), 0);
        controlledWatcher(updates, VaultWatcher.EventFilter.NONE);
        // notes written outside the vault, then moved in: they predate any watch of their folder
        TestVault outside = new TestVault(tmp.resolve("outside"));
        outside.note("trip/a.md", "A", null, null, List.of(), null, "Ibex on the ridge.");
        outside.note("trip/deeper/b.md", "B", null, null, List.of(), null, "Ibex in the valley.");
        Files.move(outside.root().resolve("trip"), vault.root().resolve("trip"));
        assertThat(becomes("ibex", 2, FRESH)).isTrue();
        vault.note("trip/deeper/c.md", "C", null, null, List.of(), null, "Ibex, watched now.");
        assertThat(becomes("ibex", 3, FRESH)).isTrue();

        Files.move(vault.root().resolve("trip"), tmp.resolve("gone"));
        assertThat(becomes("ibex", 0, FRESH)).as("the notes of a folder moved out are dropped").isTrue();
        assertThat(updates.fullUpdates.get()).as("no walk of the whole vault").isZero();
    }
}
