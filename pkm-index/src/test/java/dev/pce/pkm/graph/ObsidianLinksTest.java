package dev.pce.pkm.graph;

import dev.pce.pkm.note.NoteId;
import dev.pce.pkm.note.NoteProblem;
import dev.pce.pkm.vault.ScanResult;
import dev.pce.pkm.vault.Vault;
import dev.pce.testing.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Obsidian's ways of naming a note, on a real vault scan: notes of the same file name in different folders,
 * shortest-unique-path links, aliases, markdown links, commented-out links.
 */
class ObsidianLinksTest {
    @TempDir
    Path vault;

    private static NoteId id(String value) {
        return new NoteId(value);
    }

    private LinkGraph scan() {
        ScanResult scan = Vault.open(vault).scan();
        return LinkGraph.of(scan.notes());
    }

    @Test
    void notesWithTheSameFileNameAreAllKeptTheLaterOnesUnderTheirPath() {
        TestFiles.write(vault.resolve("a/Dup.md"), "# First dup\n");
        TestFiles.write(vault.resolve("b/Dup.md"), "# Second dup\n");
        TestFiles.write(vault.resolve("c/d/Dup.md"), "# Third dup\n");

        ScanResult scan = Vault.open(vault).scan();

        assertThat(scan.problems()).isEmpty();
        assertThat(scan.notes()).extracting(n -> n.path() + "=" + n.id())
                .containsExactly("a/Dup.md=Dup", "b/Dup.md=b/Dup", "c/d/Dup.md=c/d/Dup");
    }

    @Test
    void aSecondNoteWithTheSameFrontMatterIdIsStillAProblem() {
        TestFiles.write(vault.resolve("one.md"), "---\nid: same\n---\nOne.\n");
        TestFiles.write(vault.resolve("two.md"), "---\nid: same\n---\nTwo.\n");
        TestFiles.write(vault.resolve("x/same.md"), "A file named like the explicit id.\n");

        ScanResult scan = Vault.open(vault).scan();

        assertThat(scan.notes()).extracting(n -> n.path() + "=" + n.id())
                .containsExactly("one.md=same", "x/same.md=x/same");
        assertThat(scan.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("two.md");
            assertThat(p.kind()).isEqualTo(NoteProblem.Kind.DUPLICATE_ID);
            assertThat(p.what()).contains("'same'", "one.md");
        });
    }

    @Test
    void linksResolveByShortestUniquePathTheClosestNoteWinningAnAmbiguousName() {
        TestFiles.write(vault.resolve("a/Dup.md"), "# A dup\n");
        TestFiles.write(vault.resolve("b/Dup.md"), "# B dup\n");
        TestFiles.write(vault.resolve("b/near.md"), "# Near\n[[Dup]]\n");
        TestFiles.write(vault.resolve("far.md"), "# Far\n[[b/Dup]] [[Dup]] [[B/DUP]]\n");
        TestFiles.write(vault.resolve("c/full.md"), "# Full\n[[a/Dup.md]] [[../b/Dup]]\n");

        LinkGraph graph = scan();

        assertThat(graph.outgoing(id("far"))).as("a path suffix picks b/Dup; the bare name the shortest path")
                .containsExactly(id("b/Dup"), id("Dup"));
        assertThat(graph.outgoing(id("near"))).as("a note in the linking note's folder wins")
                .containsExactly(id("b/Dup"));
        assertThat(graph.outgoing(id("full"))).containsExactly(id("Dup"), id("b/Dup"));
        assertThat(graph.backlinks(id("b/Dup"))).containsExactly(id("far"), id("full"), id("near"));
    }

    @Test
    void aliasesResolveLinks() {
        TestFiles.write(vault.resolve("notes/Rate limits.md"), "---\naliases: [Throttling, back pressure]\n---\n");
        TestFiles.write(vault.resolve("notes/other.md"), "---\nalias: Elsewhere\n---\n");
        TestFiles.write(vault.resolve("x.md"), "[[Throttling]] and [[BACK PRESSURE|pressure]] and [[elsewhere]]\n");

        assertThat(scan().outgoing(id("x"))).containsExactly(id("Rate limits"), id("other"));
    }

    @Test
    void markdownLinksToNotesAreLinksAndCommentedOutLinksAreNot() {
        TestFiles.write(vault.resolve("folder/My note.md"), "# Mine\n");
        TestFiles.write(vault.resolve("folder/other.md"), "# Other\n");
        TestFiles.write(vault.resolve("plain.md"), "# Plain\n");
        TestFiles.write(vault.resolve("hidden.md"), "# Hidden\n");
        TestFiles.write(vault.resolve("source.md"), """
                # Source
                See [this](folder/My%20note.md#Part) and [that](<folder/other.md>), [plain](plain.md),
                ![picture](chart.png) and [the web](https://example.com/x.md) and [here](#Source).
                %% [[hidden]] and [x](hidden.md) %%
                <!-- [[hidden]]
                still a comment [[missing]] -->
                Not resolved: [gone](gone.md)
                """);

        LinkGraph graph = scan();

        assertThat(graph.outgoing(id("source"))).containsExactly(id("My note"), id("other"), id("plain"));
        assertThat(graph.backlinks(id("hidden"))).isEmpty();
        assertThat(graph.unresolved(id("source"))).containsExactly("gone.md");
    }

    @Test
    void aRelativeMarkdownLinkResolvesFromTheLinkingNotesFolder() {
        TestFiles.write(vault.resolve("a/x.md"), "# A x\n");
        TestFiles.write(vault.resolve("b/x.md"), "# B x\n");
        TestFiles.write(vault.resolve("b/c/source.md"), "[up](../x.md) [root](a/x.md)\n");

        assertThat(scan().outgoing(id("source"))).containsExactly(id("b/x"), id("x"));
    }
}
