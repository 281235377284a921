package dev.pce.engine.gate;

import java.util.Optional;

/**
 * The metric names evidence is reported in. Parsers write them, gate rules read them; a name is
 * "&lt;dimension&gt;.&lt;what&gt;". Counts are whole numbers, percentages are 0..100.
 */
public final class Metrics {

    public static final String TESTS_TOTAL = "tests.total";
    public static final String TESTS_FAILED = "tests.failed";
    public static final String TESTS_ERRORS = "tests.errors";
    public static final String TESTS_SKIPPED = "tests.skipped";
    /** Passed tests as a percentage of tests run (total minus skipped). */
    public static final String TESTS_PASS_RATE = "tests.pass_rate";

    public static final String COVERAGE_LINE = "coverage.line";
    public static final String COVERAGE_BRANCH = "coverage.branch";

    /** Findings per severity: "lint.critical" ... "lint.info", and the same for security. */
    public static String findings(Dimension dimension, FindingSeverity severity) {
        return dimension.wireName() + "." + severity.wireName();
    }

    /** The severity whose findings {@code metric} counts ("lint.high": HIGH); empty for any other metric. */
    public static Optional<FindingSeverity> countedSeverity(Dimension dimension, String metric) {
        for (FindingSeverity severity : FindingSeverity.values()) {
            if (metric.equals(findings(dimension, severity))) {
                return Optional.of(severity);
            }
        }
        return Optional.empty();
    }

    public static final String REVIEW_APPROVALS = "review.approvals";
    public static final String REVIEW_REJECTIONS = "review.rejections";

    /** How much slower than its baseline the change is, in percent (0 = as fast, negative = faster). */
    public static final String PERFORMANCE_REGRESSION = "performance.regression";

    private Metrics() {
    }
}
