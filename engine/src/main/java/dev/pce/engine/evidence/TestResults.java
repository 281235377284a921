package dev.pce.engine.evidence;

import dev.pce.engine.gate.Finding;

import java.util.List;
import java.util.Objects;

/**
 * A JUnit-style test report: the outcome counts and one finding per failing or erroring test case.
 */
public record TestResults(String source, TestCounts counts, List<Finding> failures) implements ParsedFile {

    public TestResults {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(counts, "counts");
        failures = List.copyOf(failures);
    }
}
