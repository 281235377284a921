package dev.pce.engine.gate;

import java.util.Objects;

/**
 * One problem a tool or a reviewer found.
 *
 * @param rule    the tool's rule or check id ("java/sql-injection", "checkstyle.LineLength"); empty when unknown
 * @param file    the file it is in, relative to the repository when the tool said so; empty when unknown
 * @param line    the 1-based line, or 0 when unknown
 * @param endLine the last line of a finding that spans lines (a SARIF region's endLine); 0 when unknown, or when
 *                {@code line} is unknown
 * @param source  the evidence file it was read from, or "agent:&lt;name&gt;"
 */
public record Finding(Dimension dimension, String rule, FindingSeverity severity, String file, int line,
                      int endLine, String message, String source) {

    public Finding {
        Objects.requireNonNull(dimension, "dimension");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(source, "source");
        rule = rule == null ? "" : rule;
        file = file == null ? "" : file;
        message = message == null ? "" : message;
        line = Math.max(0, line);
        endLine = line > 0 && endLine >= line ? endLine : 0;
    }

    /** A finding on one line ({@code line}, or 0 when unknown). */
    public static Finding at(Dimension dimension, String rule, FindingSeverity severity, String file, int line,
                             String message, String source) {
        return new Finding(dimension, rule, severity, file, line, 0, message, source);
    }
}
