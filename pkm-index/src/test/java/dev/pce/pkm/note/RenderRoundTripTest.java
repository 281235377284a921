package dev.pce.pkm.note;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Rendering a note and parsing it again gives the same front matter and body, for many generated notes. */
class RenderRoundTripTest {
    private static final List<String> TEXTS = List.of("Plain title", "yes", "no", "null", "~", "true", "123",
            "1.5", "0x1F", "2024-08-24", "a: b", "# not a comment", "[bracketed]", "{braced}", "'single'",
            "\"double\"", "back\\slash", "Über Größe – 日本語", "emoji 😀 here", "trailing colon:", "- dash",
            "@at", "`tick`", "%percent", "multi\nline", "tab\tinside", "*star", "&anchor", "!tag", "| pipe",
            "> gt", "it's", "1_000", "+5", ".5", ".inf", "-.NaN", "1:30", "0o17", "0b101", "1e3", "007",
            "Y", "off", "~tilde", "x".repeat(300));
    private static final List<String> TAGS = List.of("retries", "backoff/jitter", "日本語", "café", "a_b-c",
            "y2024", "Decision", "मराठी");
    private static final List<String> LINKS = List.of("202408241604-rate-limits", "Some Note", "folder/x",
            "日本語のメモ", "n.with.dots");
    private static final List<String> BODY_LINES = List.of("Plain text.", "# Heading", "## Sub", "[[a|b]] text",
            "#tag at start", "```", "~~~~", "[[in]] `code [[x]]`", "---", "", "- list [[item]]", "> quote #q",
            "\\[[escaped]]", "![[embed.png]]", "unicode ü 日本 #ü", "trailing spaces   ", "| t | [[x\\|y]] |");

    static LongStream seeds() {
        return LongStream.range(1, 201);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void renderThenParseGivesTheSameNote(long seed) {
        Random random = new Random(seed);
        FrontMatter frontMatter = randomFrontMatter(random);
        String body = randomBody(random);

        String markdown = NoteRenderer.render(frontMatter, body);
        ParseResult result = new NoteParser().parse("generated/" + seed + ".md", markdown);

        assertThat(result).as(markdown).isInstanceOf(ParseResult.Parsed.class);
        ParseResult.Parsed parsed = (ParseResult.Parsed) result;
        assertThat(parsed.warnings()).as(markdown).isEmpty();
        assertThat(parsed.note().frontMatter()).as(markdown).isEqualTo(frontMatter);
        assertThat(parsed.note().body()).as(markdown).isEqualTo(body);
        assertThat(NoteRenderer.render(parsed.note())).isEqualTo(markdown);
        frontMatter.title().ifPresent(title -> assertThat(parsed.note().title()).isEqualTo(title));
    }

    @Test
    void renderedFrontMatterIsReadable() {
        FrontMatter fm = FrontMatter.builder()
                .id(new NoteId("202408241604-rate-limits"))
                .title("Rate limits need jitter")
                .date(new NoteDate.Day(LocalDate.of(2024, 8, 24)))
                .type("insight")
                .tags(List.of("retries", "backoff"))
                .link("202408231200-retry-storm")
                .build();
        assertThat(NoteRenderer.render(fm, "Body\n")).isEqualTo("""
                ---
                id: 202408241604-rate-limits
                title: Rate limits need jitter
                date: 2024-08-24
                type: insight
                tags:
                  - retries
                  - backoff
                links:
                  - "[[202408231200-retry-storm]]"
                ---
                Body
                """);
        assertThat(NoteRenderer.render(FrontMatter.EMPTY, "x")).isEqualTo("---\n---\nx");
    }

    /** Found by fuzzing: YAML 1.1 line breaks other than LF were folded into spaces when the note was read back. */
    @ParameterizedTest
    @ValueSource(strings = {"6\u0085", "a\u2028b", "a\u2029b", "carriage\rreturn", "mixed\u0085\nbreaks"})
    void aTextWithAnyYamlLineBreakReadsBackUnchanged(String title) {
        FrontMatter frontMatter = FrontMatter.builder().title(title).type(title)
                .extra("key " + title, TextNode.valueOf(title)).build();

        ParseResult.Parsed read = (ParseResult.Parsed) new NoteParser().parse("t.md",
                NoteRenderer.render(frontMatter, "body\n"));
        assertThat(read.note().frontMatter()).isEqualTo(frontMatter);
    }

    /**
     * Found by fuzzing: replacing only CRLF read {@code \r\r\n} as {@code \r\n}, which the renderer then shortened
     * again, so each rewrite of the note lost a CR. A lone CR is a line end of its own, as in CommonMark.
     */
    @Test
    void aLoneCarriageReturnIsALineEndSoARewriteChangesNothing() {
        ParseResult.Parsed read = (ParseResult.Parsed) new NoteParser().parse("cr.md", "a\r\r\nb\rc\r\n");
        assertThat(read.note().body()).isEqualTo("a\n\nb\nc\n");

        ParseResult.Parsed again = (ParseResult.Parsed) new NoteParser().parse("cr.md", NoteRenderer.render(read.note()));
        assertThat(again.note().body()).isEqualTo(read.note().body());
    }

    private static FrontMatter randomFrontMatter(Random random) {
        FrontMatter.Builder b = FrontMatter.builder();
        if (random.nextBoolean()) {
            b.id(NoteId.create(LocalDateTime.of(2020 + random.nextInt(10), 1 + random.nextInt(12),
                    1 + random.nextInt(28), random.nextInt(24), random.nextInt(60)), pick(random, TEXTS)));
        }
        if (random.nextInt(4) > 0) {
            b.title(pick(random, TEXTS).strip());
        }
        switch (random.nextInt(4)) {
            case 0 -> b.date(new NoteDate.Day(LocalDate.of(2024, 1 + random.nextInt(12), 1 + random.nextInt(28))));
            case 1 -> b.date(new NoteDate.Local(LocalDateTime.of(2024, 2, 29, random.nextInt(24),
                    random.nextInt(60), random.nextInt(3) == 0 ? random.nextInt(60) : 0)));
            case 2 -> b.date(new NoteDate.Zoned(OffsetDateTime.of(2025, 12, 31, 23, 59, 1, 0,
                    ZoneOffset.ofHours(random.nextInt(25) - 12))));
            default -> {
            }
        }
        if (random.nextBoolean()) {
            b.type(pick(random, TEXTS).strip());
        }
        if (random.nextBoolean()) {
            b.status(pick(random, List.of("draft", "accepted", "yes", "null", "on")));
        }
        if (random.nextBoolean()) {
            b.project(pick(random, TEXTS).strip());
        }
        for (int i = random.nextInt(4); i > 0; i--) {
            b.tag(pick(random, TAGS));
        }
        for (int i = random.nextInt(3); i > 0; i--) {
            b.link(pick(random, LINKS));
        }
        for (int i = random.nextInt(3); i > 0; i--) {
            b.extra("extra" + i, randomValue(random));
        }
        return b.build();
    }

    private static JsonNode randomValue(Random random) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (random.nextInt(5)) {
            case 0 -> f.textNode(pick(random, TEXTS));
            case 1 -> f.numberNode(random.nextInt(1000) - 500);
            case 2 -> f.booleanNode(random.nextBoolean());
            case 3 -> f.arrayNode().add(pick(random, TEXTS)).add(random.nextInt(10));
            default -> f.nullNode();
        };
    }

    private static String randomBody(Random random) {
        StringBuilder body = new StringBuilder();
        for (int i = random.nextInt(12); i > 0; i--) {
            body.append(pick(random, BODY_LINES)).append('\n');
        }
        if (random.nextBoolean() && !body.isEmpty()) {
            body.setLength(body.length() - 1); // no final line end
        }
        return body.toString();
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
