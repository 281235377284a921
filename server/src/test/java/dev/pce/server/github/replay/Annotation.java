package dev.pce.server.github.replay;

/**
 * An annotation of the run: an {@code ::error}, {@code ::warning} or {@code ::notice} workflow command a step printed,
 * or one the runner made (a failed process, an action's error, an invalid matrix).
 *
 * @param level   {@code error}, {@code warning} or {@code notice}
 * @param file    null when the command named none; likewise {@code line}, {@code endLine}, {@code column},
 *                {@code endColumn} and {@code title}
 */
public record Annotation(String level, String message, String file, Integer line, Integer endLine, Integer column,
                         Integer endColumn, String title) {

    static Annotation error(String message) {
        return new Annotation("error", message, null, null, null, null, null, null);
    }

    static Annotation warning(String message) {
        return new Annotation("warning", message, null, null, null, null, null, null);
    }
}
