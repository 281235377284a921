package dev.pce.engine.evidence;

import dev.pce.engine.gate.EvidenceProblem;

import java.util.Objects;

/** An evidence file that could not be read: missing, too big, binary, of no known format, or malformed. */
public record UnreadableFile(EvidenceProblem problem) implements ParsedFile {

    public UnreadableFile {
        Objects.requireNonNull(problem, "problem");
    }

    public static UnreadableFile of(String source, String message) {
        return new UnreadableFile(new EvidenceProblem(source, message));
    }

    @Override
    public String source() {
        return problem.file();
    }
}
