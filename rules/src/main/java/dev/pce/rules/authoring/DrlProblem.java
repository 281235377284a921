package dev.pce.rules.authoring;

import java.util.Objects;

/**
 * One reason a rule file does not compile, where an editor can jump to it.
 *
 * @param source  the file as the caller named it (a local rule file), or a built-in DRL's class-path location
 * @param line    1-based; 0 when not known
 * @param column  1-based; 0 when not known
 * @param message what is wrong and, for PCE's own checks, how to fix it; may span lines
 */
public record DrlProblem(String source, int line, int column, String message) {
    public DrlProblem {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(message, "message");
        line = Math.max(line, 0);
        column = Math.max(column, 0);
    }

    /** {@code path:line:column: message}, the form compilers print; continuation lines are indented. */
    public String describe() {
        StringBuilder text = new StringBuilder(source);
        if (line > 0) {
            text.append(':').append(line);
            if (column > 0) {
                text.append(':').append(column);
            }
        }
        return text.append(": ").append(message.strip().replace("\n", "\n    ")).toString();
    }
}
