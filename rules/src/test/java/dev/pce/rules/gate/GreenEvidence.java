package dev.pce.rules.gate;

import dev.pce.engine.gate.Dimension;
import dev.pce.engine.gate.Evidence;
import dev.pce.engine.gate.FindingSeverity;
import dev.pce.engine.gate.Measurement;
import dev.pce.engine.gate.Metrics;

import java.util.ArrayList;
import java.util.List;

/** Evidence that meets every criterion of every project type, to change one thing at a time. */
final class GreenEvidence {

    private GreenEvidence() {
    }

    static List<Measurement> measurements() {
        List<Measurement> all = new ArrayList<>(List.of(
                new Measurement(Dimension.TESTS, Metrics.TESTS_TOTAL, 120, "TEST-suite.xml"),
                new Measurement(Dimension.TESTS, Metrics.TESTS_FAILED, 0, "TEST-suite.xml"),
                new Measurement(Dimension.TESTS, Metrics.TESTS_ERRORS, 0, "TEST-suite.xml"),
                new Measurement(Dimension.TESTS, Metrics.TESTS_SKIPPED, 2, "TEST-suite.xml"),
                new Measurement(Dimension.TESTS, Metrics.TESTS_PASS_RATE, 100, "TEST-suite.xml"),
                new Measurement(Dimension.COVERAGE, Metrics.COVERAGE_LINE, 91, "jacoco.xml"),
                new Measurement(Dimension.COVERAGE, Metrics.COVERAGE_BRANCH, 85, "jacoco.xml"),
                new Measurement(Dimension.REVIEW, Metrics.REVIEW_APPROVALS, 1, "agent:reviewer-1"),
                new Measurement(Dimension.REVIEW, Metrics.REVIEW_REJECTIONS, 0, "agent:reviewer-1"),
                new Measurement(Dimension.PERFORMANCE, Metrics.PERFORMANCE_REGRESSION, 1.5, "bench.json")));
        for (FindingSeverity severity : FindingSeverity.values()) {
            all.add(new Measurement(Dimension.LINT, Metrics.findings(Dimension.LINT, severity), 0, "lint.sarif"));
            all.add(new Measurement(Dimension.SECURITY, Metrics.findings(Dimension.SECURITY, severity), 0,
                    "codeql.sarif"));
            all.add(new Measurement(Dimension.DOCS, Metrics.findings(Dimension.DOCS, severity), 0, "docs.sarif"));
        }
        return all;
    }

    static Evidence evidence() {
        return Evidence.of(measurements(), List.of());
    }

    /** Green evidence with one metric's value replaced. */
    static Evidence with(String metric, double value) {
        List<Measurement> changed = measurements().stream()
                .map(m -> m.metric().equals(metric) ? new Measurement(m.dimension(), metric, value, m.source()) : m)
                .toList();
        return Evidence.of(changed, List.of());
    }

    /** Green evidence without any measurement of {@code dimension}. */
    static Evidence without(Dimension dimension) {
        return Evidence.of(measurements().stream().filter(m -> m.dimension() != dimension).toList(), List.of());
    }
}
