package dev.pce.engine.evidence;

import dev.pce.engine.gate.Dimension;
import dev.pce.engine.gate.Finding;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A static analysis or security scan (SARIF): its findings, and the dimensions (LINT, SECURITY) the tools that ran
 * cover. A dimension can be covered with no findings at all: that is a clean scan, and it is reported as counts of
 * zero so a gate can tell it from a scan that never ran.
 */
public record AnalysisResults(String source, Set<Dimension> dimensions, List<Finding> findings)
        implements ParsedFile {

    public AnalysisResults {
        Objects.requireNonNull(source, "source");
        dimensions = Set.copyOf(dimensions);
        findings = List.copyOf(findings);
        for (Finding finding : findings) {
            if (!dimensions.contains(finding.dimension())) {
                throw new IllegalArgumentException("finding of " + finding.dimension() + " outside " + dimensions);
            }
        }
    }
}
