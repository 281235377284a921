package dev.pce.engine.merge;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/** What one input contributed: its complete events and the torn line skipped, if any. */
public record InputSummary(Path file, int events, Optional<TornLine> tornLine) {

    public InputSummary {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(tornLine, "tornLine");
    }
}
