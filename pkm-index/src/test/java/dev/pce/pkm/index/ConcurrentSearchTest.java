package dev.pce.pkm.index;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** Searches while updates commit: none fails, and each sees the whole old or the whole new vault. */
class ConcurrentSearchTest {
    private static final int NOTES = 150;

    @TempDir
    Path tmp;

    private static void writeAll(TestVault vault, String word) {
        for (int i = 0; i < NOTES; i++) {
            vault.note("n/" + i + ".md", "Note " + i, null, null, List.of(), null, "Generation " + word + " " + i);
        }
    }

    @Test
    void searchesDuringUpdatesSeeOldOrNewStateAndNeverFail() throws InterruptedException {
        TestVault vault = new TestVault(tmp.resolve("vault"));
        writeAll(vault, "alpha");
        try (VaultIndex index = VaultIndex.open(tmp.resolve("index"), "pce")) {
            index.update(vault.vault());
            VaultSearcher searcher = VaultSearcher.of(index);
            AtomicBoolean done = new AtomicBoolean();
            List<Throwable> failures = new CopyOnWriteArrayList<>();
            Set<String> seen = ConcurrentHashMap.newKeySet();
            List<Thread> readers = java.util.stream.IntStream.range(0, 3).mapToObj(t -> Thread.ofPlatform().start(() -> {
                while (!done.get()) {
                    try {
                        long alpha = searcher.search(SearchQuery.of("alpha")).totalHits();
                        long beta = searcher.search(SearchQuery.of("beta")).totalHits();
                        long both = searcher.search(SearchQuery.of("alpha OR beta")).totalHits();
                        assertThat(both).isEqualTo(NOTES);
                        assertThat(alpha).isIn(0L, (long) NOTES);
                        assertThat(beta).isIn(0L, (long) NOTES);
                        seen.add(alpha + "/" + beta);
                    } catch (Throwable e) {
                        failures.add(e);
                        return;
                    }
                }
            })).toList();
            for (int round = 0; round < 6; round++) {
                writeAll(vault, round % 2 == 0 ? "beta" : "alpha");
                UpdateResult result = index.update(vault.vault());
                assertThat(result.changed()).isEqualTo(NOTES);
            }
            done.set(true);
            for (Thread reader : readers) {
                reader.join();
            }
            assertThat(failures).isEmpty();
            assertThat(seen).isNotEmpty();
        }
    }
}
