package dev.pce.rules.gate;

import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.engine.gate.CriterionResult;
import dev.pce.engine.gate.CriterionSeverity;
import dev.pce.engine.gate.Dimension;
import dev.pce.engine.gate.DeferredRequirement;
import dev.pce.engine.gate.DimensionRequirement;
import dev.pce.engine.gate.Evidence;
import dev.pce.engine.gate.EvidenceSource;
import dev.pce.engine.gate.Finding;
import dev.pce.engine.gate.FindingSeverity;
import dev.pce.engine.gate.GateRequest;
import dev.pce.engine.gate.GateResult;
import dev.pce.engine.gate.Measurement;
import dev.pce.engine.gate.Metrics;
import dev.pce.engine.gate.ProjectType;
import dev.pce.engine.gate.Remediation;
import dev.pce.engine.gate.ThresholdAdjustment;
import dev.pce.engine.gate.Verdict;
import dev.pce.engine.model.Pools;
import dev.pce.rules.CompiledDrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DroolsGatePolicyTest {
    private static final DroolsGatePolicy POLICY = new DroolsGatePolicy();

    @ParameterizedTest
    @EnumSource(ProjectType.class)
    void greenEvidencePassesEveryCriterion(ProjectType type) {
        GateResult result = POLICY.evaluate(GateRequest.of(type, GreenEvidence.evidence()));
        assertThat(result.blocking()).isFalse();
        assertThat(result.criteria()).allSatisfy(criterion -> {
            assertThat(criterion.verdict()).as(criterion.reason()).isEqualTo(Verdict.PASS);
            assertThat(criterion.remediation()).isEmpty();
        });
        assertThat(result.remediations()).isEmpty();
    }

    @Test
    void everyProjectTypeJudgesTheSameCriteriaEachSetByOneRule() {
        Map<ProjectType, List<String>> names = new java.util.EnumMap<>(ProjectType.class);
        for (ProjectType type : ProjectType.values()) {
            names.put(type, POLICY.decide(GateRequest.of(type, Evidence.EMPTY)).stream().map(Criterion::name).toList());
        }
        assertThat(names.get(ProjectType.LIBRARY)).containsExactly("tests-errors", "tests-failed", "tests-pass-rate",
                "tests-ran", "coverage-branch", "coverage-line", "lint-critical", "lint-high", "security-critical",
                "security-high", "security-medium", "review-approvals", "review-rejections", "docs-critical",
                "docs-high", "performance-regression");
        assertThat(names.values()).allSatisfy(list -> assertThat(list).isEqualTo(names.get(ProjectType.LIBRARY)));
    }

    @ParameterizedTest
    @EnumSource(ProjectType.class)
    void coverageThresholdsFollowTheProjectType(ProjectType type) {
        Map<String, Criterion> criteria = POLICY.decide(GateRequest.of(type, Evidence.EMPTY)).stream()
                .collect(Collectors.toMap(Criterion::name, c -> c));
        double line = switch (type) {
            case LIBRARY -> 80;
            case SERVICE -> 70;
            case CLI, WEB -> 60;
        };
        assertThat(criteria.get("coverage-line").threshold()).isEqualTo(line);
        assertThat(criteria.get("coverage-line").severity()).isEqualTo(CriterionSeverity.BLOCKING);
        assertThat(criteria.get("coverage-branch").threshold()).isEqualTo(line - 10);
        assertThat(criteria.get("coverage-branch").severity()).isEqualTo(CriterionSeverity.WARNING);
        assertThat(criteria.get("coverage-line").rule()).startsWith("coverage-");
    }

    @Test
    void noEvidenceIsNotMeasuredAndBlocksOnlyTheRequiredDimensionsAskingOnceForEach() {
        GateResult result = POLICY.evaluate(GateRequest.of(ProjectType.SERVICE, Evidence.EMPTY));
        assertThat(result.blocking()).isTrue();
        assertThat(result.criteria()).extracting(CriterionResult::verdict).containsOnly(Verdict.NOT_MEASURED);
        assertThat(result.blockers()).extracting(CriterionResult::dimension).containsOnly(Dimension.TESTS);
        assertThat(result.criterion("tests-failed").orElseThrow().reason()).startsWith("No evidence measured"
                + " tests.failed; tests is required (rule 'tests-required': a change no test ran against proves"
                + " nothing), so the gate blocks until it is measured.");
        assertThat(result.criterion("lint-high").orElseThrow().reason()).startsWith("No evidence measured lint.high;"
                + " lint is not required for a service project, so this blocks nothing");
        assertThat(result.remediations()).extracting(Remediation::title).containsExactly("Provide the tests evidence");
    }

    @Test
    void configuredRequirementsJoinTheRulesOwnAndNameTheirOrigin() {
        GateResult result = POLICY.evaluate(GateRequest.of(ProjectType.LIBRARY, Evidence.EMPTY).withRequired(List.of(
                new DimensionRequirement(Dimension.REVIEW, ".ce/config.yml gates.required"),
                new DimensionRequirement(Dimension.TESTS, "--dimension tests"))));
        assertThat(result.blockers()).extracting(CriterionResult::dimension).containsOnly(Dimension.TESTS,
                Dimension.COVERAGE, Dimension.REVIEW);
        assertThat(result.criterion("review-approvals").orElseThrow().remediation().orElseThrow().pool())
                .isEqualTo(Pools.REVIEWERS);
        assertThat(result.criterion("review-approvals").orElseThrow().reason()).contains("review is required (rule"
                + " 'configured-requirement': required by .ce/config.yml gates.required)");
        assertThat(result.criterion("tests-ran").orElseThrow().reason()).contains("tests is required (rule"
                + " 'configured-requirement': required by --dimension tests; rule 'tests-required': ");
        assertThat(result.criterion("coverage-branch").orElseThrow().blocks()).as("optional").isFalse();
    }

    @Test
    void aDeferredDimensionIsNotRequiredAtThisGateButItsEvidenceIsStillJudged() {
        GateRequest reviewRequired = GateRequest.of(ProjectType.SERVICE, Evidence.EMPTY).withRequired(List.of(
                new DimensionRequirement(Dimension.REVIEW, ".ce/config.yml gates.required")));
        GateRequest request = reviewRequired.withDeferred(List.of(
                new DeferredRequirement(Dimension.REVIEW, "no task up to wave 0 produces review evidence")));

        CriterionResult approvals = POLICY.evaluate(request).criterion("review-approvals").orElseThrow();

        assertThat(approvals.verdict()).isEqualTo(Verdict.NOT_MEASURED);
        assertThat(approvals.required()).isFalse();
        assertThat(approvals.blocks()).isFalse();
        assertThat(approvals.remediation()).isEmpty();
        assertThat(approvals.reason()).startsWith("No evidence measured review.approvals; review is required (rule"
                + " 'configured-requirement': required by .ce/config.yml gates.required), but no task up to wave 0"
                + " produces review evidence, so this gate does not wait for it");
        assertThat(POLICY.evaluate(reviewRequired).criterion("review-approvals").orElseThrow().required())
                .as("required where nothing defers it").isTrue();
        CriterionResult measured = POLICY.evaluate(GateRequest.of(ProjectType.SERVICE, GreenEvidence.with(
                Metrics.REVIEW_REJECTIONS, 1)).withDeferred(request.deferred())).criterion("review-rejections")
                .orElseThrow();
        assertThat(measured.verdict()).as("evidence that is there is judged").isEqualTo(Verdict.FAIL);
        assertThat(measured.blocks()).isTrue();
    }

    @Test
    void aFailureNamesTheValueTheThresholdAndTheRuleThatSetIt() {
        CriterionResult line = POLICY.evaluate(GateRequest.of(ProjectType.LIBRARY,
                GreenEvidence.with(Metrics.COVERAGE_LINE, 72.5))).criterion("coverage-line").orElseThrow();
        assertThat(line.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(line.blocks()).isTrue();
        assertThat(line.measured()).hasValue(72.5);
        assertThat(line.rule()).isEqualTo("coverage-library");
        assertThat(line.reason()).isEqualTo("coverage.line is 72.5%, but at least 80% is required. Threshold at least"
                + " 80% from rule 'coverage-library': a library's callers reach paths its authors never run.");
        assertThat(line.remediation()).hasValueSatisfying(fix -> {
            assertThat(fix.pool()).isEqualTo(Pools.BUILDERS);
            assertThat(fix.title()).isEqualTo("Add tests for the uncovered lines");
        });
    }

    @Test
    void securityFindingsBecomeABuilderTaskWithTheirFiles() {
        List<Finding> findings = List.of(
                finding(Dimension.SECURITY, FindingSeverity.HIGH, "src/Db.java", 12, "codeql.sarif"),
                finding(Dimension.SECURITY, FindingSeverity.HIGH, "src/Web.java", 3, "codeql.sarif"),
                finding(Dimension.SECURITY, FindingSeverity.MEDIUM, "src/Log.java", 9, "codeql.sarif"));
        List<Measurement> measurements = GreenEvidence.measurements().stream()
                .filter(m -> m.dimension() != Dimension.SECURITY).toList();
        GateResult result = POLICY.evaluate(GateRequest.of(ProjectType.SERVICE, Evidence.of(measurements, findings)));

        CriterionResult high = result.criterion("security-high").orElseThrow();
        assertThat(high.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(high.measured()).hasValue(2);
        assertThat(high.remediation().orElseThrow().files()).containsExactly("src/Db.java", "src/Web.java");
        assertThat(high.remediation().orElseThrow().description()).contains("src/Db.java:12 high java/sql-injection");
        CriterionResult medium = result.criterion("security-medium").orElseThrow();
        assertThat(medium.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(medium.blocks()).as("medium warns").isFalse();
        assertThat(medium.remediation().orElseThrow().files()).containsExactly("src/Log.java");
        assertThat(result.criterion("security-critical").orElseThrow().verdict()).isEqualTo(Verdict.PASS);
        assertThat(result.blockers()).extracting(CriterionResult::criterion).containsExactly("security-high");
    }

    @Test
    void aSourcesCountBeatsItsFindingsAndOtherSourcesAddUp() {
        // the scanner reported 3 high in total but listed only one; an agent adds one of its own
        List<Measurement> measurements = new ArrayList<>(GreenEvidence.without(Dimension.LINT).measurements());
        measurements.add(new Measurement(Dimension.LINT, Metrics.findings(Dimension.LINT, FindingSeverity.HIGH), 3,
                "lint.sarif"));
        List<Finding> findings = List.of(
                finding(Dimension.LINT, FindingSeverity.HIGH, "src/A.java", 1, "lint.sarif"),
                finding(Dimension.LINT, FindingSeverity.HIGH, "src/B.java", 2, "agent:reviewer-1"));
        GateResult result = POLICY.evaluate(GateRequest.of(ProjectType.LIBRARY, Evidence.of(measurements, findings)));
        assertThat(result.criterion("lint-high").orElseThrow().measured()).hasValue(4);
        assertThat(result.criterion("lint-critical").orElseThrow().measured()).as("both sources reported on lint")
                .hasValue(0);
    }

    @Test
    void severalReportsOfAShareCountTheWorst() {
        List<Measurement> measurements = new ArrayList<>(GreenEvidence.measurements());
        measurements.add(new Measurement(Dimension.COVERAGE, Metrics.COVERAGE_LINE, 64, "module-b/jacoco.xml"));
        measurements.add(new Measurement(Dimension.PERFORMANCE, Metrics.PERFORMANCE_REGRESSION, 7, "bench-b.json"));
        GateResult result = POLICY.evaluate(GateRequest.of(ProjectType.SERVICE, Evidence.of(measurements, List.of())));
        assertThat(result.criterion("coverage-line").orElseThrow().measured()).hasValue(64);
        assertThat(result.criterion("performance-regression").orElseThrow().measured()).hasValue(7);
        assertThat(result.criterion("performance-regression").orElseThrow().blocks()).isTrue();
    }

    @Test
    void thePassRateIsDerivedFromCountsWhenNoReportGaveIt() {
        List<Measurement> measurements = new ArrayList<>(GreenEvidence.measurements().stream()
                .filter(m -> !m.metric().equals(Metrics.TESTS_PASS_RATE)
                        && !m.metric().equals(Metrics.TESTS_FAILED)).toList());
        measurements.add(new Measurement(Dimension.TESTS, Metrics.TESTS_FAILED, 59, "TEST-suite.xml"));
        CriterionResult rate = POLICY.evaluate(GateRequest.of(ProjectType.CLI, Evidence.of(measurements, List.of())))
                .criterion("tests-pass-rate").orElseThrow();
        assertThat(rate.measured()).hasValue(50); // 120 total, 2 skipped, 59 failed
        assertThat(rate.verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void anUnreadableFileErrsOnlyTheDimensionsItFeeds() {
        Evidence evidence = GreenEvidence.without(Dimension.TESTS)
                .plus(Evidence.problem("target/TEST-broken.xml", "line 4: unexpected end of file"));
        GateRequest request = GateRequest.of(ProjectType.LIBRARY, evidence)
                .withSources(List.of(EvidenceSource.of("target/TEST-broken.xml", Dimension.TESTS)));
        GateResult result = POLICY.evaluate(request);
        assertThat(result.criteria()).allSatisfy(criterion -> assertThat(criterion.verdict())
                .isEqualTo(criterion.dimension() == Dimension.TESTS ? Verdict.ERROR : Verdict.PASS));
        CriterionResult failed = result.criterion("tests-failed").orElseThrow();
        assertThat(failed.reason()).startsWith("The tests evidence could not be read: target/TEST-broken.xml: line 4:"
                + " unexpected end of file.");
        assertThat(result.remediations()).singleElement().satisfies(fix -> {
            assertThat(fix.title()).isEqualTo("Repair the tests evidence");
            assertThat(fix.files()).containsExactly("target/TEST-broken.xml");
        });
    }

    @Test
    void anUnreadableFileOfNoKnownSourceErrsEveryDimension() {
        Evidence evidence = GreenEvidence.evidence().plus(Evidence.problem("report.bin", "not a known format"));
        GateResult result = POLICY.evaluate(GateRequest.of(ProjectType.WEB, evidence));
        assertThat(result.criteria()).extracting(CriterionResult::verdict).containsOnly(Verdict.ERROR);
        assertThat(result.blocking()).isTrue();
    }

    @Test
    void anAdjustmentReplacesTheThresholdAndRecordsItsOrigin() {
        GateRequest request = GateRequest.of(ProjectType.LIBRARY, GreenEvidence.with(Metrics.COVERAGE_LINE, 76))
                .withAdjustments(List.of(ThresholdAdjustment.of(Metrics.COVERAGE_LINE, 75, "pattern legacy-module")));
        CriterionResult line = POLICY.evaluate(request).criterion("coverage-line").orElseThrow();
        assertThat(line.verdict()).isEqualTo(Verdict.PASS);
        assertThat(line.threshold()).isEqualTo(75);
        assertThat(line.severity()).isEqualTo(CriterionSeverity.BLOCKING);
        assertThat(line.rule()).isEqualTo("learned-threshold");
        assertThat(line.reason()).contains("set by pattern legacy-module, replacing 80% from rule 'coverage-library'");
    }

    @Test
    void aTypeSpecificAdjustmentBeatsAGeneralOneAndALaterOneAnEarlier() {
        List<ThresholdAdjustment> adjustments = List.of(
                ThresholdAdjustment.of(Metrics.COVERAGE_LINE, 50, "first").forType(ProjectType.SERVICE),
                ThresholdAdjustment.of(Metrics.COVERAGE_LINE, 55, "second").forType(ProjectType.SERVICE),
                ThresholdAdjustment.of(Metrics.COVERAGE_LINE, 65, "general"),
                ThresholdAdjustment.of(Metrics.COVERAGE_LINE, 99, "for libraries").forType(ProjectType.LIBRARY));
        GateRequest request = GateRequest.of(ProjectType.SERVICE, GreenEvidence.evidence()).withAdjustments(adjustments);
        CriterionResult line = POLICY.evaluate(request).criterion("coverage-line").orElseThrow();
        assertThat(line.threshold()).isEqualTo(55);
        assertThat(line.reason()).contains("set by second");
    }

    @Test
    void anAdjustmentOfAMetricNoCriterionJudgesIsAnError() {
        GateRequest request = GateRequest.of(ProjectType.CLI, Evidence.EMPTY)
                .withAdjustments(List.of(ThresholdAdjustment.of("coverage.lines", 50, "pattern p-7")));
        assertThatThrownBy(() -> POLICY.evaluate(request)).isInstanceOfSatisfying(CeException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
            assertThat(e.getMessage()).contains("pattern p-7", "coverage.lines", "cli project");
            assertThat(e.fix()).contains("coverage.line,", "performance.regression");
        });
    }

    @ParameterizedTest
    @ValueSource(doubles = {-1, 100.5})
    void anAdjustedShareOutsideZeroToHundredIsAnError(double threshold) {
        GateRequest request = GateRequest.of(ProjectType.CLI, Evidence.EMPTY)
                .withAdjustments(List.of(ThresholdAdjustment.of(Metrics.COVERAGE_LINE, threshold, "pattern p-8")));
        assertThatThrownBy(() -> POLICY.evaluate(request)).isInstanceOf(CeException.class)
                .hasMessageContaining("pattern p-8").hasMessageContaining("outside its range (0 to 100)");
    }

    @Test
    void anAdjustmentForAnotherProjectTypeIsIgnored() {
        GateRequest request = GateRequest.of(ProjectType.CLI, GreenEvidence.evidence()).withAdjustments(List.of(
                ThresholdAdjustment.of("coverage.lines", 50, "typo for web").forType(ProjectType.WEB)));
        assertThat(POLICY.evaluate(request).blocking()).isFalse();
    }

    @Test
    void aCriterionWithoutSeverityIsADefectNamingTheRule() {
        DroolsGatePolicy policy = new DroolsGatePolicy(new TestRules("drl/gates-incomplete.drl"));
        assertThatThrownBy(() -> policy.evaluate(GateRequest.of(ProjectType.LIBRARY, Evidence.EMPTY)))
                .isInstanceOfSatisfying(CeException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL);
                    assertThat(e.getMessage()).contains("rule 'forgets-severity' describes the criterion"
                            + " 'coverage-line' without a severity (blocking, warning, info); add it before insert()");
                });
    }

    @Test
    void twoRulesSettingOneCriterionIsADefectNamingBoth() {
        DroolsGatePolicy policy = new DroolsGatePolicy(new TestRules("drl/gates-twice.drl"));
        assertThat(policy.decide(GateRequest.of(ProjectType.CLI, Evidence.EMPTY))).singleElement()
                .extracting(Criterion::rule).isEqualTo("coverage-everyone");
        assertThatThrownBy(() -> policy.evaluate(GateRequest.of(ProjectType.SERVICE, Evidence.EMPTY)))
                .isInstanceOfSatisfying(CeException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL);
                    assertThat(e.getMessage()).isEqualTo("The gate rules 'coverage-everyone' and 'coverage-services'"
                            + " both set the criterion 'coverage-line' for a service project.");
                    assertThat(e.fix()).contains("make the two rules' conditions exclude each other");
                });
    }

    /** Seeded: the verdicts do not depend on the order of the evidence or of the rules' firing. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void verdictsDoNotDependOnEvidenceOrder(long seed) {
        Random random = new Random(seed);
        List<Measurement> measurements = new ArrayList<>();
        for (Measurement m : GreenEvidence.measurements()) {
            if (random.nextInt(5) > 0) {
                double value = m.metric().startsWith("coverage") || m.metric().endsWith("rate")
                        ? random.nextInt(101) : random.nextInt(3);
                measurements.add(new Measurement(m.dimension(), m.metric(), value, m.source()));
            }
        }
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < random.nextInt(6); i++) {
            Dimension dimension = List.of(Dimension.LINT, Dimension.SECURITY, Dimension.DOCS, Dimension.REVIEW)
                    .get(random.nextInt(4));
            findings.add(finding(dimension, FindingSeverity.values()[random.nextInt(5)], "src/F" + i + ".java", i,
                    random.nextBoolean() ? "scan.sarif" : "agent:a"));
        }
        ProjectType type = ProjectType.values()[random.nextInt(ProjectType.values().length)];
        GateResult first = POLICY.evaluate(GateRequest.of(type, Evidence.of(measurements, findings)));
        Collections.shuffle(measurements, random);
        Collections.shuffle(findings, random);
        GateResult second = POLICY.evaluate(GateRequest.of(type, Evidence.of(measurements, findings)));
        assertThat(summary(second)).isEqualTo(summary(first));
        assertThat(first.blocking()).isEqualTo(first.criteria().stream().anyMatch(CriterionResult::blocks));
    }

    private static List<String> summary(GateResult result) {
        return result.criteria().stream().map(c -> c.criterion() + " " + c.verdict() + " " + c.measured() + " "
                + c.threshold() + " " + c.remediation().map(r -> r.title() + " " + r.files().stream().sorted().toList())
                .orElse("-")).toList();
    }

    private static Finding finding(Dimension dimension, FindingSeverity severity, String file, int line, String source) {
        return Finding.at(dimension, "java/sql-injection", severity, file, line, "user input reaches a query", source);
    }

    /** Gate rules from a test DRL. */
    private static final class TestRules extends CompiledDrl {
        TestRules(String drl) {
            super(drl, "test gate rules");
        }
    }
}
