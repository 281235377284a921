package dev.pce.rules.gate;

import dev.pce.engine.gate.Comparison;
import dev.pce.engine.gate.Dimension;
import dev.pce.engine.gate.Evidence;
import dev.pce.engine.gate.EvidenceProblem;
import dev.pce.engine.gate.Finding;
import dev.pce.engine.gate.FindingSeverity;
import dev.pce.engine.gate.GateRequest;
import dev.pce.engine.gate.Measurement;
import dev.pce.engine.gate.Metrics;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * A gate request's evidence, read per criterion: the value its metric has, the findings behind it, and the
 * unreadable files that concern its dimension.
 *
 * <p>Several reports of one metric combine by the criterion's unit: counts add up (two SARIF files with one high
 * finding each make two), shares take the worst report (the lower coverage, the larger regression). A count of
 * findings per severity ("lint.high") is taken from each evidence source once: from its measurement of that
 * metric when it gave one, else by counting its findings. A source that reported anything on the dimension
 * counts, so a scanner that found nothing high still says "0 high".
 */
final class EvidenceIndex {
    private final Evidence evidence;
    private final GateRequest request;

    EvidenceIndex(GateRequest request) {
        this.request = request;
        this.evidence = request.evidence();
    }

    /** The metric's value for {@code criterion}; empty when no evidence measured it. */
    OptionalDouble value(Criterion criterion) {
        Optional<FindingSeverity> counted = severityCounted(criterion);
        if (counted.isPresent()) {
            return findingCount(criterion.dimension(), counted.get(), criterion.metric());
        }
        List<Measurement> reports = measurements(criterion.metric());
        if (reports.isEmpty()) {
            return criterion.metric().equals(Metrics.TESTS_PASS_RATE) ? derivedPassRate() : OptionalDouble.empty();
        }
        return combine(reports, criterion);
    }

    /** The findings behind {@code criterion}: its dimension's, and of its severity when it counts findings. */
    List<Finding> findings(Criterion criterion) {
        Optional<FindingSeverity> counted = severityCounted(criterion);
        return evidence.findings().stream().filter(finding -> finding.dimension() == criterion.dimension())
                .filter(finding -> counted.map(severity -> finding.severity() == severity).orElse(true)).toList();
    }

    /** The unreadable evidence files meant for {@code dimension}. */
    List<EvidenceProblem> problems(Dimension dimension) {
        return evidence.problems().stream().filter(problem -> request.dimensionsOf(problem).contains(dimension))
                .toList();
    }

    private static Optional<FindingSeverity> severityCounted(Criterion criterion) {
        return Metrics.countedSeverity(criterion.dimension(), criterion.metric());
    }

    private OptionalDouble findingCount(Dimension dimension, FindingSeverity severity, String metric) {
        Set<String> sources = new LinkedHashSet<>();
        evidence.measurements().stream().filter(m -> m.dimension() == dimension).forEach(m -> sources.add(m.source()));
        evidence.findings().stream().filter(f -> f.dimension() == dimension).forEach(f -> sources.add(f.source()));
        if (sources.isEmpty()) {
            return OptionalDouble.empty();
        }
        double total = 0;
        for (String source : sources) {
            List<Measurement> reported = measurements(metric).stream().filter(m -> m.source().equals(source)).toList();
            total += reported.isEmpty()
                    ? evidence.findings().stream().filter(f -> f.dimension() == dimension && f.severity() == severity
                            && f.source().equals(source)).count()
                    : sum(reported);
        }
        return OptionalDouble.of(total);
    }

    /** Passed tests among those run, when a report gave counts but no rate (see {@link Metrics#TESTS_PASS_RATE}). */
    private OptionalDouble derivedPassRate() {
        List<Measurement> totals = measurements(Metrics.TESTS_TOTAL);
        double run = sum(totals) - sum(measurements(Metrics.TESTS_SKIPPED));
        if (totals.isEmpty() || run <= 0) {
            return OptionalDouble.empty();
        }
        double passed = run - sum(measurements(Metrics.TESTS_FAILED)) - sum(measurements(Metrics.TESTS_ERRORS));
        return OptionalDouble.of(Math.max(0, passed) * 100 / run);
    }

    private static OptionalDouble combine(List<Measurement> reports, Criterion criterion) {
        if (criterion.unit() == Unit.COUNT) {
            return OptionalDouble.of(sum(reports));
        }
        return criterion.comparison() == Comparison.AT_LEAST
                ? reports.stream().mapToDouble(Measurement::value).min()
                : reports.stream().mapToDouble(Measurement::value).max();
    }

    private List<Measurement> measurements(String metric) {
        List<Measurement> found = new ArrayList<>();
        for (Measurement measurement : evidence.measurements()) {
            if (measurement.metric().equals(metric)) {
                found.add(measurement);
            }
        }
        return found;
    }

    private static double sum(List<Measurement> measurements) {
        return measurements.stream().mapToDouble(Measurement::value).sum();
    }
}
