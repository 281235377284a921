package dev.pce.pkm.knowledge;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.engine.Json;
import dev.pce.engine.workspace.Workspace;
import dev.pce.pkm.index.SearchFilters;
import dev.pce.pkm.index.SearchQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Editing, moving and deleting notes of the own vault on real files and the real index: every change is guarded
 * by the version it was asked on, stays inside the vault, and is searchable as soon as the call returns.
 */
class NoteMaintenanceTest {
    @TempDir
    Path tmp;

    private Path vault;
    private VaultKnowledgeStore store;

    @BeforeEach
    void vault() throws Exception {
        vault = tmp.resolve("vault");
        write("inbox/Retry ideas.md", "---\ntitle: Retries need jitter\ntags: [retries]\n---\n"
                + "Clients that retry together hammer the server in waves.\n");
        write("a.md", "# A\nSee [[Retry ideas|the ideas]] and ![[Retry ideas#Why]].\n\n```\n[[Retry ideas]]\n```\n");
        // b links to it by a markdown link only: that makes it a backlink too
        write("notes/b.md", "# B\nAs [written](../inbox/Retry%20ideas.md), with `[[Retry ideas]]` in code.\n");
        write("c.md", "# C\nNothing to see.\n");
        store = VaultKnowledgeStore.openNow(Workspace.open(tmp.resolve("ws")),
                Map.of("CE_VAULT", vault.toString(), "CE_PROJECT", "shop"));
        VaultKnowledgeStoreTest.awaitIndexed(store, 4);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void write(String path, String text) throws IOException {
        Path file = vault.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private String version(String note) {
        return store.read(note, Optional.empty()).version();
    }

    private List<String> found(String query) {
        return store.search(new SearchQuery(query, SearchFilters.NONE, 0, 10)).hits().stream()
                .map(hit -> hit.note().path()).toList();
    }

    private static NoteChange.Edit body(String note, String version, String body) {
        return new NoteChange.Edit(note, version, Optional.of(body), Optional.empty(), Optional.empty());
    }

    @Test
    void anEditOnTheVersionReadReplacesTheBodyKeepsTheFrontMatterAsWrittenAndIsSearchableAtOnce() throws Exception {
        String version = version("Retry ideas");

        ChangedNote changed = store.change(body("Retry ideas", version, "Add full jitter to the backoff."));

        assertThat(Files.readString(vault.resolve("inbox/Retry ideas.md"))).isEqualTo(
                "---\ntitle: Retries need jitter\ntags: [retries]\n---\nAdd full jitter to the backoff.\n");
        assertThat(changed.version()).hasValueSatisfying(v -> assertThat(v).isNotEqualTo(version));
        assertThat(changed.indexed()).isTrue();
        assertThat(found("backoff")).containsExactly("inbox/Retry ideas.md");
        assertThat(found("hammer")).isEmpty();
    }

    @Test
    void anEditOnAStaleVersionIsRefusedAndTheNoteKeepsWhatWasWrittenSince() throws Exception {
        String stale = version("c");
        write("c.md", "# C\nWritten in Obsidian meanwhile.\n");

        assertThatThrownBy(() -> store.change(body("c", stale, "Overwritten?")))
                .isInstanceOfSatisfying(CeException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT);
                    assertThat(e.getMessage()).contains("c.md changed since version");
                    assertThat(e.fix()).contains("ce_note");
                });
        assertThat(Files.readString(vault.resolve("c.md"))).isEqualTo("# C\nWritten in Obsidian meanwhile.\n");
    }

    @Test
    void ofTwoEditsOnOneVersionAtOnceExactlyOneIsMadeAndTheOtherIsRefused() throws Exception {
        String version = version("c");
        CyclicBarrier start = new CyclicBarrier(2);
        List<CompletableFuture<String>> edits = List.of("first", "second").stream()
                .map(text -> CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                        store.change(body("c", version, text));
                        return "made";
                    } catch (CeException e) {
                        return e.code().name();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })).toList();

        assertThat(edits.stream().map(CompletableFuture::join))
                .containsExactlyInAnyOrder("made", "CONFLICT");
    }

    @Test
    void appendAndFrontMatterFieldsChangeTheNoteAndAnIdChangeIsRefused() throws Exception {
        ObjectNode fields = Json.mapper().createObjectNode().put("status", "accepted").putNull("tags");
        store.change(new NoteChange.Edit("c", version("c"), Optional.empty(), Optional.of("More."),
                Optional.of(fields)));

        assertThat(Files.readString(vault.resolve("c.md"))).isEqualTo(
                "---\nstatus: accepted\n---\n# C\nNothing to see.\n\nMore.\n");
        assertThatThrownBy(() -> store.change(new NoteChange.Edit("c", version("c"), Optional.empty(),
                Optional.empty(), Optional.of(Json.mapper().createObjectNode().put("id", "x")))))
                .isInstanceOfSatisfying(CeException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
                    assertThat(e.getMessage()).contains("front_matter.id");
                });
        assertThatThrownBy(() -> store.change(new NoteChange.Edit("c", version("c"), Optional.empty(),
                Optional.empty(), Optional.of(Json.mapper().createObjectNode().put("tags", "not a tag!")))))
                .isInstanceOfSatisfying(CeException.class, e -> assertThat(e.getMessage()).contains("front_matter"));
    }

    @Test
    void aMoveRewritesTheLinksOfTheNotesLinkingToItButNotThoseInCode() throws Exception {
        ChangedNote moved = store.change(new NoteChange.Move("Retry ideas", Optional.empty(),
                "patterns/Jittered retries.md"));

        assertThat(moved.note().path()).isEqualTo("patterns/Jittered retries.md");
        assertThat(moved.rewritten()).containsExactlyInAnyOrder("a.md", "notes/b.md");
        assertThat(Files.exists(vault.resolve("inbox/Retry ideas.md"))).isFalse();
        assertThat(Files.readString(vault.resolve("a.md"))).isEqualTo("# A\nSee [[Jittered retries|the ideas]] and "
                + "![[Jittered retries#Why]].\n\n```\n[[Retry ideas]]\n```\n");
        assertThat(Files.readString(vault.resolve("notes/b.md"))).isEqualTo("# B\nAs [written]"
                + "(../patterns/Jittered%20retries.md), with `[[Retry ideas]]` in code.\n");
        assertThat(found("hammer")).containsExactly("patterns/Jittered retries.md");
        assertThat(store.read("Jittered retries", Optional.empty()).links().linkedFrom()).contains("a");
    }

    @Test
    void aMovedNotesOwnRelativeLinksAndEmbedsStillLeadToTheSameFiles() throws Exception {
        write("inbox/pics/chart.png", "not really a picture");
        write("inbox/Linker.md", "# Linker\nSee [b](../notes/b.md#B), ![chart](pics/chart.png), "
                + "[ideas](<Retry ideas.md>), [[c]], [web](https://example.org/x.md) and `[code](pics/chart.png)`.\n");

        store.change(new NoteChange.Move("inbox/Linker.md", Optional.empty(), "archive/2026/Linker.md"));

        assertThat(Files.readString(vault.resolve("archive/2026/Linker.md"))).isEqualTo("# Linker\nSee "
                + "[b](../../notes/b.md#B), ![chart](../../inbox/pics/chart.png), "
                + "[ideas](<../../inbox/Retry ideas.md>), [[c]], [web](https://example.org/x.md) and `[code](pics/chart.png)`.\n");
        assertThat(store.read("Linker", Optional.empty()).links().linksTo()).contains("b", "Retry ideas", "c");
    }

    @Test
    void aMoveOntoAnExistingNoteOrAnotherNotesIdIsRefusedWithNothingChanged() throws Exception {
        write("archive/c.md", "# Another C\n");
        assertThatThrownBy(() -> store.change(new NoteChange.Move("a", Optional.empty(), "c.md")))
                .isInstanceOfSatisfying(CeException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT);
                    assertThat(e.getMessage()).contains("c.md");
                });
        assertThatThrownBy(() -> store.change(new NoteChange.Move("a", Optional.empty(), "notes/c.md")))
                .isInstanceOfSatisfying(CeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT));
        assertThat(Files.exists(vault.resolve("a.md"))).isTrue();
        assertThat(Files.readString(vault.resolve("c.md"))).isEqualTo("# C\nNothing to see.\n");
    }

    @Test
    void pathsOutsideTheVaultOrInHiddenFoldersAreRefused() throws Exception {
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.createSymbolicLink(vault.resolve("escape"), outside);

        for (String to : List.of("../stolen.md", "/etc/x.md", ".obsidian/x.md", "escape/x.md", "notes/x.txt")) {
            assertThatThrownBy(() -> store.change(new NoteChange.Move("c", Optional.empty(), to))).as(to)
                    .isInstanceOfSatisfying(CeException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
        }
        assertThatThrownBy(() -> store.change(body("../outside/x.md", "0", "x")))
                .isInstanceOfSatisfying(CeException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
        try (var files = Files.list(outside)) {
            assertThat(files).isEmpty();
        }
        assertThat(Files.exists(vault.resolve("c.md"))).isTrue();
    }

    @Test
    void aDeletionIsRefusedWhileNotesLinkToTheNoteAndWhenForcedReportsThem() throws Exception {
        String version = version("Retry ideas");

        assertThatThrownBy(() -> store.change(new NoteChange.Delete("Retry ideas", version, false)))
                .isInstanceOfSatisfying(CeException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT);
                    assertThat(e.getMessage()).contains("2 notes link to inbox/Retry ideas.md: a, b");
                    assertThat(e.fix()).contains("force");
                });
        assertThat(Files.exists(vault.resolve("inbox/Retry ideas.md"))).isTrue();

        ChangedNote deleted = store.change(new NoteChange.Delete("Retry ideas", version, true));

        assertThat(deleted.linkedFrom()).containsExactly("a", "b");
        assertThat(deleted.version()).isEmpty();
        assertThat(Files.exists(vault.resolve("inbox/Retry ideas.md"))).isFalse();
        assertThat(found("hammer")).isEmpty();
    }

    @Test
    void aDeletionOnAStaleVersionIsRefused() throws Exception {
        String stale = version("c");
        write("c.md", "# C\nChanged.\n");

        assertThatThrownBy(() -> store.change(new NoteChange.Delete("c", stale, true)))
                .isInstanceOfSatisfying(CeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT));
        assertThat(Files.exists(vault.resolve("c.md"))).isTrue();
    }
}
