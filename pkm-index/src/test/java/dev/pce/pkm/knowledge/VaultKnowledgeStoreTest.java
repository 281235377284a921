package dev.pce.pkm.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.engine.knowledge.CapturedNote;
import dev.pce.engine.knowledge.KnowledgeNote;
import dev.pce.engine.knowledge.NewNote;
import dev.pce.engine.knowledge.NoteRef;
import dev.pce.engine.knowledge.RelatedNote;
import dev.pce.engine.workspace.Workspace;
import dev.pce.pkm.index.SearchFilters;
import dev.pce.pkm.index.SearchQuery;
import dev.pce.pkm.index.VaultSearcher.ListPosition;
import dev.pce.pkm.knowledge.VaultKnowledgeStore.Hit;
import dev.pce.pkm.knowledge.VaultKnowledgeStore.ListedNote;
import dev.pce.pkm.knowledge.VaultKnowledgeStore.ReadNote;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/**
 * The knowledge store on real vault folders and real Lucene indexes: the project's own vault ("shop") and another
 * project's ("billing"), as a server opens them from the environment.
 */
class VaultKnowledgeStoreTest {
    /** Long enough for a loaded machine to index a few notes; the tests wait for a state, they do not time it. */
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final LocalDateTime NOW = LocalDateTime.parse("2026-11-25T14:32:07");

    @TempDir
    Path tmp;

    private Workspace workspace;
    private Path own;
    private Path other;

    @BeforeEach
    void vaults() {
        workspace = Workspace.open(tmp.resolve("shop/.ce-workspace"));
        own = tmp.resolve("shop/vault");
        other = tmp.resolve("billing/vault");
    }

    private Map<String, String> env() {
        return Map.of("CE_VAULT", own.toString(), "CE_PROJECT", "shop", "CE_VAULTS", "billing=" + other);
    }

    private static void note(Path vault, String path, String frontMatter, String body) throws IOException {
        Path file = vault.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "---\n" + frontMatter + "---\n" + body + "\n");
    }

    /** Waits until the store's indexes hold {@code count} notes: then this process writes them. */
    static void awaitIndexed(VaultKnowledgeStore store, long count) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (store.search(new SearchQuery("", SearchFilters.NONE, 0, 1)).total() < count) {
            if (System.nanoTime() > deadline) {
                fail("the vaults were not indexed within " + PATIENCE);
            }
            Thread.sleep(20);
        }
    }

    private static NewNote failure(String title, Map<String, JsonNode> extra) {
        return new NewNote(NOW, "failures", title, "failure", "draft", List.of("retries", "billing"),
                List.of("retries"), extra, "The retries of all builders hit the API at once. See [[retries]].\n");
    }

    @Test
    void aCapturedNoteGetsItsIdDateAndProjectAndIsFoundAtOnceWithItsLinks() throws Exception {
        note(own, "insights/retries.md", "title: Retries need jitter\ntype: insight\n", "Add jitter to backoff.");
        try (VaultKnowledgeStore store = VaultKnowledgeStore.openNow(workspace, env())) {
            awaitIndexed(store, 1);
            Map<String, JsonNode> extra = new LinkedHashMap<>();
            extra.put("workflow", TextNode.valueOf("wf-20261125-143000-1a2b3c"));
            extra.put("agent", TextNode.valueOf("builder-1"));

            CapturedNote captured = store.capture(failure("Retry storm in billing", extra));

            String id = "202611251432-retry-storm-in-billing";
            assertThat(captured.note()).isEqualTo(new NoteRef("shop", id, "failures/" + id + ".md",
                    "Retry storm in billing", "pkm://note/" + id));
            assertThat(captured.indexed()).as("this process writes the index: searchable at once").isTrue();
            assertThat(captured.frontMatter().fieldNames()).toIterable().containsExactly("id", "title", "date",
                    "type", "status", "project", "tags", "links", "workflow", "agent");
            assertThat(captured.frontMatter().path("date").asText()).isEqualTo("2026-11-25T14:32:07");
            assertThat(captured.frontMatter().path("project").asText()).isEqualTo("shop");
            String file = Files.readString(own.resolve("failures/" + id + ".md"));
            assertThat(file).contains("project: shop", "status: draft").containsSubsequence("workflow:", "agent:");

            // one search answers the hits and their links
            List<Hit> hits = store.search(SearchQuery.of("storm")).hits();
            assertThat(hits).extracting(Hit::note).containsExactly(captured.note());
            assertThat(hits.getFirst().links().linksTo()).containsExactly("retries");
            Hit retries = store.search(SearchQuery.of("jitter")).hits().getFirst();
            assertThat(retries.note().id()).isEqualTo("retries");
            assertThat(retries.links().linkedFrom()).containsExactly(id);
        }
    }

    @Test
    void theSameTitleTwiceInOneMinuteGetsANewIdAndNeverOverwrites() throws Exception {
        try (VaultKnowledgeStore store = VaultKnowledgeStore.openNow(workspace, env())) {
            CapturedNote first = store.capture(failure("Retry storm", Map.of()));
            String firstFile = Files.readString(own.resolve(first.note().path()));
            CapturedNote second = store.capture(failure("Retry storm", Map.of()));

            assertThat(first.note().id()).isEqualTo("202611251432-retry-storm");
            assertThat(second.note().id()).isEqualTo("202611251432-retry-storm-2");
            assertThat(second.frontMatter().path("id").asText()).isEqualTo("202611251432-retry-storm-2");
            assertThat(Files.readString(own.resolve(first.note().path()))).isEqualTo(firstFile);
            awaitIndexed(store, 2);
            assertThat(store.isEmpty()).isFalse();
        }
    }

    @Test
    void relatedAndTitledFindNotesOfATypeInEveryVault() throws Exception {
        note(own, "failures/storm.md", "title: Retry storm took down staging\ntype: failure\n",
                "All builders retried the payment API at once and staging went down.");
        note(own, "insights/storms.md", "title: Storms come from retries\ntype: insight\n",
                "Retry storms: builders retried the payment API at once.");
        note(other, "patterns/a.md", "title: build takes 1.8x its estimate\ntype: pattern\n", "Builds run long.");
        note(other, "patterns/b.md", "title: build takes 2.1x its estimate\ntype: pattern\n", "Builds run long.");
        note(other, "patterns/c.md", "title: builds are slow\ntype: pattern\n", "Builds run long; build takes.");
        try (VaultKnowledgeStore store = VaultKnowledgeStore.openNow(workspace, env())) {
            awaitIndexed(store, 5);

            List<RelatedNote> failures = store.related("builders retried the payment API", Optional.of("failure"), 2);
            assertThat(failures).extracting(related -> related.note().path()).containsExactly("failures/storm.md");
            assertThat(failures.getFirst().score()).isPositive();
            assertThat(store.related("builders retried the payment API", Optional.empty(), 5))
                    .extracting(related -> related.note().path())
                    .containsExactlyInAnyOrder("failures/storm.md", "insights/storms.md");

            List<NoteRef> titled = store.titled("pattern", "build takes ", 3);
            assertThat(titled).extracting(NoteRef::path).containsExactlyInAnyOrder("patterns/a.md", "patterns/b.md");
            assertThat(titled).extracting(NoteRef::vault).containsOnly("billing");
            assertThat(titled.getFirst().uri()).startsWith("pkm://note/billing/");
            assertThat(store.titled("failure", "build takes ", 3)).isEmpty();
        }
    }

    @Test
    void notesOfATypeAreReadFromTheNamedVaultWithTheirFrontMatter() throws Exception {
        note(other, "patterns/a.md", "title: build takes 1.8x its estimate\ntype: pattern\npattern: estimate:build\n"
                + "samples: 4\n", "Builds run long.");
        note(other, "insights/b.md", "title: Small reviews land faster\ntype: insight\n", "Keep them small.");
        note(own, "patterns/c.md", "title: review needs security\ntype: pattern\n", "Of our own.");
        try (VaultKnowledgeStore store = VaultKnowledgeStore.openNow(workspace, env())) {
            awaitIndexed(store, 3);

            List<KnowledgeNote> patterns = store.notesOfType("billing", "pattern");
            assertThat(patterns).hasSize(1);
            KnowledgeNote pattern = patterns.getFirst();
            assertThat(pattern.note()).isEqualTo(new NoteRef("billing", "a", "patterns/a.md",
                    "build takes 1.8x its estimate", "pkm://note/billing/a"));
            assertThat(pattern.frontMatter().get("pattern")).isEqualTo(TextNode.valueOf("estimate:build"));
            assertThat(pattern.frontMatter().get("samples")).isEqualTo(IntNode.valueOf(4));
            assertThat(pattern.body()).contains("Builds run long.");

            assertThatThrownBy(() -> store.notesOfType("nowhere", "pattern")).isInstanceOfSatisfying(
                    CeException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
                        assertThat(e.describe()).contains("'nowhere'", "[shop, billing]", "CE_VAULTS");
                    });
        }
    }

    @Test
    void aNoteIsReadByIdOrPathWithItsLinksAndAsMarkdown() throws Exception {
        note(own, "insights/retries.md", "title: Retries need jitter\ntype: insight\n", "See [[storm]].");
        note(own, "failures/storm.md", "title: Retry storm\ntype: failure\n", "It happened.");
        note(other, "insights/other.md", "title: Another project's insight\n", "Theirs.");
        try (VaultKnowledgeStore store = VaultKnowledgeStore.openNow(workspace, env())) {
            awaitIndexed(store, 3);

            ReadNote byId = store.read("retries", Optional.empty());
            assertThat(byId.note().note().path()).isEqualTo("insights/retries.md");
            assertThat(byId.note().frontMatter().path("title").asText()).isEqualTo("Retries need jitter");
            assertThat(byId.links().linksTo()).containsExactly("storm");
            assertThat(store.read("failures/storm.md", Optional.of("shop")).links().linkedFrom())
                    .containsExactly("retries");
            assertThat(store.markdown("retries", Optional.empty())).contains("title: Retries need jitter",
                    "See [[storm]].");

            assertThatThrownBy(() -> store.read("missing", Optional.empty())).isInstanceOf(CeException.class)
                    .hasMessageContaining("There is no note 'missing' in the vaults [shop, billing]");
            assertThatThrownBy(() -> store.read("retries", Optional.of("billing"))).isInstanceOf(CeException.class)
                    .hasMessageContaining("in the vault 'billing'");
        }
    }

    @Test
    void aReadNoteCountsAllItsLinksAndNamesTheUnresolvedOnes() throws Exception {
        StringBuilder hub = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            note(own, "spokes/s" + i + ".md", "title: Spoke " + i + "\n", "Back to [[hub]].");
            hub.append("[[s").append(i).append("]] ");
        }
        hub.append("[[nowhere]] [gone](gone.md) ![[chart.png]]");
        note(own, "hub.md", "title: Hub\n", hub.toString());
        try (VaultKnowledgeStore store = VaultKnowledgeStore.openNow(workspace, env())) {
            awaitIndexed(store, 13);

            ReadNote read = store.read("hub", Optional.empty());

            assertThat(read.links().linksTo()).hasSize(VaultKnowledgeStore.LINKS_SHOWN);
            assertThat(read.links().linkedFrom()).hasSize(VaultKnowledgeStore.LINKS_SHOWN);
            assertThat(read.linkCounts()).isEqualTo(new VaultKnowledgeStore.LinkCounts(12, 12, 2));
            assertThat(read.unresolvedLinks()).containsExactlyInAnyOrder("nowhere", "gone.md");
        }
    }

    @Test
    void aNoteKnownByItsPathIsReadUnderThatIdByIdPathAndUri() throws Exception {
        note(own, "a/Dup.md", "title: First\n", "One.");
        note(own, "b/Dup.md", "title: Second\n", "Two. [[a/Dup]]");
        try (VaultKnowledgeStore store = VaultKnowledgeStore.openNow(workspace, env())) {
            awaitIndexed(store, 2);

            ReadNote byId = store.read("b/Dup", Optional.empty());
            assertThat(byId.note().note().path()).isEqualTo("b/Dup.md");
            assertThat(byId.note().note().id()).isEqualTo("b/Dup");
            assertThat(byId.note().note().uri()).isEqualTo("pkm://note/b%2FDup");
            assertThat(NoteUris.parse(byId.note().note().uri())).contains(new NoteUris.Address(Optional.empty(),
                    "b/Dup"));
            assertThat(byId.links().linksTo()).containsExactly("Dup");
            assertThat(store.read("b/Dup.md", Optional.empty()).note().note().id()).isEqualTo("b/Dup");
            assertThat(store.read("Dup", Optional.empty()).links().linkedFrom()).containsExactly("b/Dup");
        }
    }

    @Test
    void aListingGoesThroughEveryVaultTheOwnOneFirst() throws Exception {
        note(own, "a.md", "title: Own A\n", "a");
        note(own, "b.md", "title: Own B\n", "b");
        note(other, "c.md", "title: Other C\ntype: insight\n", "c");
        try (VaultKnowledgeStore store = VaultKnowledgeStore.openNow(workspace, env())) {
            awaitIndexed(store, 3);

            List<ListedNote> firstPage = store.list(Optional.empty(), 2);
            assertThat(firstPage).extracting(listed -> listed.note().uri())
                    .containsExactly("pkm://note/a", "pkm://note/b");
            ListedNote last = firstPage.getLast();
            List<ListedNote> rest = store.list(Optional.of(new ListPosition(last.note().vault(), last.note().id())),
                    2);
            assertThat(rest).extracting(listed -> listed.note().uri()).containsExactly("pkm://note/billing/c");
            assertThat(rest.getFirst().type()).contains("insight");
        }
    }

    @Test
    void aStoreOpenedLaterOpensWhenFirstNeededAndAStoreThatCannotOpenSaysWhy() throws Exception {
        try (VaultKnowledgeStore later = VaultKnowledgeStore.openLater(workspace, env())) {
            assertThat(own).as("nothing is opened before it is asked for or needed").doesNotExist();
            // nobody asked it to open: the first call that needs the vaults opens them, and a later ask does nothing
            assertThat(later.project()).isEqualTo("shop");
            assertThat(own).isDirectory();
            later.openInBackground();
            assertThat(later.awaitOpen()).isTrue();
            // the billing vault does not exist here: it is left out, saying so, and the own vault is created
            assertThat(later.vaultNames()).containsExactly("shop");
            assertThat(later.notices()).singleElement().asString().contains("The vault 'billing'", "is left out");
            assertThat(own).isDirectory();
        }

        Map<String, String> twice = Map.of("CE_PROJECT", "shop", "CE_VAULTS", "shop=" + other);
        try (VaultKnowledgeStore broken = VaultKnowledgeStore.openLater(workspace, twice)) {
            broken.open();
            assertThat(broken.awaitOpen()).isFalse();
            assertThatThrownBy(broken::project).isInstanceOf(CeException.class)
                    .hasMessageContaining("CE_VAULTS names the vault 'shop' twice");
        }
        assertThatThrownBy(() -> VaultKnowledgeStore.openNow(workspace, twice)).isInstanceOf(CeException.class)
                .hasMessageContaining("CE_VAULTS names the vault 'shop' twice");

        try (VaultKnowledgeStore none = VaultKnowledgeStore.unavailable("No vaults in this process.")) {
            assertThat(none.awaitOpen()).isFalse();
            assertThatThrownBy(none::isEmpty).isInstanceOf(CeException.class)
                    .hasMessageContaining("No vaults in this process.");
        }
    }

    /**
     * A vault committed in the repository is one folder per git worktree, under one name, while the worktrees share
     * the workspace: each process searches and captures into its own folder, never an index of the other's notes.
     */
    @Test
    void twoFoldersOfOneNameKeepIndexesOfTheirOwn() throws Exception {
        Path main = tmp.resolve("shop/docs/solutions");
        Path linked = tmp.resolve("shop-feature/docs/solutions");
        note(main, "main.md", "title: Learned on main\n", "Cache keys need the schema version.");
        note(linked, "feature.md", "title: Learned on the feature branch\n", "Cache keys need the schema version.");
        try (VaultKnowledgeStore onMain = VaultKnowledgeStore.openNow(workspace,
                Map.of("CE_VAULT", main.toString(), "CE_PROJECT", "shop"));
             VaultKnowledgeStore onFeature = VaultKnowledgeStore.openNow(workspace,
                     Map.of("CE_VAULT", linked.toString(), "CE_PROJECT", "shop"))) {
            awaitIndexed(onMain, 1);
            awaitIndexed(onFeature, 1);

            CapturedNote captured = onFeature.capture(failure("Retry storm on the branch", Map.of()));

            assertThat(captured.indexed()).as("this process writes its folder's index").isTrue();
            assertThat(onFeature.search(SearchQuery.of("schema")).hits()).extracting(hit -> hit.note().path())
                    .containsExactly("feature.md");
            assertThat(onMain.search(SearchQuery.of("schema")).hits()).extracting(hit -> hit.note().path())
                    .containsExactly("main.md");
            assertThat(onMain.search(SearchQuery.of("storm")).hits()).isEmpty();
            assertThat(linked.resolve(captured.note().path())).isRegularFile();
        }
    }
}
