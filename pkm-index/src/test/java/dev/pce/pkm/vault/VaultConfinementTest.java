package dev.pce.pkm.vault;

import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.pkm.note.FrontMatter;
import dev.pce.pkm.note.NoteDraft;
import dev.pce.pkm.note.NoteProblem;
import dev.pce.pkm.note.ParseResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Notes outside the vault root are never read or written, whatever the path or the links say. */
class VaultConfinementTest {
    @TempDir
    Path temp;
    Path root;
    Path outside;
    Vault vault;

    @BeforeEach
    void setUp() throws IOException {
        root = Files.createDirectories(temp.resolve("vault"));
        outside = Files.createDirectories(temp.resolve("outside"));
        Files.writeString(outside.resolve("secret.md"), "---\ntitle: Secret\n---\nsecret\n");
        Files.writeString(root.resolve("inside.md"), "inside");
        vault = Vault.open(root);
    }

    private static CeException refused(Runnable call) {
        CeException e = catchThrowableOfType(CeException.class, call::run);
        assertThat(e).as("expected a refusal").isNotNull();
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(e.fix()).isNotBlank();
        return e;
    }

    @ParameterizedTest
    @ValueSource(strings = {"../outside/secret.md", "sub/../../outside/secret.md", "..", "a/../inside.md",
            "/etc/passwd.md", "\\windows\\x.md", "C:/x.md", "c:\\x.md", "..\\outside\\secret.md",
            ".obsidian/app.md", "sub/.git/x.md", "", "  ", "notes/", "x.txt", "nul\0byte.md", "line\nbreak.md"})
    void pathsThatLeaveTheVaultOrAreNotNotesAreRefused(String path) {
        refused(() -> vault.read(path));
        refused(() -> vault.create(new NoteDraft(path, FrontMatter.EMPTY, "x")));
    }

    @Test
    void anAbsolutePathIntoTheVaultIsStillRefused() {
        CeException e = refused(() -> vault.read(root.resolve("inside.md").toString()));
        assertThat(e.getMessage()).contains("absolute");
    }

    @Test
    void dotSegmentsAndDoubleSlashesAreNormalizedNotRefused() {
        assertThat(vault.read("./inside.md")).isInstanceOf(ParseResult.Parsed.class);
        assertThat(VaultPaths.normalize("a//b/./c.md")).isEqualTo("a/b/c.md");
    }

    @Test
    void aSymlinkedFileLeadingOutsideIsRefusedAndReportedByScan() throws IOException {
        Files.createSymbolicLink(root.resolve("link.md"), outside.resolve("secret.md"));

        CeException e = refused(() -> vault.read("link.md"));
        assertThat(e.getMessage()).contains("link.md", "outside");

        ScanResult scan = vault.scan();
        assertThat(scan.notes()).extracting(n -> n.path()).containsExactly("inside.md");
        assertThat(scan.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("link.md");
            assertThat(p.kind()).isEqualTo(NoteProblem.Kind.OUTSIDE_VAULT);
        });
    }

    /** A hard link cannot be told from the original: its other name may lie outside the vault. */
    @Test
    void aFileWithAnotherHardLinkIsNeitherListedNorReadAndIsReported() throws IOException {
        Files.createLink(root.resolve("linked.md"), outside.resolve("secret.md"));

        ScanResult scan = vault.scan();
        assertThat(scan.notes()).extracting(n -> n.path()).containsExactly("inside.md");
        assertThat(scan.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("linked.md");
            assertThat(p.kind()).isEqualTo(NoteProblem.Kind.HARD_LINKED);
            assertThat(p.what()).contains("2 hard links").doesNotContain(outside.toString());
        });
        assertThat(vault.list().files()).extracting(NoteFile::path).containsExactly("inside.md");
        assertThat(vault.read("linked.md")).isInstanceOfSatisfying(ParseResult.Problem.class, problem ->
                assertThat(problem.problem().kind()).isEqualTo(NoteProblem.Kind.HARD_LINKED));
        // a symbolic link inside the vault to such a file does not get around it
        Files.createSymbolicLink(root.resolve("alias.md"), root.resolve("linked.md"));
        assertThat(vault.scan().notes()).extracting(n -> n.path()).containsExactly("inside.md");
    }

    @Test
    void aLinkLeadingOutsideIsReportedByItsNameNeverByItsTarget() throws IOException {
        Files.createSymbolicLink(root.resolve("link.md"), outside.resolve("secret.md"));
        Files.createSymbolicLink(root.resolve("linked"), outside);

        assertThat(vault.scan().problems()).hasSize(2)
                .allSatisfy(p -> assertThat(p.what()).doesNotContain(outside.toString()));
        assertThat(refused(() -> vault.read("linked/secret.md")).getMessage()).contains("leads outside the vault")
                .doesNotContain(outside.toString());
    }

    @Test
    void aSymlinkedDirectoryLeadingOutsideIsRefusedAndReportedByScan() throws IOException {
        Files.createSymbolicLink(root.resolve("linked"), outside);

        refused(() -> vault.read("linked/secret.md"));
        refused(() -> vault.create(new NoteDraft("linked/new.md", FrontMatter.EMPTY, "x")));
        refused(() -> vault.create(new NoteDraft("linked/deeper/new.md", FrontMatter.EMPTY, "x")));
        assertThat(outside.resolve("new.md")).doesNotExist();
        assertThat(outside.resolve("deeper")).doesNotExist();

        ScanResult scan = vault.scan();
        assertThat(scan.notes()).extracting(n -> n.path()).containsExactly("inside.md");
        assertThat(scan.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("linked");
            assertThat(p.kind()).isEqualTo(NoteProblem.Kind.OUTSIDE_VAULT);
        });
    }

    @Test
    void aDanglingSymlinkIsNeitherReadNorWrittenThrough() throws IOException {
        Path target = outside.resolve("not-yet.md");
        Files.createSymbolicLink(root.resolve("dangling.md"), target);

        refused(() -> vault.read("dangling.md"));
        CeException e = catchThrowableOfType(CeException.class,
                () -> vault.create(new NoteDraft("dangling.md", FrontMatter.EMPTY, "x")));
        assertThat(e).isNotNull();
        assertThat(target).doesNotExist();
        assertThat(vault.scan().problems()).extracting(NoteProblem::kind)
                .containsExactly(NoteProblem.Kind.UNREADABLE);
    }

    @Test
    void symlinksInsideTheVaultAreFollowedForFilesOnly() throws IOException {
        Files.createDirectories(root.resolve("real"));
        Files.writeString(root.resolve("real/note.md"), "# Real");
        Files.createSymbolicLink(root.resolve("alias.md"), root.resolve("real/note.md"));
        Files.createSymbolicLink(root.resolve("dir-alias"), root.resolve("real"));

        assertThat(vault.read("alias.md")).isInstanceOf(ParseResult.Parsed.class);
        assertThat(vault.read("dir-alias/note.md")).isInstanceOf(ParseResult.Parsed.class);
        ScanResult scan = vault.scan();
        assertThat(scan.notes()).extracting(n -> n.path()).containsExactly("alias.md", "inside.md", "real/note.md");
        assertThat(scan.problems()).isEmpty();
    }

    @Test
    void aVaultRootThatIsItselfALinkWorks() throws IOException {
        Path link = Files.createSymbolicLink(temp.resolve("vault-link"), root);
        Vault linked = Vault.open(link);
        assertThat(linked.root()).isEqualTo(root.toRealPath());
        assertThat(linked.read("inside.md")).isInstanceOf(ParseResult.Parsed.class);
    }

    @Test
    void readingAMissingNoteOrAFolderIsAClearError() throws IOException {
        Files.createDirectories(root.resolve("folder.md"));
        assertThat(refused(() -> vault.read("missing.md")).getMessage()).contains("missing.md");
        assertThat(refused(() -> vault.read("folder.md")).getMessage()).contains("not a file");
    }

    @Test
    void openingAMissingVaultIsAClearError() {
        CeException e = refused(() -> Vault.open(temp.resolve("nope")));
        assertThat(e.fix()).contains("CE_VAULT");
    }
}
