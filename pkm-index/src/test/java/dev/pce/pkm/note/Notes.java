package dev.pce.pkm.note;

import static org.assertj.core.api.Assertions.assertThat;

/** Parses markdown in tests and unwraps the result. */
final class Notes {
    private static final NoteParser PARSER = new NoteParser();

    private Notes() {
    }

    static ParseResult.Parsed parsed(String path, String markdown) {
        ParseResult result = PARSER.parse(path, markdown);
        assertThat(result).as("parse of %s: %s", path, result).isInstanceOf(ParseResult.Parsed.class);
        return (ParseResult.Parsed) result;
    }

    static Note note(String markdown) {
        return parsed("202408241604-test-note.md", markdown).note();
    }

    static NoteProblem problem(String path, byte[] content) {
        ParseResult result = PARSER.parse(path, content);
        assertThat(result).as("parse of %s", path).isInstanceOf(ParseResult.Problem.class);
        return ((ParseResult.Problem) result).problem();
    }

    static NoteProblem problem(String markdown) {
        return problem("bad.md", markdown.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
