package dev.pce.engine.learning;

import dev.pce.engine.conflict.DimensionReview;
import dev.pce.engine.conflict.QualityDecision;
import dev.pce.engine.conflict.QualityResolution;
import dev.pce.engine.conflict.ResourceResolution;
import dev.pce.engine.conflict.ReviewVerdict;
import dev.pce.engine.conflict.TimelineDecision;
import dev.pce.engine.conflict.TimelineResolution;
import dev.pce.engine.event.ConflictOverridden;
import dev.pce.engine.event.ConflictResolved;
import dev.pce.engine.event.GateEvaluated;
import dev.pce.engine.event.ReviewReported;
import dev.pce.engine.event.TasksAdded;
import dev.pce.engine.event.WorkflowPlanned;
import dev.pce.engine.gate.Comparison;
import dev.pce.engine.gate.CriterionResult;
import dev.pce.engine.gate.CriterionSeverity;
import dev.pce.engine.gate.Dimension;
import dev.pce.engine.gate.Finding;
import dev.pce.engine.gate.FindingSeverity;
import dev.pce.engine.gate.Verdict;
import dev.pce.engine.learning.LearningReport.ConflictOutcome;
import dev.pce.engine.learning.LearningReport.ConflictOverride;
import dev.pce.engine.learning.LearningReport.FailureCause;
import dev.pce.engine.learning.LearningReport.ReworkLoop;
import dev.pce.engine.learning.LearningReport.ReworkTrigger;
import dev.pce.engine.model.TaskSpec;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

class LearningExtractionTest {

    private static TaskSpec task(String id, String kind, double estimate, String... writes) {
        return TaskSpec.builder(id, kind).estimate(estimate).writes(writes).build();
    }

    @Test
    void estimatesAreMeasuredFromTheSuccessfulClaimToItsCompletion() {
        History history = new History()
                .at(0, new WorkflowPlanned("g", List.of(task("b1", "build", 10), task("b2", "build", 10),
                        task("b3", "build", 20), task("r1", "review", 10))))
                .failed("b1", "builders", 0, 4, "Tests failed: 3 of 120")
                .ran("b1", "builders", 5, 21)      // 16 of 10: the failed attempt does not count
                .ran("b2", "builders", 0, 15)      // 1.5
                .ran("b3", "builders", 0, 34)      // 1.7
                .ran("r1", "reviewers", 40, 48);   // 0.8

        LearningReport report = WorkflowLearning.report("wf-1", history.events());

        assertThat(report.workflowId()).isEqualTo("wf-1");
        assertThat(report.estimates()).hasSize(2);
        LearningReport.EstimateAccuracy builds = report.estimates().getFirst();
        assertThat(builds.kind()).isEqualTo("build");
        assertThat(builds.pool()).isEqualTo("builders");
        assertThat(builds.stats().count()).isEqualTo(3);
        assertThat(builds.stats().median()).isCloseTo(1.6, within(1e-9));
        assertThat(builds.stats().mean()).isCloseTo(1.6, within(1e-9));
        assertThat(builds.stats().error()).isCloseTo(0.6, within(1e-9));

        List<Pattern> patterns = LearnedPatterns.from(report, "demo");
        assertThat(patterns).singleElement().isInstanceOfSatisfying(Pattern.EstimateBias.class, bias -> {
            assertThat(bias.kind()).isEqualTo("build");
            assertThat(bias.factor()).isCloseTo(1.6, within(1e-9));
            assertThat(bias.samples()).isEqualTo(3);
            assertThat(bias.confidence()).isCloseTo(0.5, within(1e-9));
            assertThat(bias.workflows()).containsExactly("wf-1");
            assertThat(bias.origin()).isEqualTo(PatternOrigin.local("demo"));
        });
    }

    @Test
    void aCorrectedPlanIsMeasuredAgainstThePlannersOwnEstimates() {
        // the plan ran with estimates corrected x1.6; the planner had said 10 minutes for each
        History history = new History()
                .at(0, new WorkflowPlanned("g", List.of(task("b1", "build", 16), task("b2", "build", 16),
                        task("b3", "build", 16)), null, java.util.Map.of("b1", 10.0, "b2", 10.0, "b3", 10.0)))
                .ran("b1", "builders", 0, 16).ran("b2", "builders", 0, 16).ran("b3", "builders", 0, 16);

        LearningReport report = WorkflowLearning.report("wf-c", history.events());

        assertThat(report.estimates().getFirst().stats().median()).isEqualTo(1.6);
    }

    @Test
    void tooFewSamplesOrAnUnbiasedMedianGiveNoEstimatePattern() {
        History history = new History()
                .at(0, new WorkflowPlanned("g", List.of(task("d1", "design", 10), task("d2", "design", 10),
                        task("t1", "test", 10), task("t2", "test", 10), task("t3", "test", 10))))
                .ran("d1", "planners", 0, 30).ran("d2", "planners", 30, 60)         // 3x, but only two samples
                .ran("t1", "builders", 0, 9.5).ran("t2", "builders", 0, 10.5).ran("t3", "builders", 0, 11);

        LearningReport report = WorkflowLearning.report("wf-2", history.events());

        assertThat(report.estimates()).extracting(LearningReport.EstimateAccuracy::kind)
                .containsExactly("design", "test");
        assertThat(LearnedPatterns.from(report, "demo")).isEmpty();
        // a kind the store already corrects reports its unbiased median too, so the stored bias can shrink
        PatternSet known = PatternSet.empty().mergeLocal(List.of(new Pattern.EstimateBias("test", 1.5, 3, 0.5,
                List.of("wf-1"), PatternOrigin.local("demo"))));
        assertThat(LearnedPatterns.from(report, "demo", known)).singleElement()
                .isInstanceOfSatisfying(Pattern.EstimateBias.class,
                        bias -> assertThat(bias.factor()).isCloseTo(1.05, within(1e-9)));
    }

    @Test
    void anAttemptDoneInSecondsCountsForAMinuteAndTheFactorStaysInItsRange() {
        // reviews estimated at 5 minutes, each done a second after its claim: not 1/300 of the estimate
        History history = new History()
                .at(0, new WorkflowPlanned("g", List.of(task("r1", "review", 5), task("r2", "review", 5),
                        task("r3", "review", 5), task("q", "quick", 0.5))))
                .ran("r1", "reviewers", 0, 1 / 60.0).ran("r2", "reviewers", 1, 1 + 1 / 60.0)
                .ran("r3", "reviewers", 2, 2 + 1 / 60.0)
                .ran("q", "builders", 3, 3 + 1 / 60.0); // estimated under a minute: counted from its estimate

        LearningReport report = WorkflowLearning.report("wf-fast", history.events());

        assertThat(report.estimates()).filteredOn(accuracy -> accuracy.kind().equals("review")).singleElement()
                .satisfies(reviews -> assertThat(reviews.ratios()).containsOnly(0.2));
        assertThat(report.estimates()).filteredOn(accuracy -> accuracy.kind().equals("quick")).singleElement()
                .satisfies(quick -> assertThat(quick.ratios()).containsExactly(1.0));
        assertThat(LearnedPatterns.from(report, "demo")).singleElement()
                .isInstanceOfSatisfying(Pattern.EstimateBias.class, bias -> {
                    assertThat(bias.kind()).isEqualTo("review");
                    assertThat(bias.factor()).isEqualTo(Pattern.EstimateBias.MIN_FACTOR);
                });
    }

    @Test
    void theMiddleOfAnEvenCountIsGeometricSoHalfAndTwiceBalance() {
        assertThat(RatioStats.of(List.of(0.5, 2.0, 8.0, 0.25)).median()).isCloseTo(1.0, within(1e-12));
        assertThat(RatioStats.of(List.of(0.0001, 1.5, 1.6)).median()).as("one outlier moves nothing")
                .isEqualTo(1.5);
    }

    @Test
    void failureReasonsAreGroupedPerKind() {
        History history = new History()
                .at(0, new WorkflowPlanned("g", List.of(task("b1", "build", 10), task("b2", "build", 10))))
                .failed("b1", "builders", 0, 1, "Tests failed: 3 of 120")
                .failed("b2", "builders", 0, 1, "tests  failed: 5 of 118\nstack trace ...")
                .failed("b1", "builders", 2, 3, "Merge conflict in src/A.java");

        LearningReport report = WorkflowLearning.report("wf", history.events());

        assertThat(report.failures()).containsExactly(
                new FailureCause("build", "merge conflict in src/a.java", 1, 1),
                new FailureCause("build", "tests failed: # of #", 2, 2));
    }

    /** A dimension nobody measured nor required is no failure: CI jobs report what they check. */
    @Test
    void gateFailuresAreCountedByDimensionAndMetric() {
        CriterionResult unrequired = new CriterionResult("lint-high", Dimension.LINT, "lint.high", Comparison.AT_MOST,
                0, OptionalDouble.empty(), CriterionSeverity.BLOCKING, false, Verdict.NOT_MEASURED, "lint-rule",
                "not required", Optional.empty());
        History history = new History()
                .at(0, new WorkflowPlanned("g", List.of(task("b1", "build", 10))))
                .at(10, gate("wave-1", criterion(Dimension.COVERAGE, "coverage.line", Verdict.FAIL),
                        criterion(Dimension.TESTS, "tests.failed", Verdict.PASS), unrequired))
                .at(20, gate("pr", criterion(Dimension.COVERAGE, "coverage.line", Verdict.FAIL),
                        criterion(Dimension.SECURITY, "security.high", Verdict.NOT_MEASURED)));

        LearningReport report = WorkflowLearning.report("wf", history.events());

        assertThat(report.gateFailures()).containsExactly(
                new LearningReport.GateFailure(Dimension.COVERAGE, "coverage.line", 2, List.of("pr", "wave-1")),
                new LearningReport.GateFailure(Dimension.SECURITY, "security.high", 1, List.of("pr")));
    }

    @Test
    void conflictsAreCountedByKindAndDecisionWithOverrides() {
        History history = new History()
                .at(1, new ConflictResolved("conflict-1", ResourceResolution.of(List.of(
                        new dev.pce.engine.conflict.ContenderOutcome("a", dev.pce.engine.conflict.Action.PROCEED,
                                List.of(), List.of("f"), "r", "first"),
                        new dev.pce.engine.conflict.ContenderOutcome("b", dev.pce.engine.conflict.Action.WAIT,
                                List.of("a"), List.of("f"), "r", "second")), List.of("f")), ""))
                .at(2, new ConflictResolved("conflict-2", new QualityResolution("a", QualityDecision.ESCALATE, 1, 1,
                        List.of("x"), List.of("y"), "r", "split"), ""))
                .at(3, new ConflictResolved("conflict-3", new TimelineResolution("a", TimelineDecision.RESCHEDULE,
                        10, 40, 3, 45, "split it", "r", "late"), "c1"))
                .at(4, new ConflictOverridden("conflict-2", "approve", "fine by me"));

        LearningReport report = WorkflowLearning.report("wf", history.events());

        assertThat(report.conflicts()).containsExactly(new ConflictOutcome("quality", "escalate", 1),
                new ConflictOutcome("resource", "wait", 1), new ConflictOutcome("timeline", "reschedule", 1));
        assertThat(report.overrides()).containsExactly(new ConflictOverride("quality", "approve", 1));
    }

    @Test
    void reviewReworkOnOneDirectoryTwiceRequiresAReview() {
        TaskSpec m1 = task("m1", "build", 20, "db/migrations/001.sql");
        TaskSpec m2 = task("m2", "build", 20, "db/migrations/002.sql");
        TaskSpec ui = task("ui", "build", 20, "src/ui/App.tsx");
        History history = new History()
                .at(0, new WorkflowPlanned("g", List.of(m1, m2, ui, task("r1", "review", 10),
                        task("r2", "review", 10))))
                .at(30, securityObjection("r1", "m1", "ui"))
                .at(30, new TasksAdded(List.of(task("m1-rework", "build", 10, "db/migrations/001.sql"),
                        task("ui-rework", "build", 10, "src/ui/App.tsx"), task("r1-again", "review", 10)),
                        List.of(), "review r1 asked for changes", "review:r1"))
                .at(50, securityObjection("r2", "m2"))
                .at(50, new TasksAdded(List.of(task("m2-rework", "build", 10, "db/migrations/002.sql"),
                        task("r2-again", "review", 10)), List.of(), "review r2 asked for changes", "review:r2"));

        LearningReport report = WorkflowLearning.report("wf-7", history.events());

        assertThat(report.rework()).containsExactly(
                new ReworkLoop(ReworkTrigger.REVIEW, "review:r1", "m1", "build", List.of("db/migrations/001.sql"),
                        List.of(Dimension.SECURITY)),
                new ReworkLoop(ReworkTrigger.REVIEW, "review:r1", "ui", "build", List.of("src/ui/App.tsx"),
                        List.of(Dimension.SECURITY)),
                new ReworkLoop(ReworkTrigger.REVIEW, "review:r2", "m2", "build", List.of("db/migrations/002.sql"),
                        List.of(Dimension.SECURITY)));
        assertThat(LearnedPatterns.from(report, "demo")).singleElement()
                .isInstanceOfSatisfying(Pattern.ReviewRequirement.class, requirement -> {
                    assertThat(requirement.key()).isEqualTo("review:build:db/migrations/:security");
                    assertThat(requirement.samples()).isEqualTo(2);
                    assertThat(requirement.workflows()).containsExactly("wf-7");
                });
    }

    @Test
    void aReviewObjectingOnSecurityForOneBuildAndPerformanceForAnotherTeachesEachBuildItsOwnDimension() {
        // one feature, two risky folders on different dimensions, one final review sending both builds back,
        // twice: security belongs to the migrations, performance to the repository, not both to both
        TaskSpec m1 = task("m1", "build", 20, "db/migrations/001.sql");
        TaskSpec q1 = task("q1", "build", 20, "src/data/repository/Orders.java");
        TaskSpec m2 = task("m2", "build", 20, "db/migrations/002.sql");
        TaskSpec q2 = task("q2", "build", 20, "src/data/repository/Users.java");
        History history = new History()
                .at(0, new WorkflowPlanned("g", List.of(m1, q1, m2, q2, task("r1", "review", 10),
                        task("r2", "review", 10))))
                .at(30, splitObjection("r1", m1, q1))
                .at(30, reworkOf("r1", m1, q1))
                .at(50, splitObjection("r2", m2, q2))
                .at(50, reworkOf("r2", m2, q2));

        LearningReport report = WorkflowLearning.report("wf-105", history.events());

        assertThat(report.rework()).extracting(ReworkLoop::taskId, ReworkLoop::dimensions).containsExactly(
                tuple("m1", List.of(Dimension.SECURITY)),
                tuple("q1", List.of(Dimension.PERFORMANCE)),
                tuple("m2", List.of(Dimension.SECURITY)),
                tuple("q2", List.of(Dimension.PERFORMANCE)));
        assertThat(LearnedPatterns.from(report, "demo")).extracting(Pattern::key).containsExactlyInAnyOrder(
                "review:build:db/migrations/:security", "review:build:src/data/repository/:performance");
    }

    @Test
    void objectionsWhoseFindingsNameNoReworkedTaskCountForEveryTaskTheReviewSentBack() {
        TaskSpec m1 = task("m1", "build", 20, "db/migrations/001.sql");
        TaskSpec q1 = task("q1", "build", 20, "src/data/repository/Orders.java");
        History history = new History()
                .at(0, new WorkflowPlanned("g", List.of(m1, q1, task("r1", "review", 10))))
                .at(30, new ReviewReported("r1", "bot", List.of("m1", "q1"), List.of(
                        new DimensionReview(Dimension.SECURITY, ReviewVerdict.REQUEST_CHANGES, List.of(
                                finding(Dimension.SECURITY, "db/migrations/001.sql"))),
                        new DimensionReview(Dimension.TESTS, ReviewVerdict.REQUEST_CHANGES, List.of(
                                finding(Dimension.TESTS, "src/test/OrdersTest.java"))),
                        new DimensionReview(Dimension.PERFORMANCE, ReviewVerdict.REQUEST_CHANGES, List.of()))))
                .at(30, reworkOf("r1", m1, q1));

        LearningReport report = WorkflowLearning.report("wf", history.events());

        // tests and performance name neither build's files: the history cannot tell, so both builds carry them
        assertThat(report.rework()).extracting(ReworkLoop::taskId, ReworkLoop::dimensions).containsExactly(
                tuple("m1", List.of(Dimension.TESTS, Dimension.SECURITY,
                        Dimension.PERFORMANCE)),
                tuple("q1", List.of(Dimension.TESTS, Dimension.PERFORMANCE)));
    }

    /** A final review objecting on security with a finding in {@code migration}, on performance in {@code query}. */
    private static ReviewReported splitObjection(String reviewTask, TaskSpec migration, TaskSpec query) {
        return new ReviewReported(reviewTask, "reviewer", List.of(migration.id(), query.id()), List.of(
                new DimensionReview(Dimension.PERFORMANCE, ReviewVerdict.REQUEST_CHANGES, List.of(
                        finding(Dimension.PERFORMANCE, query.writes().getFirst()))),
                new DimensionReview(Dimension.SECURITY, ReviewVerdict.REQUEST_CHANGES, List.of(
                        finding(Dimension.SECURITY, migration.writes().getFirst())))));
    }

    private static Finding finding(Dimension dimension, String file) {
        return Finding.at(dimension, "", FindingSeverity.HIGH, file, 3,
                "a problem", "agent:reviewer");
    }

    /** The tasks ce_review adds when {@code reviewTask} asks for changes: a rework per task and a re-review. */
    private static TasksAdded reworkOf(String reviewTask, TaskSpec... reviewed) {
        List<TaskSpec> added = new ArrayList<>();
        for (TaskSpec task : reviewed) {
            added.add(task(task.id() + "-rework-1", task.kind(), 10, task.writes().toArray(String[]::new)));
        }
        added.add(task(reviewTask + "-again-1", "review", 10));
        return new TasksAdded(added, List.of(), "review " + reviewTask + " asked for changes", "review:" + reviewTask);
    }

    @Test
    void gateRemediationIsReworkOnTheGatesFailingDimensions() {
        History history = new History()
                .at(0, new WorkflowPlanned("g", List.of(task("b1", "build", 10))))
                .at(10, new TasksAdded(List.of(task("fix-coverage", "test", 15, "src/test/FooTest.java")),
                        List.of(), "gate 'wave-1' blocks", "gate:wave-1"))
                .at(10, new GateEvaluated("wave-1", 1, "library", true,
                        List.of(criterion(Dimension.COVERAGE, "coverage.line", Verdict.FAIL)), 3,
                        List.of("fix-coverage")));

        LearningReport report = WorkflowLearning.report("wf", history.events());

        assertThat(report.rework()).containsExactly(new ReworkLoop(ReworkTrigger.GATE, "gate:wave-1",
                "fix-coverage", "test", List.of("src/test/FooTest.java"), List.of(Dimension.COVERAGE)));
        assertThat(LearnedPatterns.from(report, "demo")).isEmpty();
    }

    private static ReviewReported securityObjection(String reviewTask, String... reviewed) {
        return new ReviewReported(reviewTask, "sec-bot", List.of(reviewed), List.of(
                new DimensionReview(Dimension.SECURITY, ReviewVerdict.REQUEST_CHANGES, List.of()),
                new DimensionReview(Dimension.DOCS, ReviewVerdict.APPROVE, List.of())));
    }

    private static GateEvaluated gate(String name, CriterionResult... criteria) {
        return new GateEvaluated(name, 1, "library", true, List.of(criteria), 1, List.of());
    }

    private static CriterionResult criterion(Dimension dimension, String metric, Verdict verdict) {
        return new CriterionResult(metric, dimension, metric, Comparison.AT_LEAST, 80,
                verdict == Verdict.NOT_MEASURED ? OptionalDouble.empty() : OptionalDouble.of(61), CriterionSeverity.BLOCKING,
                true, verdict, "gate-rule", "measured against 80", Optional.empty());
    }
}
