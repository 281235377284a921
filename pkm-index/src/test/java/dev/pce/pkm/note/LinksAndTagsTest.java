package dev.pce.pkm.note;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Optional;

import static dev.pce.pkm.note.Notes.note;
import static org.assertj.core.api.Assertions.assertThat;

class LinksAndTagsTest {

    private static List<String> targets(String markdown) {
        return note(markdown).links().stream().map(WikiLink::target).toList();
    }

    private static List<String> tags(String markdown) {
        return note(markdown).inlineTags().stream().map(InlineTag::name).toList();
    }

    @Test
    void linkWithHeadingAndAlias() {
        WikiLink link = note("see [[202408241604-jitter#Why it works|the jitter note]] now").links().getFirst();
        assertThat(link.target()).isEqualTo("202408241604-jitter");
        assertThat(link.heading()).contains("Why it works");
        assertThat(link.alias()).contains("the jitter note");
        assertThat(link.embed()).isFalse();
        assertThat(link.position()).isEqualTo(new TextPosition(1, 5));
    }

    @Test
    void plainLinkAliasOnlyHeadingOnlyAndBlockReference() {
        List<WikiLink> links = note("[[a]] [[b|B]] [[c#H]] [[#Local heading]] [[d#^block1]]").links();
        assertThat(links).extracting(WikiLink::target).containsExactly("a", "b", "c", "", "d");
        assertThat(links.get(0).heading()).isEmpty();
        assertThat(links.get(0).alias()).isEmpty();
        assertThat(links.get(1).alias()).contains("B");
        assertThat(links.get(2).heading()).contains("H");
        assertThat(links.get(3).isSelfLink()).isTrue();
        assertThat(links.get(3).heading()).contains("Local heading");
        assertThat(links.get(4).heading()).contains("^block1");
        assertThat(note("[[a]] [[#Local heading]]").linkTargets()).containsExactly("a");
    }

    @Test
    void embedsAreLinksFlaggedAsEmbeds() {
        List<WikiLink> links = note("![[diagram.png]] and ![[note#Part]] and [[plain]]").links();
        assertThat(links).extracting(WikiLink::embed).containsExactly(true, true, false);
        assertThat(links.get(0).target()).isEqualTo("diagram.png");
        assertThat(links.get(0).position().column()).isEqualTo(1);
        assertThat(links.get(1).heading()).contains("Part");
    }

    @Test
    void escapedPipeInATableSeparatesTheAlias() {
        WikiLink link = note("| col |\n|---|\n| [[target\\|shown]] |\n").links().getFirst();
        assertThat(link.target()).isEqualTo("target");
        assertThat(link.alias()).contains("shown");
        assertThat(link.position()).isEqualTo(new TextPosition(3, 3));
    }

    @Test
    void escapedBracketsAndHashesAreText() {
        assertThat(targets("\\[[not a link]] but [[yes]]")).containsExactly("yes");
        assertThat(tags("\\#nope #yes")).containsExactly("yes");
        assertThat(note("\\![[x]]").links()).singleElement().satisfies(l -> assertThat(l.embed()).isFalse());
    }

    @Test
    void emptyUnclosedAndMultiLineBracketsAreNoLinks() {
        assertThat(targets("[[]] [[ ]] [[open and [[closed]]")).containsExactly("closed");
        assertThat(targets("[[split\nover lines]]")).isEmpty();
        assertThat(targets("[[never closed")).isEmpty();
        assertThat(targets("[single] [[double]]")).containsExactly("double");
    }

    @ParameterizedTest
    @ValueSource(strings = {"```", "````", "~~~", "~~~~~", "```java", "~~~ yaml title=x"})
    void fencedCodeHidesLinksAndTags(String fence) {
        String close = fence.replaceAll("[^`~].*", "").trim();
        Note note = note("before [[a]] #t1\n" + fence + "\n[[in code]] #incode\n" + close + "\nafter [[b]] #t2\n");
        assertThat(note.links()).extracting(WikiLink::target).containsExactly("a", "b");
        assertThat(note.inlineTags()).extracting(InlineTag::name).containsExactly("t1", "t2");
    }

    @Test
    void aShorterOrOtherFenceDoesNotCloseTheBlock() {
        Note note = note("````\n```\n[[still code]]\n~~~~\n#nope\n````\nout [[x]]\n");
        assertThat(note.links()).extracting(WikiLink::target).containsExactly("x");
        assertThat(note.inlineTags()).isEmpty();
    }

    @Test
    void anUnclosedFenceRunsToTheEnd() {
        assertThat(targets("[[a]]\n```\n[[b]]\n#c\n")).containsExactly("a");
    }

    @Test
    void fencesInsideBlockQuotesAndListsAreCode() {
        assertThat(targets("> ```\n> [[quoted code]]\n> ```\n> [[quoted]]\n")).containsExactly("quoted");
        assertThat(targets("- item\n    ```\n    [[nested code]]\n    ```\n- [[item link]]\n"))
                .containsExactly("item link");
    }

    @Test
    void aFenceLineWithBackticksInItsInfoIsNoFence() {
        // ``` a ``` is an inline code span, not the start of a block
        assertThat(targets("``` a ``` [[after]]\n[[next]]\n")).containsExactly("after", "next");
    }

    @Test
    void inlineCodeHidesLinksAndTags() {
        Note note = note("use `[[not]]` and `#no` but [[yes]] #yes, ``code with ` and [[x]]`` done");
        assertThat(note.links()).extracting(WikiLink::target).containsExactly("yes");
        assertThat(note.inlineTags()).extracting(InlineTag::name).containsExactly("yes");
    }

    @Test
    void anUnmatchedBacktickIsText() {
        assertThat(targets("a ` lone backtick [[x]]\n\nnext paragraph ` [[y]]")).containsExactly("x", "y");
        assertThat(targets("`span\nover two lines [[hidden]]`")).isEmpty();
    }

    @Test
    void headingsAreNotTagsButTagsMayFollowThem() {
        assertThat(tags("# Heading\n## Sub heading #real\n#tagAtLineStart\n")).containsExactly("real", "tagAtLineStart");
    }

    @Test
    void urlFragmentsAndWordInnerHashesAreNotTags() {
        assertThat(tags("https://example.com/page#frag [x](http://a.b/#c) C# issue#12 &#35; (#paren)")).isEmpty();
    }

    @Test
    void obsidianTagRules() {
        assertThat(tags("#2024 #y2024 #a_b-c #nested/tag/x #123abc")).containsExactly("y2024", "a_b-c",
                "nested/tag/x", "123abc");
        assertThat(tags("#end. #comma, #colon: #paren)")).containsExactly("end", "comma", "colon", "paren");
        assertThat(tags("#Über #日本語 #café #मराठी")).containsExactly("Über", "日本語", "café", "मराठी");
        assertThat(tags("# #")).isEmpty();
    }

    @Test
    void tagPositionsCountCodePoints() {
        InlineTag tag = note("---\ntitle: T\n---\n😀 é #tag").inlineTags().getFirst();
        assertThat(tag.position()).isEqualTo(new TextPosition(4, 5));
    }

    @Test
    void noteTagsCombineFrontMatterAndBodyIgnoringCase() {
        Note note = note("---\ntags: [Alpha, beta]\n---\n#alpha #gamma #Gamma #beta\n");
        assertThat(note.tags()).containsExactly("Alpha", "beta", "gamma");
        assertThat(note.inlineTags()).hasSize(4);
    }

    @Test
    void linksInsideLinksAndMarkdownLinks() {
        // a web link's address is no place for links (Obsidian links nothing there)
        assertThat(targets("[text](https://x.y/[[no]]) [[yes]]")).containsExactly("yes");
        assertThat(note("[[a|alias with #hash]]").inlineTags()).isEmpty();
        assertThat(note("[[a|alias]]").links().getFirst().alias()).isEqualTo(Optional.of("alias"));
    }

    @Test
    void markdownLinksToNotesAreLinksWithTheirTextAsAlias() {
        WikiLink link = note("Read [the rules](rules/My%20note.md#Part%202) now.").links().getFirst();
        assertThat(link.target()).isEqualTo("rules/My note.md");
        assertThat(link.heading()).contains("Part 2");
        assertThat(link.alias()).contains("the rules");
        assertThat(link.embed()).isFalse();
        assertThat(note("![chart](chart.png)").links().getFirst().embed()).isTrue();
        assertThat(targets("[a](<with space.md>) [b](plain) [c](mailto:x@y.z) [d](#here) [e](obsidian://open)"))
                .containsExactly("with space.md", "plain");
        assertThat(targets("- [ ] a task, [not a link] (x), `[code](x.md)`")).isEmpty();
    }

    @Test
    void commentsHideLinksAndTags() {
        assertThat(targets("%% [[a]] %% [[b]] <!-- [[c]] --> [[d]]")).containsExactly("b", "d");
        assertThat(targets("%%\n[[a]]\n\n[[b]]\n%%\n[[c]]")).as("across lines and paragraphs").containsExactly("c");
        assertThat(targets("<!-- unclosed [[a]]\n[[b]]")).isEmpty();
        assertThat(tags("#shown %% #hidden %% <!-- #gone --> #also")).containsExactly("shown", "also");
        assertThat(targets("`%%` [[a]] `%%`")).as("markers inside code open nothing").containsExactly("a");
    }

    @Test
    void unicodeLinkTargets() {
        assertThat(targets("[[Über Größe]] [[日本語のメモ|メモ]]")).containsExactly("Über Größe", "日本語のメモ");
    }
}
