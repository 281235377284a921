package dev.pce.pkm.note;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static dev.pce.pkm.note.Notes.problem;
import static org.assertj.core.api.Assertions.assertThat;

class MalformedNoteTest {

    @Test
    void nulBytesAreBinary() {
        NoteProblem problem = problem("img.md", new byte[]{'#', ' ', 'x', 0, 1, 2});
        assertThat(problem.kind()).isEqualTo(NoteProblem.Kind.BINARY);
        assertThat(problem.what()).contains("NUL");
    }

    @Test
    void invalidUtf8IsBinary() {
        byte[] latin1 = "caf\u00e9 note".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(problem("latin1.md", latin1).kind()).isEqualTo(NoteProblem.Kind.BINARY);
        byte[] truncated = Arrays.copyOf("日".getBytes(StandardCharsets.UTF_8), 2);
        assertThat(problem("cut.md", truncated).kind()).isEqualTo(NoteProblem.Kind.BINARY);
    }

    @Test
    void sizeLimitIsConfigurableAndExact() {
        NoteParser parser = new NoteParser(new ParseOptions(10));
        assertThat(parser.parse("ten.md", "0123456789")).isInstanceOf(ParseResult.Parsed.class);
        ParseResult eleven = parser.parse("eleven.md", "0123456789A");
        assertThat(eleven).isInstanceOf(ParseResult.Problem.class);
        NoteProblem problem = ((ParseResult.Problem) eleven).problem();
        assertThat(problem.kind()).isEqualTo(NoteProblem.Kind.OVERSIZE);
        assertThat(problem.what()).contains("11 bytes", "10 bytes");
        assertThat(ParseOptions.DEFAULTS.maxNoteBytes()).isEqualTo(1024 * 1024);
    }

    @Test
    void anEmptyFileIsAnEmptyNote() {
        ParseResult result = new NoteParser().parse("empty.md", new byte[0]);
        assertThat(result).isInstanceOfSatisfying(ParseResult.Parsed.class, p -> {
            assertThat(p.note().body()).isEmpty();
            assertThat(p.note().title()).isEqualTo("empty");
        });
    }

    @Test
    void aFileNameThatCannotBeAnIdNeedsAFrontMatterId() {
        assertThat(problem(" spaced .md", "text".getBytes(StandardCharsets.UTF_8)).kind())
                .isEqualTo(NoteProblem.Kind.BAD_NAME);
        assertThat(new NoteParser().parse(" spaced .md", "---\nid: fine\n---\n"))
                .isInstanceOf(ParseResult.Parsed.class);
    }
}
