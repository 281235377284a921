package dev.pce.pkm.index;

import dev.pce.pkm.graph.LinkGraph;
import dev.pce.pkm.note.NoteId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several processes share one index directory: one writes, the others follow. Lucene's write lock is held per
 * directory across the whole JVM too, so two openings in one test behave as two processes do.
 */
class SharedIndexTest {
    @TempDir
    Path tmp;

    @Test
    void theFirstOpenerWritesTheOthersFollowAndSeeItsCommits() {
        TestVault notes = new TestVault(tmp.resolve("vault"));
        notes.note("a.md", "Retry with jitter", "pattern", "pce", List.of(), null, "Back off with jitter.");
        Path dir = tmp.resolve("index");
        try (SharedIndex first = SharedIndex.open(dir, "pce"); SharedIndex second = SharedIndex.open(dir, "pce")) {
            assertThat(first.writer()).isPresent();
            assertThat(second.writer()).isEmpty();
            assertThat(second.tryToWrite()).isEmpty();

            first.writer().orElseThrow().update(notes.vault());
            second.refresh();
            assertThat(VaultSearcher.of(second).search(SearchQuery.of("jitter")).hits())
                    .extracting(SearchHit::path).containsExactly("a.md");

            notes.note("b.md", "Jitter in timers", null, null, List.of(), null, "Timers drift.");
            first.writer().orElseThrow().update(notes.vault());
            second.refresh();
            assertThat(VaultSearcher.of(second).search(SearchQuery.of("jitter")).totalHits()).isEqualTo(2);
        }
    }

    @Test
    void aFollowerTakesOverWhenTheWriterCloses() {
        TestVault notes = new TestVault(tmp.resolve("vault"));
        notes.note("a.md", "Schema migrations", null, null, List.of(), null, "Run them first.");
        Path dir = tmp.resolve("index");
        SharedIndex first = SharedIndex.open(dir, "pce");
        first.writer().orElseThrow().update(notes.vault());
        try (SharedIndex second = SharedIndex.open(dir, "pce")) {
            assertThat(second.writer()).isEmpty();
            first.close();

            VaultIndex writer = second.tryToWrite().orElseThrow();
            assertThat(second.writer()).contains(writer);
            assertThat(writer.update(notes.vault()).unchanged()).isEqualTo(1); // the index was kept, not rebuilt
            assertThat(VaultSearcher.of(second).search(SearchQuery.of("migrations")).totalHits()).isEqualTo(1);
        }
    }

    @Test
    void aFollowerOfAnIndexNotCreatedYetFindsNothingUntilItIs() {
        Path dir = tmp.resolve("index");
        try (FollowerIndex follower = FollowerIndex.open(dir, "pce")) {
            assertThat(VaultSearcher.of(follower).search(SearchQuery.of("anything")).totalHits()).isZero();
            TestVault notes = new TestVault(tmp.resolve("vault"));
            notes.note("a.md", "Anything at all", null, null, List.of(), null, "Body.");
            try (VaultIndex writer = VaultIndex.open(dir, "pce")) {
                writer.update(notes.vault());
                follower.refresh();
                assertThat(VaultSearcher.of(follower).search(SearchQuery.of("anything")).totalHits()).isEqualTo(1);
            }
        }
    }

    @Test
    void theLinkGraphFromTheIndexEqualsTheGraphOfTheParsedNotes() throws Exception {
        TestVault notes = new TestVault(tmp.resolve("vault"));
        notes.write("hub.md", "---\nlinks: [a, b]\n---\n# Hub\nSee [[c|the third]] and [[Missing note]].\n");
        notes.write("a.md", "# Alpha\nBack to [[hub]].\n");
        notes.write("b.md", "# Beta\nLinks [[Alpha]] by title.\n");
        notes.write("c.md", "# Gamma\n");
        notes.write("lonely.md", "# Lonely\n");
        try (VaultIndex index = VaultIndex.open(tmp.resolve("index"), "pce")) {
            index.update(notes.vault());
            IndexLinks links = new IndexLinks(index);
            LinkGraph fromIndex = links.graph();
            LinkGraph fromNotes = LinkGraph.of(notes.vault().scan().notes());
            for (String id : List.of("hub", "a", "b", "c", "lonely")) {
                NoteId note = new NoteId(id);
                assertThat(fromIndex.outgoing(note)).isEqualTo(fromNotes.outgoing(note));
                assertThat(fromIndex.backlinks(note)).isEqualTo(fromNotes.backlinks(note));
                assertThat(fromIndex.related(note, 5)).isEqualTo(fromNotes.related(note, 5));
            }
            assertThat(fromIndex.orphans()).containsExactly(new NoteId("lonely"));
            assertThat(fromIndex.dangling()).extracting(LinkGraph.DanglingLink::target)
                    .containsExactly("Missing note");
            assertThat(links.graph()).isSameAs(fromIndex); // unchanged index: the graph is kept

            notes.write("d.md", "# Delta\n[[lonely]]\n");
            index.update(notes.vault());
            assertThat(links.graph().backlinks(new NoteId("lonely"))).containsExactly(new NoteId("d"));
        }
    }
}
