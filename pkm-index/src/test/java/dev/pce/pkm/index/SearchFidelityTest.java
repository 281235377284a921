package dev.pce.pkm.index;

import dev.pce.pkm.note.NoteProblem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Search as an Obsidian user expects it: every note of a name, aliases, nested tags, accents, Chinese and Japanese
 * words, snippets without nested bold. Real files, real Lucene.
 */
class SearchFidelityTest {
    @TempDir
    Path tmp;
    private TestVault notes;
    private VaultIndex index;
    private VaultSearcher searcher;

    @BeforeEach
    void setUp() {
        notes = new TestVault(tmp.resolve("vault"));
        index = VaultIndex.open(tmp.resolve("index"), "pce");
        searcher = VaultSearcher.of(index);
    }

    @AfterEach
    void tearDown() {
        index.close();
    }

    private UpdateResult update() {
        return index.update(notes.vault());
    }

    private List<String> paths(String text) {
        return searcher.search(SearchQuery.of(text)).hits().stream().map(SearchHit::path).toList();
    }

    private List<String> ids(String text) {
        return searcher.search(SearchQuery.of(text)).hits().stream().map(h -> h.path() + "=" + h.id()).toList();
    }

    @Test
    void notesWithTheSameFileNameAreAllIndexedAndIdsFollowTheVault() {
        notes.write("a/Dup.md", "# Dup in a\nalpha words\n");
        notes.write("b/Dup.md", "# Dup in b\nbeta words\n");
        UpdateResult first = update();

        assertThat(first.problems()).isEmpty();
        assertThat(ids("words")).containsExactlyInAnyOrder("a/Dup.md=Dup", "b/Dup.md=b/Dup");

        notes.write("b/Dup.md", "# Dup in b\nbeta words, edited\n");
        index.update(notes.vault(), List.of("b/Dup.md"));
        assertThat(ids("edited")).as("an edit keeps the path id").containsExactly("b/Dup.md=b/Dup");

        notes.delete("a/Dup.md");
        index.update(notes.vault(), List.of("a/Dup.md"));
        assertThat(ids("words")).as("the name is free again: the note takes it").containsExactly("b/Dup.md=Dup");

        notes.write("0/Dup.md", "# Dup in 0\ngamma words\n");
        update();
        assertThat(ids("words")).as("the same ids as a rebuild gives")
                .containsExactlyInAnyOrder("0/Dup.md=Dup", "b/Dup.md=b/Dup");
        index.rebuild(notes.vault());
        assertThat(ids("words")).containsExactlyInAnyOrder("0/Dup.md=Dup", "b/Dup.md=b/Dup");
    }

    @Test
    void aFullUpdateInBatchesAssignsIdsOverTheWholeVault() {
        // more notes than one batch of a full update, so notes of one name fall into different batches
        for (int i = 0; i < 1_100; i++) {
            notes.write("m/filler%04d.md".formatted(i), "# Filler " + i + "\nfiller text\n");
        }
        notes.write("a/Dup.md", "# Dup in a\nalpha words\n");
        notes.write("z/Dup.md", "---\nid: Dup\n---\n# Dup in z\nzulu words\n");
        notes.write("a/Same.md", "# Same in a\nalpha words\n");
        notes.write("z/Same.md", "# Same in z\nzulu words\n");
        notes.write("a/Twin.md", "---\nid: twin\n---\n# Twin in a\nalpha words\n");
        notes.write("z/Twin.md", "---\nid: twin\n---\n# Twin in z\nzulu words\n");
        UpdateResult first = update();

        assertThat(ids("alpha")).as("a later explicit id wins over an earlier file name")
                .containsExactlyInAnyOrder("a/Dup.md=a/Dup", "a/Same.md=Same", "a/Twin.md=twin");
        assertThat(ids("zulu")).as("a later file name gets its path; a later explicit duplicate is left out")
                .containsExactlyInAnyOrder("z/Dup.md=Dup", "z/Same.md=z/Same");
        assertThat(first.problems()).extracting(NoteProblem::path).containsExactly("z/Twin.md");
        assertThat(first.added()).isEqualTo(1_105);
        assertThat(first.changed()).isZero();
        assertThat(index.size()).isEqualTo(1_105);

        notes.write("0/Same.md", "# Same in 0\noscar words\n");
        UpdateResult second = update();
        assertThat(second.added()).isEqualTo(1);
        assertThat(second.changed()).as("the kept note that lost its name").isEqualTo(1);
        assertThat(ids("alpha")).contains("a/Same.md=a/Same");
        assertThat(ids("oscar")).containsExactly("0/Same.md=Same");
        assertThat(update().unchanged()).isEqualTo(1_106);
        index.rebuild(notes.vault());
        assertThat(ids("alpha")).as("the same ids as a rebuild gives")
                .containsExactlyInAnyOrder("a/Dup.md=a/Dup", "a/Same.md=a/Same", "a/Twin.md=twin");
    }

    @Test
    void aliasesAreSearchedLikeTheTitle() {
        notes.write("limits.md", "---\ntitle: Rate limits\naliases:\n  - Throttling\n  - back pressure\n---\nText.\n");
        notes.write("single.md", "---\nalias: Kubernetes\n---\nText.\n");
        notes.write("body.md", "# Other\nThrottling is mentioned once in passing, in the body.\n");
        update();

        assertThat(paths("throttling")).as("the alias counts like the title").startsWith("limits.md")
                .contains("body.md");
        assertThat(paths("kubernetes")).containsExactly("single.md");
        assertThat(paths("aliases:pressure")).containsExactly("limits.md");
    }

    @Test
    void aTagFilterFindsTheNotesOfItsNestedTags() {
        notes.write("sub.md", "# Sub\nBody #project/sub here.\n");
        notes.write("deep.md", "---\ntags: [Project/Sub/Deep]\n---\n# Deep\n");
        notes.write("top.md", "# Top\n#project\n");
        notes.write("else.md", "# Else\n#projects #other/project\n");
        update();

        SearchFilters none = SearchFilters.NONE;
        assertThat(paths(SearchQuery.of("").filtered(none.withTags("project"))))
                .containsExactlyInAnyOrder("sub.md", "deep.md", "top.md");
        assertThat(paths(SearchQuery.of("").filtered(none.withTags("#project/sub"))))
                .containsExactlyInAnyOrder("sub.md", "deep.md");
        assertThat(paths(SearchQuery.of("").filtered(none.withTags("project/sub/deep")))).containsExactly("deep.md");
    }

    private List<String> paths(SearchQuery query) {
        return searcher.search(query).hits().stream().map(SearchHit::path).toList();
    }

    @Test
    void accentsFoldBothWays() {
        notes.write("cafe.md", "# Café culture\nWe met at the café on the Hauptstraße.\n");
        notes.write("plain.md", "# Plain\nThe cafe near the strasse, written without accents.\n");
        update();

        assertThat(paths("cafe")).containsExactlyInAnyOrder("cafe.md", "plain.md");
        assertThat(paths("café")).containsExactlyInAnyOrder("cafe.md", "plain.md");
        assertThat(paths("hauptstrasse")).containsExactly("cafe.md");
        assertThat(paths("Straße")).containsExactly("plain.md");
        assertThat(paths("caf*")).as("a prefix is folded too").containsExactlyInAnyOrder("cafe.md", "plain.md");
    }

    @Test
    void aWordJoinedByUnderscoresOrDotsIsFoundByTheWordAlone() {
        notes.write("fr.md", "# R\u00e9ducteurs\nAu lieu de d\u00e9finir l'\u00e9tat, vous _dispatchez_ une action.\n");
        notes.write("code.md", "# Config\nSet `max_retry_count` in the file.\n");
        notes.write("links.md", "# Meetups\nSee www.meetup.com and the docs' index.md, version 3.14.\n");
        notes.write("other.md", "# Other\nNothing of the kind here.\n");
        update();

        assertThat(paths("meetup")).as("a part of a domain name").containsExactly("links.md");
        assertThat(paths("index")).as("a file name's stem").containsExactly("links.md");
        assertThat(paths("3.14")).as("a number keeps its dot").containsExactly("links.md");
        assertThat(paths("14")).as("so its parts are not words").isEmpty();

        assertThat(paths("dispatchez")).as("markdown emphasis with underscores").containsExactly("fr.md");
        assertThat(paths("retry")).as("a part of a snake_case name").containsExactly("code.md");
        assertThat(paths("max_retry_count")).as("the name as written").containsExactly("code.md");
        assertThat(paths("\"max_retry_count\"")).as("as a phrase").containsExactly("code.md");
        assertThat(searcher.search(SearchQuery.of("dispatchez")).hits().getFirst().snippets())
                .as("the highlight stays on the word").anyMatch(s -> s.contains("**dispatchez**"));
    }

    @Test
    void aWordAfterAnElidedArticleIsFoundByTheWordAlone() {
        notes.write("it.md", "# Titoli\nIl testo dell'intestazione resta nell\u2019editor.\n");
        notes.write("fr.md", "# Liens\nOn ouvre l'aper\u00e7u d'une note.\n");
        notes.write("en.md", "# English\nObsidian's editor doesn't change it.\n");
        update();

        assertThat(paths("intestazione")).containsExactly("it.md");
        assertThat(paths("editor")).as("after a typographic apostrophe too").containsExactlyInAnyOrder("it.md", "en.md");
        assertThat(paths("apercu")).containsExactly("fr.md");
        assertThat(paths("une")).containsExactly("fr.md");
        assertThat(paths("l'intestazione")).as("the elided form searched finds it as well").containsExactly("it.md");
        assertThat(paths("doesn't")).as("English contractions stay words").containsExactly("en.md");
    }

    @Test
    void chineseAndJapaneseAreSearchedByCharacterPairsAndEnglishIsStillStemmed() {
        notes.write("zh.md", "# 会议\n我们在北京开会，讨论了数据库的索引。\n");
        notes.write("ja.md", "# 会議\n東京都の会議でデータベースについて話しました。\n");
        notes.write("kyoto.md", "# 京都\n京都は古い都です。\n");
        notes.write("en.md", "# English\nThe servers were restarting slowly.\n");
        update();

        assertThat(paths("数据库")).containsExactly("zh.md");
        assertThat(paths("東京")).containsExactly("ja.md");
        assertThat(paths("京都")).as("a pair, not its single characters").containsExactlyInAnyOrder("kyoto.md", "ja.md");
        assertThat(paths("データベース")).containsExactly("ja.md");
        assertThat(paths("restart server")).containsExactly("en.md");
    }

    @Test
    void snippetsNeverNestBold() {
        notes.write("canvas.md", "# Canvas\nThe **Canvas** view and the *Canvas* plugin: canvas canvas, **bold canvas**.\n");
        update();

        List<String> snippets = searcher.search(SearchQuery.of("canvas")).hits().getFirst().snippets();

        assertThat(snippets).isNotEmpty();
        assertThat(String.join(" ", snippets))
                .doesNotContain("***")
                .doesNotContain("****")
                .contains("**Canvas** view", "**Canvas** plugin", "**canvas canvas**");
        for (String snippet : snippets) {
            assertThat(snippet.split("\\*\\*", -1).length % 2).as("bold markers pair up in %s", snippet)
                    .isEqualTo(1);
        }
    }
}
