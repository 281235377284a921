package dev.pce.pkm.graph;

import dev.pce.pkm.note.Note;
import dev.pce.pkm.note.NoteParser;
import dev.pce.pkm.note.ParseResult;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Which links to a moved note are rewritten, and how; links in code and links to other notes stay as written. */
class LinkRewriterTest {

    private static Note note(String path, String text) {
        ParseResult result = new NoteParser().parse(path, text);
        assertThat(result).isInstanceOf(ParseResult.Parsed.class);
        return ((ParseResult.Parsed) result).note();
    }

    private static final Note OLD = note("inbox/Retry ideas.md", "# Retries need jitter\nBody.");
    private static final Note OTHER = note("other.md", "# Other\nBody.");

    /** Inbox/Retry ideas.md moved to {@code to}; the linking note is {@code linking}. */
    private static LinkRewriter rewriterTo(String to, Note... more) {
        Note moved = note(to, "# Retries need jitter\nBody.");
        List<LinkGraph.Node> nodes = new java.util.ArrayList<>(List.of(LinkGraph.Node.of(OLD),
                LinkGraph.Node.of(OTHER)));
        for (Note note : more) {
            nodes.add(LinkGraph.Node.of(note));
        }
        return new LinkRewriter(nodes, LinkGraph.Node.of(OLD), LinkGraph.Node.of(moved));
    }

    @Test
    void everyWikilinkFormToTheMovedNoteFollowsItAndKeepsHeadingAliasAndEmbed() {
        String text = """
                ---
                links:
                  - "[[Retry ideas]]"
                ---
                See [[Retry ideas]], [[retry ideas|the ideas]], [[Retry ideas#Why]], ![[Retry ideas]] and
                [[inbox/Retry ideas]], [[Retry ideas.md]], in a table [[Retry ideas\\|shown]]. [[Other]] stays.
                """;

        LinkRewriter.Rewrite rewrite = rewriterTo("patterns/Jittered retries.md").rewrite("a.md", text);

        assertThat(rewrite.text()).isEqualTo("""
                ---
                links:
                  - "[[Jittered retries]]"
                ---
                See [[Jittered retries]], [[Jittered retries|the ideas]], [[Jittered retries#Why]], ![[Jittered retries]] and
                [[patterns/Jittered retries]], [[Jittered retries.md]], in a table [[Jittered retries\\|shown]]. [[Other]] stays.
                """);
        assertThat(rewrite.links()).isEqualTo(8);
    }

    @Test
    void linksInCodeBlocksAndCodeSpansAreNeverRewritten() {
        String text = """
                Real: [[Retry ideas]] and [x](inbox/Retry%20ideas.md).

                ```
                [[Retry ideas]] [x](inbox/Retry%20ideas.md)
                ```

                Inline `[[Retry ideas]]` and `[x](inbox/Retry%20ideas.md)`.
                """;

        LinkRewriter.Rewrite rewrite = rewriterTo("patterns/Jittered retries.md").rewrite("a.md", text);

        assertThat(rewrite.text()).isEqualTo("""
                Real: [[Jittered retries]] and [x](patterns/Jittered%20retries.md).

                ```
                [[Retry ideas]] [x](inbox/Retry%20ideas.md)
                ```

                Inline `[[Retry ideas]]` and `[x](inbox/Retry%20ideas.md)`.
                """);
        assertThat(rewrite.links()).isEqualTo(2);
    }

    @Test
    void markdownLinksKeepTheirFormRelativeFromTheRootOrInAngleBracketsWithTheirAnchor() {
        String text = """
                [rel](../inbox/Retry%20ideas.md#why) [root](inbox/Retry%20ideas.md "t") [angle](<../inbox/Retry ideas.md>)
                [web](https://example.org/inbox/Retry%20ideas.md) [other](../other.md)
                """;

        LinkRewriter.Rewrite rewrite = rewriterTo("patterns/deep/Jittered retries.md")
                .rewrite("notes/a.md", text);

        assertThat(rewrite.text()).isEqualTo("""
                [rel](../patterns/deep/Jittered%20retries.md#why) [root](patterns/deep/Jittered%20retries.md "t") [angle](<../patterns/deep/Jittered retries.md>)
                [web](https://example.org/inbox/Retry%20ideas.md) [other](../other.md)
                """);
    }

    @Test
    void aLinkByTitleStillLeadsToTheNoteAndStaysAsWritten() {
        String text = "By title: [[Retries need jitter]].\n";

        LinkRewriter.Rewrite rewrite = rewriterTo("patterns/Jittered retries.md").rewrite("a.md", text);

        assertThat(rewrite.text()).isEqualTo(text);
        assertThat(rewrite.links()).isZero();
    }

    @Test
    void theNewFileNameIsWrittenWithItsFolderWhenItWouldLeadToAnotherNote() {
        Note old = note("inbox/Retry ideas.md", "---\nid: retry-1\n---\n# Retries need jitter\n");
        Note moved = note("patterns/Jittered retries.md", "---\nid: retry-1\n---\n# Retries need jitter\n");
        // a bare name two files share resolves to the shorter path: the archived namesake
        Note namesake = note("archive/Jittered retries.md", "# Older notes on jitter\n");
        LinkRewriter rewriter = new LinkRewriter(List.of(LinkGraph.Node.of(old), LinkGraph.Node.of(namesake)),
                LinkGraph.Node.of(old), LinkGraph.Node.of(moved));

        LinkRewriter.Rewrite rewrite = rewriter.rewrite("a.md", "[[Retry ideas]] [[retry-1]]\n");

        assertThat(rewrite.text()).as("the id still leads to the note").isEqualTo(
                "[[patterns/Jittered retries]] [[retry-1]]\n");
    }

    @Test
    void theLinkingNotesAreTheMovedNotesBacklinks() {
        Note linking = note("a.md", "[[Retry ideas]]");
        Note unrelated = note("b.md", "[[Other]]");

        assertThat(rewriterTo("x.md", linking, unrelated).linkingPaths()).containsExactly("a.md");
    }
    /** The note at {@code from} (with {@code text}) moved to {@code to}, beside {@link #OTHER}. */
    private static LinkRewriter moved(String from, String to, String text) {
        Note old = note(from, text);
        return new LinkRewriter(List.of(LinkGraph.Node.of(old), LinkGraph.Node.of(OTHER)), LinkGraph.Node.of(old),
                LinkGraph.Node.of(note(to, text)));
    }

    @Test
    void theMovedNotesOwnRelativeLinksAndEmbedsLeadToTheSameFilesFromItsNewFolder() {
        String text = """
                # Retries need jitter
                [sibling](sibling.md#Why) [up](../other.md "t") [img](pics/a%20b.png) ![embed](<pics/a b.png>)
                [self](Retry%20ideas.md#top) [gone](missing.md) [[Other]] [[sibling]] ![[pics/a b.png]]
                """;
        Set<String> files = Set.of("inbox/sibling.md", "other.md", "inbox/pics/a b.png");

        LinkRewriter.Rewrite rewrite = moved("inbox/Retry ideas.md", "patterns/deep/Jittered retries.md", text)
                .rewriteMoved(text, files::contains);

        assertThat(rewrite.text()).isEqualTo("""
                # Retries need jitter
                [sibling](../../inbox/sibling.md#Why) [up](../../other.md "t") [img](../../inbox/pics/a%20b.png) ![embed](<../../inbox/pics/a b.png>)
                [self](Jittered%20retries.md#top) [gone](../../inbox/missing.md) [[Other]] [[sibling]] ![[pics/a b.png]]
                """);
        assertThat(rewrite.links()).isEqualTo(6);
    }

    @Test
    void aNoteMovedUpToTheRootKeepsItsLinksThatClimbedAndThoseThatWentDeeper() {
        String text = "[top](../../../top.md) [sib](../sib.md#H) [deep](d/deep%20note.md) [here](./c2.md)\n";
        Set<String> files = Set.of("top.md", "a/b/sib.md", "a/b/c/d/deep note.md", "a/b/c/c2.md");

        LinkRewriter.Rewrite rewrite = moved("a/b/c/Note.md", "Note.md", text).rewriteMoved(text, files::contains);

        assertThat(rewrite.text()).isEqualTo(
                "[top](top.md) [sib](a/b/sib.md#H) [deep](a/b/c/d/deep%20note.md) [here](a/b/c/c2.md)\n");
    }

    @Test
    void urlsAnchorsRootPathsLinksOutOfTheVaultCodeAndCommentsOfTheMovedNoteStayAsWritten() {
        String text = """
                [web](https://example.org/a.md) [mail](mailto:a@example.org) [here](#Heading) [abs](/topics/x.md)
                [root](topics/x.md) [out](../../outside.md) `[code](sibling.md)`
                %% [obsidian comment](sibling.md) %% <!-- [html comment](sibling.md) -->

                ```
                [fenced](sibling.md)
                ```
                """;
        Set<String> files = Set.of("inbox/sibling.md", "topics/x.md");

        LinkRewriter.Rewrite rewrite = moved("inbox/Retry ideas.md", "patterns/deep/Jittered retries.md", text)
                .rewriteMoved(text, files::contains);

        assertThat(rewrite.text()).as("topics/x.md is read from the vault root: it is not in inbox/")
                .isEqualTo(text);
        assertThat(rewrite.links()).isZero();
    }

    @Test
    void aRenameInItsFolderRewritesOnlyTheLinksToItself() {
        String text = "[sib](./sib.md) [me](<Old name.md>) [img](pics/x.png)\n";

        LinkRewriter.Rewrite rewrite = moved("notes/Old name.md", "notes/New name.md", text)
                .rewriteMoved(text, Set.of("notes/sib.md", "notes/pics/x.png")::contains);

        assertThat(rewrite.text()).isEqualTo("[sib](./sib.md) [me](<New name.md>) [img](pics/x.png)\n");
    }
}
