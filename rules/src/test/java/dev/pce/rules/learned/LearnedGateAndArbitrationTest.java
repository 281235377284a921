package dev.pce.rules.learned;

import dev.pce.engine.conflict.QualityDecision;
import dev.pce.engine.conflict.QualityResolution;
import dev.pce.engine.conflict.Review;
import dev.pce.engine.conflict.ReviewFinding;
import dev.pce.engine.conflict.ReviewPanel;
import dev.pce.engine.conflict.ReviewVerdict;
import dev.pce.engine.gate.Dimension;
import dev.pce.engine.gate.Evidence;
import dev.pce.engine.gate.FindingSeverity;
import dev.pce.engine.gate.GateRequest;
import dev.pce.engine.gate.Metrics;
import dev.pce.engine.gate.ProjectType;
import dev.pce.engine.gate.ThresholdAdjustment;
import dev.pce.engine.learning.Pattern;
import dev.pce.rules.authoring.LocalRules;
import dev.pce.rules.authoring.Reload;
import dev.pce.rules.authoring.RuleReloader;
import dev.pce.rules.authoring.RuleSets;
import dev.pce.rules.config.ProjectConfig;
import dev.pce.rules.conflict.DroolsConflictArbiter;
import dev.pce.rules.gate.Criterion;
import dev.pce.rules.gate.DroolsGatePolicy;
import dev.pce.rules.gate.GateThresholdBounds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static dev.pce.rules.learned.LearnedPatterns.ORIGIN;
import static dev.pce.rules.learned.LearnedPatterns.lineCoverage;
import static dev.pce.rules.learned.LearnedPatterns.testsSplitApproved;
import static dev.pce.testing.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Learned gate thresholds and escalation preferences decide, through the real Drools rules: a library's line
 * coverage takes the learned threshold (a service's does not), a request's and the configuration's adjustments win
 * over it; an escalated review of a learned situation is decided the way persons did, a security veto never; a hot
 * reload of the project's rules keeps the learned rules.
 */
class LearnedGateAndArbitrationTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-05-01T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path workspace;
    @TempDir
    Path project;

    private final RuleSets ruleSets = LearnedPatterns.freshRuleSets();

    private LearnedRules learnedRules() {
        return new LearnedRules(LearnedRuleStore.inWorkspace(workspace), ruleSets,
                LocalRules.ofProject(project)::drlFiles, LearnedTemplates.builtIn(), CLOCK);
    }

    private void learn(Pattern... patterns) {
        LearnOutcome outcome = learnedRules().learn(List.of(patterns));
        assertThat(outcome).as(outcome.toString()).isInstanceOf(LearnOutcome.Accepted.class);
    }

    private Criterion lineCoverageOf(ProjectType type, List<ThresholdAdjustment> adjustments) {
        return new DroolsGatePolicy(ruleSets.gates()).decide(GateRequest.of(type, Evidence.EMPTY)
                .withAdjustments(adjustments)).stream()
                .filter(criterion -> criterion.metric().equals(Metrics.COVERAGE_LINE)).findFirst().orElseThrow();
    }

    @Test
    void aLibrarysLineCoverageTakesTheLearnedThresholdAndAServicesKeepsItsOwn() {
        learn(lineCoverage(85));

        Criterion library = lineCoverageOf(ProjectType.LIBRARY, List.of());
        assertThat(library.threshold()).isEqualTo(85);
        assertThat(library.rule()).isEqualTo("learned-threshold");
        assertThat(library.reason()).contains("set by learned:gate:library:coverage.line", "replacing 80%");
        assertThat(lineCoverageOf(ProjectType.SERVICE, List.of()).threshold()).as("learned for libraries only")
                .isEqualTo(70);
    }

    @Test
    void aRequestsAdjustmentAndTheConfigurationsFixedThresholdWinOverTheLearnedOne() throws Exception {
        learn(lineCoverage(85));

        assertThat(lineCoverageOf(ProjectType.LIBRARY, List.of(ThresholdAdjustment.of(Metrics.COVERAGE_LINE, 72,
                "maintainer"))).reason()).contains("set by maintainer");
        write(project.resolve(".ce/config.yml"), "gates:\n  thresholds:\n    coverage.line: 75\n");
        ProjectConfig config = ProjectConfig.read(project);
        Criterion configured = lineCoverageOf(ProjectType.LIBRARY, config.thresholdAdjustments());
        assertThat(configured.threshold()).isEqualTo(75);
        assertThat(configured.reason()).contains("set by .ce/config.yml gates.thresholds");
        // and learning cannot move it: the fixed threshold is a band of one value
        assertThat(new GateThresholdBounds(() -> config, new DroolsGatePolicy(ruleSets.gates()))
                .band(ProjectType.LIBRARY, Metrics.COVERAGE_LINE, 80).clamp(85)).isEqualTo(75);
    }

    @Test
    void withoutBoundsTheDefaultBandLiesAroundTheRulesOwnThreshold() {
        learn(lineCoverage(85));
        GateThresholdBounds bounds = new GateThresholdBounds(() -> ProjectConfig.NONE,
                new DroolsGatePolicy(ruleSets.gates()));

        assertThat(bounds.rulesThreshold(ProjectType.LIBRARY, Metrics.COVERAGE_LINE)).as("not the learned 85")
                .hasValue(80);
        assertThat(bounds.band(ProjectType.LIBRARY, Metrics.COVERAGE_LINE, 0).clamp(99)).isEqualTo(90);
        assertThat(bounds.band(ProjectType.CLI, Metrics.COVERAGE_LINE, 0).clamp(0)).isEqualTo(50);
    }

    private static ReviewPanel testsSplit(String taskId) {
        return ReviewPanel.of(taskId,
                Review.of("alice", ReviewVerdict.APPROVE).on(Dimension.TESTS, ReviewVerdict.APPROVE),
                Review.of("bob", ReviewVerdict.REJECT).on(Dimension.TESTS, ReviewVerdict.REJECT));
    }

    @Test
    void anEscalatedReviewOfALearnedSituationIsDecidedAsPersonsDidNamingTheLearnedRule() {
        DroolsConflictArbiter arbiter = new DroolsConflictArbiter(ruleSets.conflicts());
        QualityResolution before = arbiter.resolveQuality(testsSplit("api"));
        assertThat(before.decision()).isEqualTo(QualityDecision.ESCALATE);
        assertThat(before.situation()).isEqualTo("split-tests.open-none");

        learn(testsSplitApproved(2, 2));
        QualityResolution after = arbiter.resolveQuality(testsSplit("login"));

        assertThat(after.decision()).isEqualTo(QualityDecision.APPROVED);
        assertThat(after.rule()).isEqualTo("learned:escalation:split-tests.open-none");
        assertThat(after.reason()).contains("persons decided escalated reviews where the reviewers split on tests,"
                + " no finding open approved 2 of 2 times", "instead of escalating (rule"
                + " 'quality-blocking-dimension-split'");
        // another situation still goes to a person
        QualityResolution other = arbiter.resolveQuality(ReviewPanel.of("ui",
                Review.of("alice", ReviewVerdict.APPROVE).on(Dimension.LINT, ReviewVerdict.APPROVE),
                Review.of("bob", ReviewVerdict.REJECT).on(Dimension.LINT, ReviewVerdict.REJECT)));
        assertThat(other.decision()).isEqualTo(QualityDecision.ESCALATE);
    }

    @Test
    void aSecurityVetoIsNeverOverriddenByALearnedRule() {
        Pattern.EscalationPreference approveWithHighSecurity = new Pattern.EscalationPreference(
                "split-tests.open-high", 1, 5, 0.6, List.of("wf-9"), ORIGIN);
        learn(approveWithHighSecurity);
        ReviewPanel panel = ReviewPanel.of("api",
                Review.of("alice", ReviewVerdict.APPROVE).on(Dimension.TESTS, ReviewVerdict.APPROVE),
                new Review("bob", ReviewVerdict.REJECT, java.util.Map.of(Dimension.TESTS, ReviewVerdict.REJECT),
                        List.of(ReviewFinding.open(Dimension.SECURITY, FindingSeverity.HIGH, "src/Auth.java",
                                "token logged"))));

        QualityResolution resolution = new DroolsConflictArbiter(ruleSets.conflicts()).resolveQuality(panel);

        assertThat(resolution.situation()).isEqualTo("split-tests.open-high");
        assertThat(resolution.decision()).isEqualTo(QualityDecision.CHANGES_REQUIRED);
        assertThat(resolution.rule()).isEqualTo("quality-security-veto-finding");
    }

    @Test
    void aPreferenceWithoutAClearDecisionMakesNoRule() {
        learn(lineCoverage(85), testsSplitApproved(1, 2));

        assertThat(learnedRules().history().getLast().patternKeys()).containsExactly(
                "gate:library:coverage.line");
        assertThat(new DroolsConflictArbiter(ruleSets.conflicts()).resolveQuality(testsSplit("api")).decision())
                .isEqualTo(QualityDecision.ESCALATE);
    }

    @Test
    void aHostileSituationIsRejectedNamingTheSlot() {
        LearnOutcome outcome = learnedRules().learn(List.of(lineCoverage(85), new Pattern.EscalationPreference(
                "split-tests.open-none\"); System.exit(0); //", 1, 3, 0.5, List.of(), ORIGIN)));

        assertThat(outcome.rejectedPatterns()).singleElement().satisfies(rejected ->
                assertThat(rejected.reason()).contains("slot situation", "split-tests.open-none or"));
    }

    @Test
    void aHotReloadOfTheProjectsRulesKeepsTheLearnedRules() throws Exception {
        write(project.resolve(".ce/rules/gates/noop.drl"), "package dev.pce.rules.gate;\n\nrule \"project-noop\"\n"
                + "when\n    Project()\nthen\nend\n");
        learn(lineCoverage(85), testsSplitApproved(2, 2));
        LearnedRuleStore store = LearnedRuleStore.inWorkspace(workspace);
        assertThat(lineCoverageOf(ProjectType.LIBRARY, List.of()).threshold()).isEqualTo(85);

        try (RuleReloader reloader = RuleReloader.start(LocalRules.ofProject(project), store::currentRuleFiles,
                ruleSets, Duration.ofHours(1), reload -> { })) {
            write(project.resolve(".ce/rules/gates/noop.drl"), "package dev.pce.rules.gate;\n\n"
                    + "rule \"project-noop-changed\"\nwhen\n    Project()\nthen\nend\n");
            Reload reload = reloader.reload();

            assertThat(reload).as(reload.describe()).isInstanceOf(Reload.Swapped.class);
            assertThat(lineCoverageOf(ProjectType.LIBRARY, List.of()).threshold()).as("the learned threshold stays")
                    .isEqualTo(85);
            assertThat(new DroolsConflictArbiter(ruleSets.conflicts()).resolveQuality(testsSplit("api")).rule())
                    .isEqualTo("learned:escalation:split-tests.open-none");
        }
    }
}
