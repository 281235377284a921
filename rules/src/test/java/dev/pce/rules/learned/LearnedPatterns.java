package dev.pce.rules.learned;

import dev.pce.engine.gate.Dimension;
import dev.pce.engine.gate.Metrics;
import dev.pce.engine.gate.ProjectType;
import dev.pce.engine.learning.Pattern;
import dev.pce.engine.learning.PatternOrigin;
import dev.pce.rules.CompiledDrl;
import dev.pce.rules.authoring.RuleSets;
import dev.pce.rules.conflict.ConflictRules;
import dev.pce.rules.dependency.DependencyRules;
import dev.pce.rules.gate.GateRules;

import java.util.List;

/** Patterns and rule sets the learned-rules tests share. */
final class LearnedPatterns {
    static final PatternOrigin ORIGIN = PatternOrigin.local("shop");

    private LearnedPatterns() {
    }

    static Pattern.EstimateBias estimateBias(String kind, double factor) {
        return new Pattern.EstimateBias(kind, factor, 5, 0.8, List.of("wf-1", "wf-2"), ORIGIN);
    }

    static Pattern.ReviewRequirement review(String kind, String pathPrefix) {
        return new Pattern.ReviewRequirement(kind, pathPrefix, Dimension.SECURITY, 4, 0.75, List.of("wf-3"), ORIGIN);
    }

    static Pattern.GateThreshold lineCoverage(double threshold) {
        return new Pattern.GateThreshold(ProjectType.LIBRARY, Dimension.COVERAGE, Metrics.COVERAGE_LINE, threshold, 6, 0.9,
                List.of("wf-4"), ORIGIN);
    }

    /** Persons approved escalated reviews that split on tests, with nothing open, {@code approved} of {@code samples}. */
    static Pattern.EscalationPreference testsSplitApproved(int approved, int samples) {
        return new Pattern.EscalationPreference("split-tests.open-none", (double) approved / samples, samples,
                samples / (samples + 3.0), List.of("wf-5"), ORIGIN);
    }

    /** Rule sets of their own, so swapping learned rules in leaves the process-wide ones alone. */
    static RuleSets freshRuleSets() {
        return new RuleSets(new FreshRules(DependencyRules.DRL, "dependency rules"),
                new FreshRules(GateRules.DRL, "gate rules"), new FreshRules(ConflictRules.DRL, "conflict rules"));
    }

    private static final class FreshRules extends CompiledDrl {
        FreshRules(String drl, String description) {
            super(drl, description);
        }
    }
}
