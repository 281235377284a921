package dev.pce.engine.conflict;

import dev.pce.engine.gate.Dimension;
import dev.pce.engine.gate.Finding;
import dev.pce.engine.gate.FindingSeverity;

import java.util.Objects;

/**
 * A problem a reviewer found, and whether it has since been resolved (fixed, or accepted by the reviewer). Only
 * unresolved findings weigh in a quality conflict.
 *
 * @param file the file it is in; empty when the reviewer named none
 * @param line the 1-based line, or 0 when unknown
 */
public record ReviewFinding(Dimension dimension, FindingSeverity severity, String file, int line, String message,
                            boolean resolved) {

    public ReviewFinding {
        Objects.requireNonNull(dimension, "dimension");
        Objects.requireNonNull(severity, "severity");
        file = file == null ? "" : file;
        message = message == null ? "" : message;
        line = Math.max(0, line);
    }

    /** An unresolved finding. */
    public static ReviewFinding open(Dimension dimension, FindingSeverity severity, String file, String message) {
        return new ReviewFinding(dimension, severity, file, 0, message, false);
    }

    /** A gate finding (from a reviewer's evidence), unresolved. */
    public static ReviewFinding open(Finding finding) {
        return new ReviewFinding(finding.dimension(), finding.severity(), finding.file(), finding.line(),
                finding.message(), false);
    }

    /** The same finding, resolved. */
    public ReviewFinding asResolved() {
        return new ReviewFinding(dimension, severity, file, line, message, true);
    }

    /** "src/Auth.java:12 high security: token logged", for reasons. */
    public String describe() {
        String where = file.isEmpty() ? "" : file + (line > 0 ? ":" + line : "") + " ";
        return where + severity.wireName() + " " + dimension.wireName() + (message.isEmpty() ? "" : ": " + message);
    }
}
