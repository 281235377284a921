package dev.pce.pkm.vault;

import dev.pce.pkm.note.Note;
import dev.pce.pkm.note.NoteProblem;
import dev.pce.pkm.note.ParseOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class VaultScanTest {
    @TempDir
    Path root;

    private void write(String relative, String text) throws IOException {
        write(relative, text.getBytes(StandardCharsets.UTF_8));
    }

    private void write(String relative, byte[] bytes) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }

    @Test
    void malformedNotesAreReportedAndSkippedWhileTheRestParse() throws IOException {
        write("a-good.md", "---\ntitle: Good\n---\n[[b-also-good]] #ok\n");
        write("sub/b-also-good.md", "# Also good\n");
        write("bad-yaml.md", "---\ntitle: [unclosed\n---\n");
        write("binary.md", new byte[]{1, 2, 0, 3});
        write("latin1.md", "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1));
        write("huge.md", "x".repeat(2000));
        write("warned.md", "---\ndate: someday\n---\n");

        ScanResult scan = Vault.open(root, new ParseOptions(1000)).scan();

        assertThat(scan.notes()).extracting(Note::path)
                .containsExactly("a-good.md", "sub/b-also-good.md", "warned.md");
        assertThat(scan.problems()).extracting(NoteProblem::path, NoteProblem::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple("bad-yaml.md", NoteProblem.Kind.BAD_YAML),
                org.assertj.core.groups.Tuple.tuple("binary.md", NoteProblem.Kind.BINARY),
                org.assertj.core.groups.Tuple.tuple("huge.md", NoteProblem.Kind.OVERSIZE),
                org.assertj.core.groups.Tuple.tuple("latin1.md", NoteProblem.Kind.BINARY));
        assertThat(scan.warnings()).singleElement().satisfies(w -> {
            assertThat(w.path()).isEqualTo("warned.md");
            assertThat(w.kind()).isEqualTo(NoteProblem.Kind.BAD_FIELD);
        });
        assertThat(scan.notes().getFirst().links().getFirst().target()).isEqualTo("b-also-good");
    }

    @Test
    void hiddenDirectoriesAndOtherFilesAreNotNotes() throws IOException {
        write("note.md", "x");
        write("UPPER.MD", "x");
        write(".obsidian/workspace.md", "x");
        write(".trash/deleted.md", "x");
        write(".git/info.md", "x");
        write("sub/.hidden/x.md", "x");
        write(".hidden-file.md", "x");
        write("image.png", new byte[]{0, 1});
        write("readme.txt", "x");

        ScanResult scan = Vault.open(root).scan();

        assertThat(scan.notes()).extracting(Note::path).containsExactly("UPPER.MD", "note.md");
        assertThat(scan.problems()).isEmpty();
    }

    @Test
    void notesOfOneNameAreAllKeptAnExplicitIdWinningTheName() throws IOException {
        write("a/same.md", "first");
        write("b/same.md", "second");
        write("c.md", "---\nid: same\n---\nthird");
        write("d.md", "---\nid: same\n---\nfourth");

        ScanResult scan = Vault.open(root).scan();

        assertThat(scan.notes()).extracting(n -> n.path() + "=" + n.id())
                .containsExactly("a/same.md=a/same", "b/same.md=b/same", "c.md=same");
        assertThat(scan.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("d.md");
            assertThat(p.kind()).isEqualTo(NoteProblem.Kind.DUPLICATE_ID);
            assertThat(p.what()).contains("c.md");
        });
    }

    @Test
    void anEmptyVaultScansToNothing() {
        ScanResult scan = Vault.open(root).scan();
        assertThat(scan.notes()).isEmpty();
        assertThat(scan.problems()).isEmpty();
    }
}
