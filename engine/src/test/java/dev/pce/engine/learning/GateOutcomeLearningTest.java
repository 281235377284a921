package dev.pce.engine.learning;

import dev.pce.engine.conflict.QualityDecision;
import dev.pce.engine.conflict.QualityResolution;
import dev.pce.engine.conflict.Review;
import dev.pce.engine.conflict.ReviewPanel;
import dev.pce.engine.conflict.ReviewVerdict;
import dev.pce.engine.conflict.QualitySituation;
import dev.pce.engine.event.ConflictOverridden;
import dev.pce.engine.event.ConflictResolved;
import dev.pce.engine.event.GateEvaluated;
import dev.pce.engine.event.ReviewReported;
import dev.pce.engine.event.TasksAdded;
import dev.pce.engine.event.WorkflowPlanned;
import dev.pce.engine.conflict.DimensionReview;
import dev.pce.engine.gate.Comparison;
import dev.pce.engine.gate.CriterionResult;
import dev.pce.engine.gate.CriterionSeverity;
import dev.pce.engine.gate.Dimension;
import dev.pce.engine.gate.Metrics;
import dev.pce.engine.gate.ProjectType;
import dev.pce.engine.gate.Verdict;
import dev.pce.engine.model.TaskSpec;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Gate thresholds learned from what followed a gate's passes, and escalation preferences from a person's decisions,
 * both from planted event logs.
 */
class GateOutcomeLearningTest {
    private static final ThresholdBand BAND_60_90 = new ThresholdBand(60, 90, ".ce/config.yml learning.thresholds");

    private static CriterionResult lineCoverage(double measured, double threshold, Verdict verdict, String rule) {
        return new CriterionResult("coverage-line", Dimension.COVERAGE, Metrics.COVERAGE_LINE, Comparison.AT_LEAST,
                threshold, OptionalDouble.of(measured), CriterionSeverity.BLOCKING, true, verdict, rule,
                "measured against " + threshold, Optional.empty());
    }

    private static CriterionResult branchCoverage(double measured, Verdict verdict) {
        return new CriterionResult("coverage-branch", Dimension.COVERAGE, Metrics.COVERAGE_BRANCH,
                Comparison.AT_LEAST, 70, OptionalDouble.of(measured), CriterionSeverity.WARNING, false, verdict,
                "coverage-library", "measured against 70", Optional.empty());
    }

    private static GateEvaluated gate(String name, CriterionResult... criteria) {
        return new GateEvaluated(name, 1, "library", false, List.of(criteria), 1, List.of());
    }

    private static ThresholdBounds bounds(Optional<ThresholdBand> configured, double rulesThreshold) {
        return new ThresholdBounds() {
            @Override
            public Optional<ThresholdBand> configured(ProjectType type, String metric) {
                return configured;
            }

            @Override
            public OptionalDouble rulesThreshold(ProjectType type, String metric) {
                return OptionalDouble.of(rulesThreshold);
            }
        };
    }

    private static List<Pattern.GateThreshold> thresholds(List<Pattern> patterns) {
        return patterns.stream().filter(Pattern.GateThreshold.class::isInstance)
                .map(Pattern.GateThreshold.class::cast).toList();
    }

    /** Passes of line coverage at 82 and 81 against 80, each followed by a later failure of branch coverage. */
    private static History passesFollowedByTrouble() {
        return new History()
                .at(1, gate("wave-1", lineCoverage(82, 80, Verdict.PASS, "coverage-library")))
                .at(2, gate("wave-2", lineCoverage(81, 80, Verdict.PASS, "coverage-library")))
                .at(3, gate("pr", lineCoverage(85, 80, Verdict.PASS, "coverage-library"),
                        branchCoverage(40, Verdict.FAIL)));
    }

    @Test
    void passesFollowedByFailuresOnTheirDimensionTightenTheThresholdByAStepForTheProjectType() {
        LearningReport report = WorkflowLearning.report("wf-1", passesFollowedByTrouble().events());

        LearningReport.ThresholdOutcome outcome = report.thresholds().stream()
                .filter(o -> o.metric().equals(Metrics.COVERAGE_LINE)).findFirst().orElseThrow();
        assertThat(outcome.projectType()).isEqualTo(ProjectType.LIBRARY);
        assertThat(outcome.passes()).isEqualTo(3);
        assertThat(outcome.troubled()).as("the pr gate's own pass saw no later trouble").isEqualTo(2);
        assertThat(outcome.rulesThreshold()).hasValue(80);

        List<Pattern.GateThreshold> learned = thresholds(LearnedPatterns.from(report, "shop", PatternSet.empty(),
                bounds(Optional.of(BAND_60_90), 80)));
        assertThat(learned).singleElement().satisfies(gate -> {
            assertThat(gate.key()).isEqualTo("gate:library:coverage.line");
            assertThat(gate.threshold()).isEqualTo(85);
            assertThat(gate.samples()).isEqualTo(3);
            assertThat(gate.confidence()).isCloseTo(0.5, within(1e-9));
            assertThat(gate.workflows()).containsExactly("wf-1");
        });
    }

    @Test
    void aFailureOfTheGateItselfTeachesNothing() {
        // tightening because a criterion failed would be circular: failing is what the threshold made it do
        History history = new History()
                .at(1, gate("wave-1", lineCoverage(70, 80, Verdict.FAIL, "coverage-library")))
                .at(2, gate("wave-2", lineCoverage(75, 80, Verdict.FAIL, "coverage-library")))
                .at(3, gate("pr", lineCoverage(78, 80, Verdict.FAIL, "coverage-library")));

        LearningReport report = WorkflowLearning.report("wf-1", history.events());

        assertThat(thresholds(LearnedPatterns.from(report, "shop", PatternSet.empty(), ThresholdBounds.NONE)))
                .isEmpty();
    }

    @Test
    void reviewReworkOnTheDimensionAfterAPassIsTroubleToo() {
        TaskSpec build = TaskSpec.builder("b1", "build").estimate(10).writes("src/A.java").build();
        History history = new History()
                .at(0, new WorkflowPlanned("g", List.of(build)))
                .at(1, gate("wave-1", lineCoverage(81, 80, Verdict.PASS, "coverage-library")))
                .at(2, gate("wave-1", lineCoverage(81, 80, Verdict.PASS, "coverage-library")))
                .at(3, new ReviewReported("r1", "carol", List.of("b1"), List.of(new DimensionReview(
                        Dimension.COVERAGE, ReviewVerdict.REQUEST_CHANGES, List.of()))))
                .at(4, new TasksAdded(List.of(TaskSpec.builder("b1-rework", "build").estimate(5).build()),
                        List.of(), "changes requested", "review:r1"));

        LearningReport report = WorkflowLearning.report("wf-1", history.events());

        assertThat(report.thresholds()).singleElement().satisfies(outcome ->
                assertThat(outcome.troubled()).isEqualTo(2));
    }

    @Test
    void passesNothingFollowedRelaxTheThresholdWithinTheDefaultBand() {
        History history = new History();
        for (int i = 1; i <= 5; i++) {
            history.at(i, gate("wave-" + i, lineCoverage(95, 80, Verdict.PASS, "coverage-library")));
        }
        LearningReport report = WorkflowLearning.report("wf-2", history.events());

        List<Pattern.GateThreshold> learned = thresholds(LearnedPatterns.from(report, "shop", PatternSet.empty(),
                bounds(Optional.empty(), 80)));

        assertThat(learned).singleElement().satisfies(gate -> {
            assertThat(gate.threshold()).isEqualTo(75);
            assertThat(gate.samples()).isEqualTo(5);
        });
        // a band of 10 points around the rules' 80: relaxing from a learned 72 stops at 70
        History more = new History();
        for (int i = 1; i <= 5; i++) {
            more.at(i, gate("wave-" + i, lineCoverage(95, 72, Verdict.PASS, "learned-threshold")));
        }
        assertThat(thresholds(LearnedPatterns.from(WorkflowLearning.report("wf-3", more.events()), "shop",
                PatternSet.empty(), bounds(Optional.empty(), 80)))).singleElement()
                .satisfies(gate -> assertThat(gate.threshold()).isEqualTo(70));
    }

    @Test
    void theMaintainersBoundsHoldATighteningThreshold() {
        History history = new History()
                .at(1, gate("wave-1", lineCoverage(89, 88, Verdict.PASS, "learned-threshold")))
                .at(2, gate("wave-2", lineCoverage(89, 88, Verdict.PASS, "learned-threshold")))
                .at(3, gate("pr", branchCoverage(40, Verdict.FAIL)));

        List<Pattern.GateThreshold> learned = thresholds(LearnedPatterns.from(WorkflowLearning.report("wf-4",
                history.events()), "shop", PatternSet.empty(), bounds(Optional.of(BAND_60_90), 80)));

        assertThat(learned).singleElement().satisfies(gate -> assertThat(gate.threshold()).isEqualTo(90));
    }

    @Test
    void countsStayWhereTheRulesSetThemWithoutAMaintainersBounds() {
        CriterionResult approvals = new CriterionResult("review-approvals", Dimension.REVIEW,
                Metrics.REVIEW_APPROVALS, Comparison.AT_LEAST, 1, OptionalDouble.of(1), CriterionSeverity.BLOCKING,
                true, Verdict.PASS, "review-approved", "one approval", Optional.empty());
        CriterionResult rejected = new CriterionResult("review-rejections", Dimension.REVIEW,
                Metrics.REVIEW_REJECTIONS, Comparison.AT_MOST, 0, OptionalDouble.of(1), CriterionSeverity.BLOCKING,
                true, Verdict.FAIL, "review-approved", "no rejection", Optional.empty());
        History history = new History().at(1, gate("wave-1", approvals)).at(2, gate("wave-2", approvals))
                .at(3, gate("pr", rejected));

        List<Pattern.GateThreshold> learned = thresholds(LearnedPatterns.from(WorkflowLearning.report("wf-5",
                history.events()), "shop", PatternSet.empty(), bounds(Optional.empty(), 1)));

        assertThat(learned).singleElement().satisfies(gate -> assertThat(gate.threshold()).isEqualTo(1));
    }

    @Test
    void learningTheSameWorkflowTwiceChangesNothing(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        PatternStore store = new PatternStore(dir.resolve("patterns.json"));
        List<Pattern> learned = LearnedPatterns.from(WorkflowLearning.report("wf-1",
                passesFollowedByTrouble().events()), "shop", PatternSet.empty(), bounds(Optional.of(BAND_60_90), 80));

        PatternStore.Learned first = store.learnFrom("wf-1", learned);
        PatternStore.Learned again = store.learnFrom("wf-1", learned);

        assertThat(again.unchanged()).isTrue();
        assertThat(again.stored()).isEqualTo(first.stored());
        assertThat(store.read().patterns().get("gate:library:coverage.line")).get()
                .satisfies(pattern -> assertThat(pattern.samples()).isEqualTo(3));
    }

    private static QualityResolution escalation(String situation) {
        return new QualityResolution("api", QualityDecision.ESCALATE, 4, 4, List.of("alice"), List.of("bob"),
                "quality-blocking-dimension-split", "the reviewers disagree on tests", situation);
    }

    @Test
    void aPersonsDecisionsOfEscalationsBecomeAPreferenceForTheirSituation() {
        String situation = QualitySituation.of(ReviewPanel.of("api",
                Review.of("alice", ReviewVerdict.APPROVE).on(Dimension.TESTS, ReviewVerdict.APPROVE),
                Review.of("bob", ReviewVerdict.REJECT).on(Dimension.TESTS, ReviewVerdict.REJECT))).signature();
        assertThat(situation).isEqualTo("split-tests.open-none");
        History history = new History()
                .at(1, new ConflictResolved("conflict-1", escalation(situation), ""))
                .at(2, new ConflictOverridden("conflict-1", "approve", "the test exists"))
                .at(3, new ConflictResolved("conflict-2", escalation(situation), ""))
                .at(4, new ConflictOverridden("conflict-2", "approve", "flaky test, not the change"))
                .at(5, new ConflictResolved("conflict-3", escalation("split-overall.open-none"), ""));

        LearningReport report = WorkflowLearning.report("wf-6", history.events());

        assertThat(report.escalations()).containsExactly(new LearningReport.EscalationDecisions(situation, 2, 0));
        List<Pattern> patterns = LearnedPatterns.from(report, "shop");
        assertThat(patterns).singleElement().isInstanceOfSatisfying(Pattern.EscalationPreference.class, p -> {
            assertThat(p.key()).isEqualTo("escalation:split-tests.open-none");
            assertThat(p.decision()).hasValue(QualityDecision.APPROVED);
            assertThat(p.samples()).isEqualTo(2);
            assertThat(p.summary()).isEqualTo("escalated reviews where the reviewers split on tests, no finding open"
                    + " are decided approved (2 of 2 decisions)");
        });
    }

    @Test
    void decisionsBothWaysOrASingleOneMakeNoPreference() {
        Pattern.EscalationPreference once = new Pattern.EscalationPreference("split-tests.open-none", 1, 1, 0.25,
                List.of("wf-1"), PatternOrigin.local("shop"));
        assertThat(once.decision()).isEmpty();
        PatternSet merged = PatternSet.empty().mergeLocal(List.of(once)).mergeLocal(List.of(
                new Pattern.EscalationPreference("split-tests.open-none", 0, 1, 0.25, List.of("wf-2"),
                        PatternOrigin.local("shop"))));
        Pattern.EscalationPreference both = (Pattern.EscalationPreference) merged.get(
                "escalation:split-tests.open-none").orElseThrow();
        assertThat(both.samples()).isEqualTo(2);
        assertThat(both.approvedShare()).isEqualTo(0.5);
        assertThat(both.decision()).isEmpty();
        Pattern.EscalationPreference third = (Pattern.EscalationPreference) merged.mergeLocal(List.of(
                new Pattern.EscalationPreference("split-tests.open-none", 0, 4, 0.57, List.of("wf-3"),
                        PatternOrigin.local("shop")))).get("escalation:split-tests.open-none").orElseThrow();
        assertThat(third.approvedShare()).isCloseTo(1 / 6.0, within(1e-9));
        assertThat(third.decision()).hasValue(QualityDecision.CHANGES_REQUIRED);
    }
}
