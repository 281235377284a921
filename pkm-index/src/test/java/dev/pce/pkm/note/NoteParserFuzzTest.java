package dev.pce.pkm.note;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Timeout;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzz target of the note parser: any bytes as a vault note (front matter YAML, wikilinks, tags, code), and front
 * matter as {@code ce_capture} builds it, rendered and read back.
 *
 * <p>Properties: a note parses, or is a problem that its content explains (bad YAML, not UTF-8 text) with a fix;
 * never the parser's defect fallback. A parsed note's links and tags are well formed, and the note written again
 * ({@code Vault.write}, the {@code pkm://note} resource) reads back the same. A rendered note reads back with the
 * front matter and body it was rendered from.
 *
 * <p>This target replaced a seeded random test (600 texts of markdown's special pieces and random bytes): the pieces
 * are its dictionary, its checks are here, and the 15 of its inputs that covered everything the 600 did are in the
 * corpus ({@code pieces-*}, {@code bytes-*}), under
 * {@code src/test/resources/dev/pce/pkm/note/NoteParserFuzzTestInputs}; see docs/fuzzing.md.
 */
// A hang (an input that never finishes) is a finding too: Jazzer makes this its per-input timeout.
@Timeout(30)
class NoteParserFuzzTest {
    private static final NoteParser PARSER = new NoteParser();

    // Entries in libFuzzer's dictionary syntax: \xNN for line ends and tabs, \" and \\ for quote and backslash.
    @FuzzTest
    @DictionaryEntries({"---", "\\x0A", "\\x0D\\x0A", "[[", "]]", "![[", "|", "\\\\|", "#", "##", "# ", "`", "```",
            "~~~", "````", "\\\\", "\\\\[[", "title: ", "tags: ", "date: ", "2024-08-24", "日本", "😀", "\\x09", ">",
            "- ", ": ", "'", "\\\"", "{", "[", "]", "id: ", "links: ", "%%", "é", "\\xEF\\xBB\\xBF", "&a ", "*a",
            "!!binary ", "? "})
    void parsesAnyNote(byte[] content) {
        switch (PARSER.parseOrThrow("fuzz.md", content)) {
            case ParseResult.Problem problem -> {
                NoteProblem.Kind kind = problem.problem().kind();
                assertThat(kind).as(problem.problem().describe())
                        .isIn(NoteProblem.Kind.BAD_YAML, NoteProblem.Kind.BINARY);
                if (kind == NoteProblem.Kind.BINARY) {
                    assertThat(isText(content)).as("binary, yet UTF-8 text without NUL").isFalse();
                }
                assertThat(problem.problem().fix()).isNotBlank();
            }
            case ParseResult.Parsed parsed -> {
                Note note = parsed.note();
                assertThat(note.links()).allSatisfy(link -> assertThat(link.target()).doesNotContain("]]", "\n"));
                assertThat(note.inlineTags()).allSatisfy(tag -> assertThat(Tags.isValid(tag.name())).isTrue());
                assertThat(parsed.warnings()).allSatisfy(w -> assertThat(w.kind()).isEqualTo(NoteProblem.Kind.BAD_FIELD));
                assertThat(note.title()).isNotBlank();
                assertReadsBack(note.frontMatter(), note.body());
            }
        }
    }

    @FuzzTest
    void rendersAndParsesBack(FuzzedDataProvider data) {
        FrontMatter.Builder frontMatter = FrontMatter.builder();
        text(data).ifPresent(frontMatter::title);
        text(data).ifPresent(frontMatter::type);
        text(data).ifPresent(frontMatter::project);
        if (data.consumeBoolean()) {
            frontMatter.date(new NoteDate.Day(LocalDate.ofEpochDay(data.consumeInt(-100_000, 100_000))));
        }
        for (int i = data.consumeInt(0, 3); i > 0; i--) {
            String tag = data.consumeString(40);
            if (Tags.isValid(tag)) {
                frontMatter.tag(tag);
            }
        }
        for (int i = data.consumeInt(0, 3); i > 0; i--) {
            String target = data.consumeString(40);
            if (FrontMatter.isLinkTarget(target)) {
                frontMatter.link(target);
            }
        }
        String key = data.consumeString(20);
        if (!key.isEmpty() && !FrontMatter.KNOWN_KEYS.contains(key)) {
            frontMatter.extra(key, TextNode.valueOf(data.consumeString(40)));
        }
        String body = LineEnds.toLf(data.consumeRemainingAsString());
        if (body.indexOf('\0') >= 0) {
            // A NUL cannot be in a note: the note is refused as binary, and Vault.create refuses to write it.
            String markdown = NoteRenderer.render(frontMatter.build(), body);
            assertThat(PARSER.parseOrThrow("fuzz.md", markdown.getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOfSatisfying(ParseResult.Problem.class,
                            problem -> assertThat(problem.problem().kind()).isEqualTo(NoteProblem.Kind.BINARY));
            return;
        }
        assertReadsBack(frontMatter.build(), body);
    }

    /** What PCE writes from this front matter and body reads back as them. */
    private static void assertReadsBack(FrontMatter frontMatter, String body) {
        String markdown = NoteRenderer.render(frontMatter, body);
        ParseResult again = PARSER.parseOrThrow("fuzz.md", markdown.getBytes(StandardCharsets.UTF_8));
        assertThat(again).as(markdown).isInstanceOf(ParseResult.Parsed.class);
        Note note = ((ParseResult.Parsed) again).note();
        assertThat(note.frontMatter()).as(markdown).isEqualTo(frontMatter);
        assertThat(note.body()).as(markdown).isEqualTo(body);
    }

    /** A front matter text field: non-blank, without surrounding white space, or absent. */
    private static Optional<String> text(FuzzedDataProvider data) {
        String text = data.consumeString(60).strip();
        return text.isBlank() ? Optional.empty() : Optional.of(text);
    }

    private static boolean isText(byte[] content) {
        for (byte b : content) {
            if (b == 0) {
                return false;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(content));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
