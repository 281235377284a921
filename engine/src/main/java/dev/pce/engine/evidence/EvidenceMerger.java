package dev.pce.engine.evidence;

import dev.pce.engine.gate.Dimension;
import dev.pce.engine.gate.Evidence;
import dev.pce.engine.gate.EvidenceProblem;
import dev.pce.engine.gate.Finding;
import dev.pce.engine.gate.FindingSeverity;
import dev.pce.engine.gate.Measurement;
import dev.pce.engine.gate.Metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Folds parsed evidence files into one {@link Evidence}, one set of measurements per dimension:
 * <ul>
 *   <li>test reports: counts summed into one tests.total/failed/errors/skipped, the pass rate recomputed from the
 *       sums (left out when no test ran);</li>
 *   <li>coverage reports: covered and total counts summed ({@link Coverage#combine} for reports with only a
 *       rate); coverage.branch only from reports that have branches, and left out when none has;</li>
 *   <li>SARIF logs: lint.&lt;severity&gt; and security.&lt;severity&gt; counts for every severity, zeros included, for
 *       each dimension some log covers.</li>
 * </ul>
 * A measurement's source is the files it was computed from, as a comma-separated list in reading order.
 * Findings keep their own file as source; unreadable files become problems.
 */
public final class EvidenceMerger {

    static final String SOURCE_SEPARATOR = ", ";

    private EvidenceMerger() {
    }

    public static Evidence merge(List<? extends ParsedFile> files) {
        List<Measurement> measurements = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        List<EvidenceProblem> problems = new ArrayList<>();
        List<TestResults> tests = new ArrayList<>();
        List<CoverageResults> coverage = new ArrayList<>();
        List<AnalysisResults> analyses = new ArrayList<>();
        for (ParsedFile file : files) {
            switch (file) {
                case TestResults t -> tests.add(t);
                case CoverageResults c -> coverage.add(c);
                case AnalysisResults a -> analyses.add(a);
                case UnreadableFile u -> problems.add(u.problem());
            }
        }
        addTests(tests, measurements, findings);
        addCoverage(coverage, measurements);
        addAnalyses(analyses, measurements, findings);
        return new Evidence(measurements, findings, problems);
    }

    private static void addTests(List<TestResults> reports, List<Measurement> measurements, List<Finding> findings) {
        if (reports.isEmpty()) {
            return;
        }
        TestCounts sum = TestCounts.NONE;
        List<String> sources = new ArrayList<>();
        for (TestResults report : reports) {
            sum = sum.plus(report.counts());
            sources.add(report.source());
            findings.addAll(report.failures());
        }
        String source = String.join(SOURCE_SEPARATOR, sources);
        measurements.add(new Measurement(Dimension.TESTS, Metrics.TESTS_TOTAL, sum.total(), source));
        measurements.add(new Measurement(Dimension.TESTS, Metrics.TESTS_FAILED, sum.failed(), source));
        measurements.add(new Measurement(Dimension.TESTS, Metrics.TESTS_ERRORS, sum.errors(), source));
        measurements.add(new Measurement(Dimension.TESTS, Metrics.TESTS_SKIPPED, sum.skipped(), source));
        sum.passRate().ifPresent(rate ->
                measurements.add(new Measurement(Dimension.TESTS, Metrics.TESTS_PASS_RATE, rate, source)));
    }

    private static void addCoverage(List<CoverageResults> reports, List<Measurement> measurements) {
        if (reports.isEmpty()) {
            return;
        }
        List<Coverage> lines = new ArrayList<>();
        List<Coverage> branches = new ArrayList<>();
        List<String> lineSources = new ArrayList<>();
        List<String> branchSources = new ArrayList<>();
        for (CoverageResults report : reports) {
            lines.add(report.lines());
            lineSources.add(report.source());
            Optional<Coverage> reportBranches = report.branches();
            if (reportBranches.isPresent()) {
                branches.add(reportBranches.get());
                branchSources.add(report.source());
            }
        }
        measurements.add(new Measurement(Dimension.COVERAGE, Metrics.COVERAGE_LINE,
                Coverage.combine(lines).percent(), String.join(SOURCE_SEPARATOR, lineSources)));
        if (!branches.isEmpty()) {
            measurements.add(new Measurement(Dimension.COVERAGE, Metrics.COVERAGE_BRANCH,
                    Coverage.combine(branches).percent(), String.join(SOURCE_SEPARATOR, branchSources)));
        }
    }

    private static void addAnalyses(List<AnalysisResults> logs, List<Measurement> measurements,
                                    List<Finding> findings) {
        for (AnalysisResults log : logs) {
            findings.addAll(log.findings());
        }
        for (Dimension dimension : List.of(Dimension.LINT, Dimension.SECURITY)) {
            List<String> sources = new ArrayList<>();
            long[] counts = new long[FindingSeverity.values().length];
            for (AnalysisResults log : logs) {
                if (!log.dimensions().contains(dimension)) {
                    continue;
                }
                sources.add(log.source());
                for (Finding finding : log.findings()) {
                    if (finding.dimension() == dimension) {
                        counts[finding.severity().ordinal()]++;
                    }
                }
            }
            if (sources.isEmpty()) {
                continue;
            }
            String source = String.join(SOURCE_SEPARATOR, sources);
            for (FindingSeverity severity : FindingSeverity.values()) {
                measurements.add(new Measurement(dimension, Metrics.findings(dimension, severity),
                        counts[severity.ordinal()], source));
            }
        }
    }
}
