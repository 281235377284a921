package dev.pce.pkm.vault;

import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.pkm.note.FrontMatter;
import dev.pce.pkm.note.Note;
import dev.pce.pkm.note.NoteDraft;
import dev.pce.pkm.note.NoteParser;
import dev.pce.pkm.note.ParseOptions;
import dev.pce.pkm.note.ParseResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class VaultWriteTest {
    @TempDir
    Path root;

    private static NoteDraft draft(String title) {
        FrontMatter fm = FrontMatter.builder().title(title).type("insight").tag("retries").build();
        return NoteDraft.create(LocalDateTime.of(2024, 8, 24, 16, 4), "insights", fm,
                "Retries without jitter synchronize. See [[202408231200-retry-storm]].\n");
    }

    @Test
    void createsANewNoteWithItsFoldersAndReturnsItParsed() throws IOException {
        Vault vault = Vault.open(root);
        Note note = vault.create(draft("Rate limits need jitter"));

        assertThat(note.path()).isEqualTo("insights/202408241604-rate-limits-need-jitter.md");
        assertThat(note.id().value()).isEqualTo("202408241604-rate-limits-need-jitter");
        assertThat(note.title()).isEqualTo("Rate limits need jitter");
        assertThat(note.linkTargets()).containsExactly("202408231200-retry-storm");
        Path file = root.resolve(note.path());
        byte[] bytes = Files.readAllBytes(file);
        assertThat(note.contentHash()).isEqualTo(NoteParser.sha256(bytes));
        assertThat(note.size()).isEqualTo(bytes.length);
        assertThat(vault.read(note.path())).isEqualTo(new ParseResult.Parsed(note, List.of()));
    }

    @Test
    void replaceWritesOverTheNoteThereAndNeverCreatesOne() throws IOException {
        Vault vault = Vault.open(root);
        NoteDraft first = draft("Rate limits need jitter");
        CeException none = catchThrowableOfType(CeException.class, () -> vault.replace(first));
        assertThat(none.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(none.getMessage()).contains("There is no note at " + first.path());

        vault.create(first);
        Note replaced = vault.replace(new NoteDraft(first.path(), first.frontMatter(), "Counted twice now.\n"));

        assertThat(replaced.body()).isEqualTo("Counted twice now.\n");
        assertThat(Files.readString(root.resolve(first.path()))).endsWith("Counted twice now.\n");
        try (Stream<Path> files = Files.list(root.resolve("insights"))) {
            assertThat(files).hasSize(1); // no temporary file left beside it
        }
    }

    @Test
    void neverOverwritesAnExistingNote() throws IOException {
        Vault vault = Vault.open(root);
        Note first = vault.create(draft("Same title"));
        String before = Files.readString(root.resolve(first.path()));

        CeException e = catchThrowableOfType(CeException.class, () -> vault.create(draft("Same title")));

        assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT);
        assertThat(e.getMessage()).contains(first.path());
        assertThat(e.fix()).isNotBlank();
        assertThat(Files.readString(root.resolve(first.path()))).isEqualTo(before);
        assertThat(catchThrowableOfType(CeException.class, () -> vault.write(first)).code())
                .isEqualTo(ErrorCode.CONFLICT);
    }

    @Test
    void aDirectoryOrLinkWithTheNameIsNotOverwrittenEither() throws IOException {
        Vault vault = Vault.open(root);
        Files.createDirectories(root.resolve("taken.md"));
        Files.writeString(root.resolve("target.md"), "kept");
        Files.createSymbolicLink(root.resolve("link.md"), root.resolve("target.md"));

        for (String path : List.of("taken.md", "link.md")) {
            CeException e = catchThrowableOfType(CeException.class,
                    () -> vault.create(new NoteDraft(path, FrontMatter.EMPTY, "new")));
            assertThat(e.code()).as(path).isEqualTo(ErrorCode.CONFLICT);
        }
        assertThat(Files.readString(root.resolve("target.md"))).isEqualTo("kept");
    }

    @Test
    void concurrentCreatesOfOneNameLetExactlyOneWin() throws Exception {
        Vault vault = Vault.open(root);
        int writers = 8;
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<String>> tasks = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            int n = i;
            tasks.add(() -> {
                start.await();
                try {
                    vault.create(new NoteDraft("race.md", FrontMatter.EMPTY, "writer " + n + "\n"));
                    return "won";
                } catch (CeException e) {
                    return e.code().name();
                }
            });
        }
        List<String> outcomes = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(writers)) {
            List<Future<String>> futures = tasks.stream().map(pool::submit).toList();
            start.countDown();
            for (Future<String> f : futures) {
                outcomes.add(f.get());
            }
        }
        assertThat(outcomes).containsOnlyOnce("won");
        assertThat(outcomes.stream().filter("CONFLICT"::equals)).hasSize(writers - 1);
        assertThat(Files.readString(root.resolve("race.md"))).matches("---\n---\nwriter \\d\n");
    }

    @Test
    void leavesNoTemporaryFilesBehind() throws IOException {
        Vault vault = Vault.open(root);
        vault.create(draft("One"));
        catchThrowableOfType(CeException.class, () -> vault.create(draft("One")));
        try (Stream<Path> files = Files.walk(root)) {
            assertThat(files.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()))
                    .containsExactly("insights/202408241604-one.md");
        }
    }

    @Test
    void aNoteTooLargeToReadBackIsRefusedBeforeWriting() {
        Vault vault = Vault.open(root, new ParseOptions(100));
        CeException e = catchThrowableOfType(CeException.class,
                () -> vault.create(new NoteDraft("big.md", FrontMatter.EMPTY, "x".repeat(200))));
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(root.resolve("big.md")).doesNotExist();
    }

    @Test
    void writtenNotesAreFoundByScan() {
        Vault vault = Vault.open(root);
        Note a = vault.create(draft("First"));
        Note b = vault.create(new NoteDraft("root-level.md", FrontMatter.builder().title("Root").build(), "[[x]]"));
        assertThat(vault.scan().notes()).containsExactly(a, b);
    }
}
