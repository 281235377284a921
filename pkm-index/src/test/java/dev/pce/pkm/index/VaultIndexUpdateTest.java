package dev.pce.pkm.index;

import dev.pce.pkm.note.NoteProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Incremental updates: what is read, what is re-indexed, what is removed, and rebuilding a lost index. */
class VaultIndexUpdateTest {
    @TempDir
    Path tmp;

    private TestVault vaultWith(int notes) {
        TestVault vault = new TestVault(tmp.resolve("vault"));
        for (int i = 0; i < notes; i++) {
            vault.note("notes/n" + i + ".md", "Note " + i, "insight", "pce", List.of("t" + i), "2025-01-0" + (1 + i % 9),
                    "Body of note " + i + " about topic" + i + ".");
        }
        return vault;
    }

    private static long hits(VaultIndex index, String text) {
        return VaultSearcher.of(index).search(SearchQuery.of(text)).totalHits();
    }

    @Test
    void unchangedFilesAreNotReadChangedOnesAreReindexedDeletedOnesRemoved() {
        TestVault vault = vaultWith(10);
        try (VaultIndex index = VaultIndex.open(tmp.resolve("index"), "pce")) {
            UpdateResult first = index.update(vault.vault());
            assertThat(first.added()).isEqualTo(10);
            assertThat(first.rebuilt()).isTrue();

            UpdateResult idle = index.update(vault.vault());
            assertThat(idle.unchanged()).isEqualTo(10);
            assertThat(idle.indexed() + idle.deleted() + idle.touched()).isZero();
            assertThat(idle.rebuilt()).isFalse();

            vault.note("notes/n3.md", "Note 3", "insight", "pce", List.of(), null, "Now about zeppelins.");
            vault.note("notes/new.md", "Fresh", null, null, List.of(), null, "Brand new.");
            vault.delete("notes/n7.md");
            UpdateResult next = index.update(vault.vault());
            assertThat(next.changed()).isEqualTo(1);
            assertThat(next.added()).isEqualTo(1);
            assertThat(next.deleted()).isEqualTo(1);
            assertThat(next.unchanged()).isEqualTo(8);
            assertThat(hits(index, "zeppelin")).isEqualTo(1);
            assertThat(hits(index, "topic3")).isZero();
            assertThat(hits(index, "topic7")).isZero();
            assertThat(hits(index, "brand")).isEqualTo(1);
            assertThat(index.size()).isEqualTo(10);
        }
    }

    @Test
    void aTouchedFileWithTheSameContentIsReadButNotReindexed() throws IOException {
        TestVault vault = vaultWith(3);
        try (VaultIndex index = VaultIndex.open(tmp.resolve("index"), "pce")) {
            index.update(vault.vault());
            Files.setLastModifiedTime(vault.root().resolve("notes/n1.md"), FileTime.fromMillis(42_000));
            UpdateResult touched = index.update(vault.vault());
            assertThat(touched.touched()).isEqualTo(1);
            assertThat(touched.indexed()).isZero();
            assertThat(index.update(vault.vault()).unchanged()).isEqualTo(3); // the new mtime was recorded
        }
    }

    @Test
    void theStateSurvivesReopening() {
        TestVault vault = vaultWith(5);
        try (VaultIndex index = VaultIndex.open(tmp.resolve("index"), "pce")) {
            index.update(vault.vault());
        }
        try (VaultIndex index = VaultIndex.open(tmp.resolve("index"), "pce")) {
            UpdateResult again = index.update(vault.vault());
            assertThat(again.unchanged()).isEqualTo(5);
            assertThat(again.rebuilt()).isFalse();
            assertThat(hits(index, "topic4")).isEqualTo(1);
        }
    }

    @Test
    void aDeletedIndexDirectoryIsRebuiltFromTheVault() throws IOException {
        TestVault vault = vaultWith(6);
        Path dir = tmp.resolve("index");
        try (VaultIndex index = VaultIndex.open(dir, "pce")) {
            index.update(vault.vault());
        }
        deleteTree(dir);
        try (VaultIndex index = VaultIndex.open(dir, "pce")) {
            UpdateResult result = index.update(vault.vault());
            assertThat(result.added()).isEqualTo(6);
            assertThat(result.rebuilt()).isTrue();
            assertThat(hits(index, "topic5")).isEqualTo(1);
        }
    }

    @Test
    void anIndexDeletedWhileOpenIsRebuiltAtTheNextUpdate() throws IOException {
        TestVault vault = vaultWith(4);
        Path dir = tmp.resolve("index");
        try (VaultIndex index = VaultIndex.open(dir, "pce")) {
            index.update(vault.vault());
            deleteTree(dir);
            vault.note("notes/late.md", "Late", null, null, List.of(), null, "Arrived late.");
            UpdateResult result = index.update(vault.vault());
            assertThat(result.rebuilt()).isTrue();
            assertThat(result.added()).isEqualTo(5);
            assertThat(hits(index, "arrived")).isEqualTo(1);
            assertThat(Files.list(dir).anyMatch(f -> f.getFileName().toString().startsWith("segments"))).isTrue();
        }
    }

    @Test
    void aCorruptIndexIsDeletedAndRebuilt() throws IOException {
        TestVault vault = vaultWith(4);
        Path dir = tmp.resolve("index");
        try (VaultIndex index = VaultIndex.open(dir, "pce")) {
            index.update(vault.vault());
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> !f.getFileName().toString().equals("write.lock")).toList()) {
                Files.write(file, new byte[] {1, 2, 3}); // every file garbage
            }
        }
        Files.writeString(dir.resolve("README.txt"), "not Lucene's: must survive");
        try (VaultIndex index = VaultIndex.open(dir, "pce")) {
            UpdateResult result = index.update(vault.vault());
            assertThat(result.rebuilt()).isTrue();
            assertThat(result.added()).isEqualTo(4);
            assertThat(hits(index, "topic2")).isEqualTo(1);
        }
        assertThat(dir.resolve("README.txt")).exists();
    }

    @Test
    void rebuildReindexesEverything() {
        TestVault vault = vaultWith(3);
        try (VaultIndex index = VaultIndex.open(tmp.resolve("index"), "pce")) {
            index.update(vault.vault());
            UpdateResult rebuilt = index.rebuild(vault.vault());
            assertThat(rebuilt.added()).isEqualTo(3);
            assertThat(rebuilt.rebuilt()).isTrue();
            assertThat(index.size()).isEqualTo(3);
        }
    }

    @Test
    void malformedNotesAreReportedAndAFileNameIdYieldsToAnExplicitOne() {
        TestVault vault = vaultWith(2);
        vault.write("a/dup.md", "---\nid: n0\n---\nexplicitly n0, so notes/n0.md is known by its path\n");
        vault.write("bad.md", "---\ntags: [x\n---\n");
        try (VaultIndex index = VaultIndex.open(tmp.resolve("index"), "pce")) {
            UpdateResult result = index.update(vault.vault());
            assertThat(result.problems()).extracting(NoteProblem::path, NoteProblem::kind).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("bad.md", NoteProblem.Kind.BAD_YAML));
            assertThat(index.indexedPaths()).containsExactly("a/dup.md", "notes/n0.md", "notes/n1.md");
            assertThat(idOf(index, "notes/n0.md")).isEqualTo("notes/n0");
            assertThat(idOf(index, "a/dup.md")).isEqualTo("n0");

            // the explicit id goes: the file's name is its id again
            vault.delete("a/dup.md");
            UpdateResult after = index.update(vault.vault(), List.of("a/dup.md"));
            assertThat(after.problems()).extracting(NoteProblem::path).containsExactly("bad.md");
            assertThat(index.indexedPaths()).containsExactly("notes/n0.md", "notes/n1.md");
            assertThat(idOf(index, "notes/n0.md")).isEqualTo("n0");
        }
    }

    private static String idOf(VaultIndex index, String path) {
        return VaultSearcher.of(index).byPath(path, SearchFilters.NONE).hits().getFirst().id();
    }

    @Test
    void pathUpdatesTouchOnlyTheGivenFiles() {
        TestVault vault = vaultWith(5);
        try (VaultIndex index = VaultIndex.open(tmp.resolve("index"), "pce")) {
            index.update(vault.vault());
            vault.note("notes/n2.md", "Note 2", null, null, List.of(), null, "Quokkas now.");
            vault.delete("notes/n4.md");
            UpdateResult result = index.update(vault.vault(), List.of("notes/n2.md", "notes/n4.md", "notes/n0.md",
                    ".obsidian/workspace.json", "../escape.md"));
            assertThat(result.changed()).isEqualTo(1);
            assertThat(result.deleted()).isEqualTo(1);
            assertThat(result.unchanged()).isEqualTo(1);
            assertThat(hits(index, "quokka")).isEqualTo(1);
            assertThat(index.indexedPaths()).containsExactly("notes/n0.md", "notes/n1.md", "notes/n2.md",
                    "notes/n3.md");
        }
    }

    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
