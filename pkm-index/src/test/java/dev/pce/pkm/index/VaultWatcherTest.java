package dev.pce.pkm.index;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

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
}
