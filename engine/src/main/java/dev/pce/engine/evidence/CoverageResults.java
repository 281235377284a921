package dev.pce.engine.evidence;

import java.util.Objects;
import java.util.Optional;

/** A coverage report: line coverage, and branch coverage when the code measured has branches. */
public record CoverageResults(String source, Coverage lines, Optional<Coverage> branches) implements ParsedFile {

    public CoverageResults {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(lines, "lines");
        Objects.requireNonNull(branches, "branches");
    }
}
