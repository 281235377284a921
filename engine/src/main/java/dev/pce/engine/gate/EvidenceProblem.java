package dev.pce.engine.gate;

import java.util.Objects;

/**
 * An evidence file that could not be read as its format demands. A gate that meets one reports an error for the
 * dimensions the file was meant to feed; it never counts as a pass.
 *
 * @param file    the path as given
 * @param message what is wrong and where (line or element), in words the author of the file can act on
 */
public record EvidenceProblem(String file, String message) {

    public EvidenceProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
    }
}
