package dev.pce.pkm.index;

import dev.pce.pkm.graph.LinkGraph;
import dev.pce.pkm.note.NoteId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The link graph follows the index, and is not built again for changes that leave every link as it was. */
class IndexLinksTest {
    @TempDir
    Path tmp;

    @Test
    void anEditOfABodyKeepsTheGraphAndAChangedLinkBuildsItAgain() {
        TestVault vault = new TestVault(tmp.resolve("vault"));
        vault.note("notes/alpha.md", "Alpha", null, null, List.of(), null, "See [[beta]].");
        vault.note("notes/beta.md", "Beta", null, null, List.of(), null, "Plain.");
        vault.note("notes/gamma.md", "Gamma", null, null, List.of(), null, "Plain too.");
        try (VaultIndex index = VaultIndex.open(tmp.resolve("index"), "pce")) {
            index.update(vault.vault());
            IndexLinks links = new IndexLinks(index);
            LinkGraph before = links.graph();
            assertThat(before.backlinks(new NoteId("beta"))).containsExactly(new NoteId("alpha"));

            vault.note("notes/beta.md", "Beta", null, null, List.of(), null, "A longer body, with no link.");
            index.update(vault.vault(), List.of("notes/beta.md"));
            assertThat(links.graph()).as("same nodes, same graph: not built again").isSameAs(before);

            vault.note("notes/gamma.md", "Gamma", null, null, List.of(), null, "Now links to [[beta]].");
            index.update(vault.vault(), List.of("notes/gamma.md"));
            LinkGraph after = links.graph();
            assertThat(after).isNotSameAs(before);
            assertThat(after.backlinks(new NoteId("beta"))).containsExactly(new NoteId("alpha"), new NoteId("gamma"));

            vault.note("notes/beta.md", "Beta renamed", null, null, List.of(), null, "A longer body, with no link.");
            index.update(vault.vault(), List.of("notes/beta.md"));
            IndexLinks.Snapshot renamed = links.graphWithin(java.time.Duration.ofMinutes(1));
            assertThat(renamed.current()).as("built within the wait").isTrue();
            assertThat(renamed.graph()).isNotSameAs(after);
            assertThat(renamed.graph().backlinks(new NoteId("beta"))).containsExactly(new NoteId("alpha"),
                    new NoteId("gamma"));

            vault.delete("notes/alpha.md");
            index.update(vault.vault(), List.of("notes/alpha.md"));
            assertThat(links.graph().backlinks(new NoteId("beta"))).containsExactly(new NoteId("gamma"));
        }
    }
}
