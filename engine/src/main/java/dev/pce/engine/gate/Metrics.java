package dev.pce.engine.gate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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

    /** The metrics that are shares, 0..100; every other metric gate criteria judge is a count. */
    private static final Set<String> PERCENTAGES = Set.of(TESTS_PASS_RATE, COVERAGE_LINE, COVERAGE_BRANCH,
            PERFORMANCE_REGRESSION);

    /** Every metric a gate criterion judges, counts and shares, in a stable order. */
    public static final List<String> JUDGED = judged();

    private Metrics() {
    }

    /** Whether {@code metric} is a share, 0..100 (coverage, pass rate, regression), not a count. */
    public static boolean isPercentage(String metric) {
        return PERCENTAGES.contains(metric);
    }

    private static List<String> judged() {
        List<String> metrics = new ArrayList<>(List.of(TESTS_TOTAL, TESTS_FAILED, TESTS_ERRORS, TESTS_SKIPPED,
                TESTS_PASS_RATE, COVERAGE_LINE, COVERAGE_BRANCH));
        for (Dimension findings : List.of(Dimension.LINT, Dimension.SECURITY, Dimension.DOCS)) {
            for (FindingSeverity severity : FindingSeverity.values()) {
                metrics.add(findings(findings, severity));
            }
        }
        metrics.addAll(List.of(REVIEW_APPROVALS, REVIEW_REJECTIONS, PERFORMANCE_REGRESSION));
        return Collections.unmodifiableList(metrics);
    }
}
