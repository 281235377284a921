package dev.pce.pkm.note;

import java.util.List;
import java.util.Objects;

/** The outcome of parsing one note file: a note (perhaps with warnings), or the problem that made it unusable. */
public sealed interface ParseResult {

    /** The file's path relative to the vault root. */
    String path();

    /**
     * A note that parsed.
     *
     * @param warnings fields that were left out because their values had the wrong shape ({@link
     *                 NoteProblem.Kind#BAD_FIELD})
     */
    record Parsed(Note note, List<NoteProblem> warnings) implements ParseResult {
        public Parsed {
            Objects.requireNonNull(note, "note");
            warnings = List.copyOf(warnings);
        }

        @Override
        public String path() {
            return note.path();
        }
    }

    /** A note that cannot be used; the problem says why and how to fix it. */
    record Problem(NoteProblem problem) implements ParseResult {
        public Problem {
            Objects.requireNonNull(problem, "problem");
        }

        @Override
        public String path() {
            return problem.path();
        }
    }
}
