package dev.pce.pkm.note;

import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;

import static dev.pce.pkm.note.Notes.note;
import static dev.pce.pkm.note.Notes.parsed;
import static dev.pce.pkm.note.Notes.problem;
import static org.assertj.core.api.Assertions.assertThat;

class FrontMatterParsingTest {

    @Test
    void readsEveryKnownFieldAndKeepsUnknownKeysInOrder() {
        Note note = note("""
                ---
                id: 202408241604-rate-limits
                title: Rate limits need jitter
                date: 2024-08-24
                type: insight
                status: accepted
                project: pce
                tags: [retries, "#backoff"]
                links: ["[[202408231200-retry-storm]]", 202408221000-other]
                aliases: [jitter]
                priority: 3
                ---
                Body.
                """);
        FrontMatter fm = note.frontMatter();
        assertThat(note.id()).isEqualTo(new NoteId("202408241604-rate-limits"));
        assertThat(note.title()).isEqualTo("Rate limits need jitter");
        assertThat(fm.date()).contains(new NoteDate.Day(LocalDate.of(2024, 8, 24)));
        assertThat(fm.type()).contains("insight");
        assertThat(fm.status()).contains("accepted");
        assertThat(fm.project()).contains("pce");
        assertThat(fm.tags()).containsExactly("retries", "backoff");
        assertThat(fm.links()).containsExactly("202408231200-retry-storm", "202408221000-other");
        assertThat(fm.extra()).containsOnlyKeys("aliases", "priority");
        assertThat(fm.extra().keySet()).containsExactly("aliases", "priority");
        assertThat(fm.extra().get("priority")).isEqualTo(IntNode.valueOf(3));
        assertThat(note.body()).isEqualTo("Body.\n");
    }

    /**
     * Found by fuzzing: read as a double, {@code 2024E408251} became Infinity, which the renderer writes as text, so a
     * rewritten note ({@code Vault.write}, the {@code pkm://note} resource) changed. The first fix, decimals for all,
     * wrote {@code 0e005217924} and {@code 2.} back as integers; a decimal is a double unless a double cannot hold it.
     */
    @Test
    void aNumberOfAnySizeReadsBackAsTheSameNumberFromWhatIsWritten() {
        Note note = note("---\nratio: 2024E408251\nshare: 0.10\nwhole: 1.0\nnone: 0e005217924\ntwo: 2.\n---\n");

        assertThat(note.frontMatter().extra().get("ratio").decimalValue()).isEqualTo(new BigDecimal("2024E408251"));
        assertThat(note.frontMatter().extra().get("two")).isEqualTo(DoubleNode.valueOf(2));
        assertThat(note(NoteRenderer.render(note)).frontMatter()).isEqualTo(note.frontMatter());
    }

    @Test
    void noFrontMatterMeansEmptyFieldsAndTheWholeTextIsTheBody() {
        Note note = note("# Title\n\ntext\n");
        assertThat(note.frontMatter()).isEqualTo(FrontMatter.EMPTY);
        assertThat(note.body()).isEqualTo("# Title\n\ntext\n");
        assertThat(note.title()).isEqualTo("Title");
    }

    @Test
    void emptyFrontMatterIsAllowed() {
        Note note = note("---\n---\nbody\n");
        assertThat(note.frontMatter().isEmpty()).isTrue();
        assertThat(note.body()).isEqualTo("body\n");
        Note commentsOnly = note("---\n# only a comment\n---\nbody\n");
        assertThat(commentsOnly.frontMatter().isEmpty()).isTrue();
    }

    @Test
    void frontMatterOnlyFileHasEmptyBody() {
        Note note = note("---\ntitle: T\n---");
        assertThat(note.title()).isEqualTo("T");
        assertThat(note.body()).isEmpty();
    }

    @Test
    void dashesLaterInTheBodyAreMarkdownNotFrontMatter() {
        Note note = note("intro\n---\ntitle: not front matter\n---\n");
        assertThat(note.frontMatter().isEmpty()).isTrue();
        assertThat(note.body()).startsWith("intro\n---\n");
        Note second = note("---\ntitle: Real\n---\ntext\n---\ntitle: ignored\n---\n");
        assertThat(second.title()).isEqualTo("Real");
        assertThat(second.body()).isEqualTo("text\n---\ntitle: ignored\n---\n");
    }

    @Test
    void frontMatterMustStartAtTheVeryFirstLine() {
        Note note = note("\n---\ntitle: X\n---\n");
        assertThat(note.frontMatter().isEmpty()).isTrue();
    }

    @Test
    void delimiterLinesMayHaveTrailingBlanks() {
        assertThat(note("---  \ntitle: T\n--- \t\nb").title()).isEqualTo("T");
    }

    @Test
    void crlfAndBomAreTolerated() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        String text = "---\r\ntitle: Windows note\r\ntags: a, b\r\n---\r\nline one [[x]]\r\nline two #t\r\n";
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, content, 0, 3);
        System.arraycopy(body, 0, content, 3, body.length);
        ParseResult result = new NoteParser().parse("w.md", content);
        Note note = ((ParseResult.Parsed) result).note();
        assertThat(note.title()).isEqualTo("Windows note");
        assertThat(note.frontMatter().tags()).containsExactly("a", "b");
        assertThat(note.body()).isEqualTo("line one [[x]]\nline two #t\n");
        assertThat(note.links()).singleElement().satisfies(l -> {
            assertThat(l.target()).isEqualTo("x");
            assertThat(l.position()).isEqualTo(new TextPosition(5, 10));
        });
        assertThat(note.inlineTags()).singleElement().extracting(InlineTag::name).isEqualTo("t");
        assertThat(note.size()).isEqualTo(content.length);
        assertThat(note.contentHash()).isEqualTo(NoteParser.sha256(content)).hasSize(64);
    }

    @Test
    void tagsMayBeAListAStringWithCommasOrSpacesAndHaveHashes() {
        assertThat(note("---\ntags: [a, '#b', c/d]\n---\n").frontMatter().tags()).containsExactly("a", "b", "c/d");
        assertThat(note("---\ntags: a, b,c\n---\n").frontMatter().tags()).containsExactly("a", "b", "c");
        assertThat(note("---\ntags: \"a b  #c\"\n---\n").frontMatter().tags()).containsExactly("a", "b", "c");
        assertThat(note("---\ntags:\n  - one\n  - \"#two\"\n---\n").frontMatter().tags()).containsExactly("one", "two");
        assertThat(note("---\ntags: solo\n---\n").frontMatter().tags()).containsExactly("solo");
        assertThat(note("---\ntags:\n---\n").frontMatter().tags()).isEmpty();
        assertThat(note("---\ntags: [Java, java, JAVA]\n---\n").frontMatter().tags()).containsExactly("Java");
    }

    @Test
    void invalidTagsAreLeftOutWithAWarning() {
        ParseResult.Parsed parsed = parsed("n.md", "---\ntags: [ok, 2024, 'a.b']\n---\n");
        assertThat(parsed.note().frontMatter().tags()).containsExactly("ok");
        assertThat(parsed.warnings()).singleElement().satisfies(w -> {
            assertThat(w.kind()).isEqualTo(NoteProblem.Kind.BAD_FIELD);
            assertThat(w.path()).isEqualTo("n.md");
            assertThat(w.what()).contains("2024", "a.b");
        });
    }

    @Test
    void unicodeTitlesAndTags() {
        Note note = note("---\ntitle: Über Größe – 日本語のメモ\ntags: [café, 日本語, मराठी]\n---\n");
        assertThat(note.title()).isEqualTo("Über Größe – 日本語のメモ");
        assertThat(note.frontMatter().tags()).containsExactly("café", "日本語", "मराठी");
    }

    @Test
    void datesInTheirThreeForms() {
        assertThat(note("---\ndate: 2024-08-24\n---\n").frontMatter().date())
                .contains(new NoteDate.Day(LocalDate.of(2024, 8, 24)));
        assertThat(note("---\ndate: 2024-08-24 16:04\n---\n").frontMatter().date())
                .contains(new NoteDate.Local(LocalDateTime.of(2024, 8, 24, 16, 4)));
        assertThat(note("---\ndate: 2024-08-24T16:04:05\n---\n").frontMatter().date())
                .contains(new NoteDate.Local(LocalDateTime.of(2024, 8, 24, 16, 4, 5)));
        assertThat(note("---\ndate: 2024-08-24T16:04:00Z\n---\n").frontMatter().date())
                .contains(new NoteDate.Zoned(OffsetDateTime.parse("2024-08-24T16:04:00Z")));
        assertThat(note("---\ndate: '2024-08-24T16:04+02:00'\n---\n").frontMatter().date())
                .contains(new NoteDate.Zoned(OffsetDateTime.parse("2024-08-24T16:04+02:00")));
    }

    @Test
    void aBadDateIsAWarningNotAProblem() {
        ParseResult.Parsed parsed = parsed("n.md", "---\ndate: last tuesday\ntitle: Kept\n---\n");
        assertThat(parsed.note().title()).isEqualTo("Kept");
        assertThat(parsed.note().frontMatter().date()).isEmpty();
        assertThat(parsed.warnings()).singleElement().extracting(NoteProblem::what).asString()
                .contains("'date'", "last tuesday");
    }

    @Test
    void aListWhereOneValueBelongsIsAWarning() {
        ParseResult.Parsed parsed = parsed("n.md", "---\ntype: [a, b]\nstatus: draft\n---\n");
        assertThat(parsed.note().frontMatter().type()).isEmpty();
        assertThat(parsed.note().frontMatter().status()).contains("draft");
        assertThat(parsed.warnings()).hasSize(1);
    }

    @Test
    void idRules() {
        assertThat(parsed("notes/202408241604-slug.md", "x").note().id().value()).isEqualTo("202408241604-slug");
        assertThat(parsed("notes/My Note.md", "x").note().id().value()).isEqualTo("My Note");
        assertThat(parsed("a.md", "---\nid: explicit-id\n---\n").note().id().value()).isEqualTo("explicit-id");
        assertThat(parsed("a.md", "---\nid: 202408241604\n---\n").note().id().value()).isEqualTo("202408241604");
        ParseResult.Parsed badId = parsed("a.md", "---\nid: a/b\n---\n");
        assertThat(badId.note().id().value()).isEqualTo("a");
        assertThat(badId.warnings()).hasSize(1);
    }

    @Test
    void titleRules() {
        assertThat(note("---\ntitle: From front matter\n---\n# From heading\n").title()).isEqualTo("From front matter");
        assertThat(note("intro\n## Second level\n# First level ##\n").title()).isEqualTo("First level");
        assertThat(note("```\n# in code\n```\ntext\n").title()).isEqualTo("test-note");
        assertThat(note("#NotAHeading\n").title()).isEqualTo("test-note");
        assertThat(parsed("Plain name.md", "no heading").note().title()).isEqualTo("Plain name");
        assertThat(note("# C#\n").title()).isEqualTo("C#");
    }

    @Test
    void extraValuesKeepTheirTypes() {
        Note note = note("---\nsource: \"https://example.com/a#b\"\nreviewed: true\nnothing:\n---\n");
        assertThat(note.frontMatter().extra().get("source")).isEqualTo(TextNode.valueOf("https://example.com/a#b"));
        assertThat(note.frontMatter().extra().get("reviewed").asBoolean()).isTrue();
        assertThat(note.frontMatter().extra()).containsKey("nothing");
        assertThat(note.frontMatter().extra().get("nothing").isNull()).as(note.frontMatter().extra().toString()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "---\ntitle: [unclosed\n---\n",
            "---\ntitle: a\ntitle: b\n---\n",
            "---\njust a string\n---\n",
            "---\n- a\n- b\n---\n",
            "---\ntitle: x\nno closing line\n",
            "---",
            "---\nkey: value\n  bad indent: here\n---\n",
            "---\n\tkey: tab indented\n---\n"})
    void badYamlIsAProblemNamingTheFile(String markdown) {
        NoteProblem problem = problem(markdown);
        assertThat(problem.kind()).isEqualTo(NoteProblem.Kind.BAD_YAML);
        assertThat(problem.path()).isEqualTo("bad.md");
        assertThat(problem.fix()).isNotBlank();
        assertThat(problem.describe()).startsWith("bad.md: ");
    }

    @Test
    void yamlErrorsNameTheFileLine() {
        NoteProblem problem = problem("---\ntitle: ok\nother: [x\n---\n");
        assertThat(problem.what()).contains("line");
    }
}
