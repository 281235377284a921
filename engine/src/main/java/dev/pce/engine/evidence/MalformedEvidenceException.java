package dev.pce.engine.evidence;

import dev.pce.engine.gate.EvidenceProblem;

import java.util.Objects;

/**
 * An evidence file that breaks the structure of its format. Parsers throw it; {@link EvidenceReader} turns it into
 * an {@link EvidenceProblem}, so a broken file always reaches the gate as an error and never as a pass.
 */
public final class MalformedEvidenceException extends Exception {

    private final String where;
    private final String fix;

    /**
     * @param where the line, element or JSON path the problem is at ("line 12", "runs[0].results[3]"); empty when
     *              it concerns the whole file
     * @param what  what is wrong, as one sentence without the trailing period
     * @param fix   how the author of the file can fix it, as one sentence without the trailing period
     */
    public MalformedEvidenceException(String where, String what, String fix) {
        super(what);
        this.where = Objects.requireNonNull(where, "where");
        this.fix = Objects.requireNonNull(fix, "fix");
    }

    public String where() {
        return where;
    }

    public String fix() {
        return fix;
    }

    /** "where: what. Fix: fix." — the text of the problem a gate shows. */
    public String describe() {
        return (where.isEmpty() ? "" : where + ": ") + getMessage() + ". Fix: " + fix + ".";
    }

    public EvidenceProblem toProblem(String file) {
        return new EvidenceProblem(file, describe());
    }
}
