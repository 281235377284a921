package dev.pce.pkm.note;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeded random text built from markdown's special pieces never makes the parser fail with anything but a
 * {@link NoteProblem} of a kind that content can cause (never the defect fallback).
 */
class ParserFuzzTest {
    private static final List<String> PIECES = List.of("---", "\n", "\r\n", "[[", "]]", "![[", "|", "\\|", "#", "##",
            "# ", "`", "```", "~~~", "````", "\\", "\\[[", "title: ", "tags: ", "date: ", "2024-08-24", "x", "日本",
            "😀", " ", "\t", ">", "- ", ":", "'", "\"", "{", "[", "]", "id: ", "links: ", "%%", "\u00e9", "\uFEFF");

    static LongStream seeds() {
        return LongStream.range(1, 301);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void randomMarkdownParsesOrIsAProblemFromContent(long seed) {
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(60); i > 0; i--) {
            text.append(PIECES.get(random.nextInt(PIECES.size())));
        }
        ParseResult result = new NoteParser().parse("fuzz.md", text.toString().getBytes(StandardCharsets.UTF_8));
        if (result instanceof ParseResult.Problem problem) {
            assertThat(problem.problem().kind()).as(text.toString()).isEqualTo(NoteProblem.Kind.BAD_YAML);
        } else {
            Note note = ((ParseResult.Parsed) result).note();
            assertThat(note.links()).allSatisfy(l -> assertThat(l.target()).doesNotContain("]]", "\n"));
            assertThat(note.inlineTags()).allSatisfy(t -> assertThat(Tags.isValid(t.name())).isTrue());
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void randomBytesNeverThrow(long seed) {
        Random random = new Random(seed);
        byte[] bytes = new byte[random.nextInt(200)];
        random.nextBytes(bytes);
        ParseResult result = new NoteParser().parse("bytes.md", bytes);
        if (result instanceof ParseResult.Problem problem) {
            assertThat(problem.problem().kind()).isNotEqualTo(NoteProblem.Kind.UNREADABLE);
        }
    }
}
