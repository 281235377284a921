package dev.pce.pkm.graph;

import dev.pce.pkm.note.Note;
import dev.pce.pkm.note.NoteId;
import dev.pce.pkm.note.NoteParser;
import dev.pce.pkm.note.ParseResult;
import dev.pce.pkm.vault.ScanResult;
import dev.pce.pkm.vault.Vault;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LinkGraphTest {

    private static Note note(String path, String text) {
        ParseResult result = new NoteParser().parse(path, text);
        assertThat(result).isInstanceOf(ParseResult.Parsed.class);
        return ((ParseResult.Parsed) result).note();
    }

    private static NoteId id(String value) {
        return new NoteId(value);
    }

    /** a -> b, a -> c, d -> b, d -> c, e alone; f links to a missing note and an image. */
    private static LinkGraph sample() {
        return LinkGraph.of(List.of(
                note("a.md", "# Alpha\nSee [[b]] and [[Gamma]]."),
                note("b.md", "# Beta\nNothing."),
                note("c.md", "# Gamma\nNothing."),
                note("d.md", "# Delta\n[[B]] and [[c|the third]], twice: [[c]]."),
                note("e.md", "# Epsilon\nAlone."),
                note("f.md", "# Phi\n[[missing note]] ![[chart.png]] [[Design v1.2]]")));
    }

    @Test
    void linksResolveByIdCaseAndTitle() {
        LinkGraph graph = sample();

        assertThat(graph.outgoing(id("a"))).containsExactly(id("b"), id("c"));
        assertThat(graph.outgoing(id("d"))).as("B resolves ignoring case, repeats count once")
                .containsExactly(id("b"), id("c"));
    }

    @Test
    void backlinksListWhoLinksHere() {
        assertThat(sample().backlinks(id("c"))).containsExactly(id("a"), id("d"));
        assertThat(sample().backlinks(id("a"))).isEmpty();
    }

    @Test
    void orphansHaveNoLinksEitherWay() {
        assertThat(sample().orphans()).containsExactly(id("e"), id("f"));
    }

    @Test
    void danglingLinksAreReportedButAttachmentsAreNot() {
        assertThat(sample().dangling()).extracting(LinkGraph.DanglingLink::target)
                .containsExactly("missing note", "Design v1.2");
    }

    @Test
    void notesSharingLinksAreRelated() {
        List<LinkGraph.Related> related = sample().related(id("a"), 5);

        assertThat(related).extracting(LinkGraph.Related::id).containsExactly(id("d"));
        assertThat(related.get(0).sharedNeighbours()).isEqualTo(2);
        assertThat(related.get(0).jaccard()).isEqualTo(1.0);
        assertThat(sample().related(id("b"), 5)).extracting(LinkGraph.Related::id).containsExactly(id("c"));
    }

    @Test
    void theSampleVaultIsOneConnectedPieceOfKnowledge() {
        ScanResult scan = Vault.open(Path.of("..", "examples", "vault").toAbsolutePath().normalize()).scan();
        LinkGraph graph = LinkGraph.of(scan.notes());

        NoteId jitter = id("202408241604-retries-need-jitter");
        assertThat(graph.backlinks(jitter)).isNotEmpty();
        assertThat(graph.dangling()).isEmpty();
        assertThat(graph.related(jitter, 3)).isNotEmpty();
    }
}
