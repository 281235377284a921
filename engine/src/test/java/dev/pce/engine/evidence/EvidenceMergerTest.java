package dev.pce.engine.evidence;

import dev.pce.engine.gate.Dimension;
import dev.pce.engine.gate.Evidence;
import dev.pce.engine.gate.EvidenceProblem;
import dev.pce.engine.gate.Finding;
import dev.pce.engine.gate.FindingSeverity;
import dev.pce.engine.gate.Measurement;
import dev.pce.engine.gate.Metrics;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class EvidenceMergerTest {

    @Test
    void nothingMergesIntoEmptyEvidence() {
        assertThat(EvidenceMerger.merge(List.of())).isEqualTo(Evidence.EMPTY);
    }

    @Test
    void testCountsAreSummedAndThePassRateRecomputed() {
        Evidence evidence = EvidenceMerger.merge(List.of(
                new TestResults("a.xml", new TestCounts(10, 1, 0, 0), List.of()),
                new TestResults("b.xml", new TestCounts(30, 0, 2, 8), List.of())));

        assertThat(evidence.measurements()).containsExactly(
                new Measurement(Dimension.TESTS, Metrics.TESTS_TOTAL, 40, "a.xml, b.xml"),
                new Measurement(Dimension.TESTS, Metrics.TESTS_FAILED, 1, "a.xml, b.xml"),
                new Measurement(Dimension.TESTS, Metrics.TESTS_ERRORS, 2, "a.xml, b.xml"),
                new Measurement(Dimension.TESTS, Metrics.TESTS_SKIPPED, 8, "a.xml, b.xml"),
                new Measurement(Dimension.TESTS, Metrics.TESTS_PASS_RATE, 100.0 * 29 / 32, "a.xml, b.xml"));
    }

    @Test
    void noPassRateWhenNoTestRan() {
        Evidence evidence = EvidenceMerger.merge(List.of(
                new TestResults("a.xml", new TestCounts(3, 0, 0, 3), List.of())));

        assertThat(evidence.measurements()).extracting(Measurement::metric)
                .doesNotContain(Metrics.TESTS_PASS_RATE).contains(Metrics.TESTS_SKIPPED);
    }

    @Test
    void coverageCountsAreSummedSoBigReportsWeighMore() {
        Evidence evidence = EvidenceMerger.merge(List.of(
                new CoverageResults("big.xml", new Coverage.Counted(900, 1000), Optional.empty()),
                new CoverageResults("small.info", new Coverage.Counted(1, 10),
                        Optional.of(new Coverage.Counted(1, 4)))));

        assertThat(evidence.measurements()).containsExactly(
                new Measurement(Dimension.COVERAGE, Metrics.COVERAGE_LINE, 100.0 * 901 / 1010, "big.xml, small.info"),
                new Measurement(Dimension.COVERAGE, Metrics.COVERAGE_BRANCH, 25.0, "small.info"));
    }

    @Test
    void aRateWithoutCountsIsNeverAveragedUp() {
        assertThat(Coverage.combine(List.of(new Coverage.Counted(9, 10), new Coverage.Rate(70))))
                .isEqualTo(new Coverage.Rate(70));
        assertThat(Coverage.combine(List.of(new Coverage.Counted(1, 10), new Coverage.Rate(70))).percent())
                .isCloseTo(10.0, within(1e-9));
        assertThat(Coverage.combine(List.of(new Coverage.Rate(80), new Coverage.Rate(60))))
                .isEqualTo(new Coverage.Rate(60));
        assertThat(Coverage.combine(List.of(new Coverage.Counted(3, 4), new Coverage.Counted(1, 4))))
                .isEqualTo(new Coverage.Counted(4, 8));
    }

    @Test
    void everySeverityIsCountedForEachCoveredDimensionZerosIncluded() {
        Finding error = Finding.at(Dimension.LINT, "eqeqeq", FindingSeverity.HIGH, "a.js", 3, "m", "lint.sarif");
        Evidence evidence = EvidenceMerger.merge(List.of(
                new AnalysisResults("lint.sarif", Set.of(Dimension.LINT), List.of(error)),
                new AnalysisResults("clean.sarif", Set.of(Dimension.LINT), List.of())));

        assertThat(evidence.findings()).containsExactly(error);
        assertThat(evidence.measurements()).containsExactly(
                new Measurement(Dimension.LINT, "lint.critical", 0, "lint.sarif, clean.sarif"),
                new Measurement(Dimension.LINT, "lint.high", 1, "lint.sarif, clean.sarif"),
                new Measurement(Dimension.LINT, "lint.medium", 0, "lint.sarif, clean.sarif"),
                new Measurement(Dimension.LINT, "lint.low", 0, "lint.sarif, clean.sarif"),
                new Measurement(Dimension.LINT, "lint.info", 0, "lint.sarif, clean.sarif"));
    }

    @Test
    void unreadableFilesBecomeProblemsInOrder() {
        Evidence evidence = EvidenceMerger.merge(List.of(UnreadableFile.of("a", "bad"),
                new TestResults("t.xml", TestCounts.NONE, List.of()), UnreadableFile.of("b", "worse")));

        assertThat(evidence.problems()).containsExactly(new EvidenceProblem("a", "bad"),
                new EvidenceProblem("b", "worse"));
    }
}
