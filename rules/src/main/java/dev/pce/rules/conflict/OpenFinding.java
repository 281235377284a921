package dev.pce.rules.conflict;

import dev.pce.engine.conflict.ReviewFinding;
import dev.pce.engine.gate.Dimension;
import dev.pce.engine.gate.FindingSeverity;

import java.util.List;
import java.util.stream.Collectors;

/** An unresolved finding of one reviewer, as the conflict rules see it. */
public record OpenFinding(String reviewer, Dimension dimension, FindingSeverity severity, String description) {

    static OpenFinding of(String reviewer, ReviewFinding finding) {
        return new OpenFinding(reviewer, finding.dimension(), finding.severity(), finding.describe());
    }

    /** "r2 reports src/Auth.java high security: token logged; ...", for reasons; accepts a DRL collect list. */
    public static String describe(List<?> findings) {
        return findings.stream().map(OpenFinding.class::cast)
                .map(finding -> finding.reviewer() + " reports " + finding.description())
                .collect(Collectors.joining("; "));
    }
}
