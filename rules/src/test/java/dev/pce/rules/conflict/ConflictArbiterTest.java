package dev.pce.rules.conflict;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.engine.Json;
import dev.pce.engine.conflict.Action;
import dev.pce.engine.conflict.ConflictArbiter;
import dev.pce.engine.conflict.ConflictCase;
import dev.pce.engine.conflict.Contender;
import dev.pce.engine.conflict.QualityDecision;
import dev.pce.engine.conflict.QualityResolution;
import dev.pce.engine.conflict.Resolution;
import dev.pce.engine.conflict.ResourceContention;
import dev.pce.engine.conflict.ResourceResolution;
import dev.pce.engine.conflict.Review;
import dev.pce.engine.conflict.ReviewFinding;
import dev.pce.engine.conflict.ReviewPanel;
import dev.pce.engine.conflict.ReviewVerdict;
import dev.pce.engine.conflict.RunningTask;
import dev.pce.engine.conflict.TimelineDecision;
import dev.pce.engine.conflict.TimelineResolution;
import dev.pce.engine.gate.Dimension;
import dev.pce.engine.gate.FindingSeverity;
import dev.pce.rules.CompiledDrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConflictArbiterTest {
    private static final ConflictArbiter ARBITER = new DroolsConflictArbiter();
    private static final Instant NINE = Instant.parse("2025-01-01T09:00:00Z");

    /** Conflict rules from a test DRL, as a maintainer's would be. */
    private static final class TestRules extends CompiledDrl {
        TestRules(String drl) {
            super(drl, "test conflict rules");
        }
    }

    private static Contender holding(String id, double criticalPath, String... writes) {
        return Contender.holding(id, "builders", criticalPath, 0, NINE, List.of(writes));
    }

    private static Contender asking(String id, double criticalPath, int planOrder, String... writes) {
        return Contender.requesting(id, "builders", criticalPath, planOrder, NINE.plusSeconds(planOrder),
                List.of(writes));
    }

    @Test
    void aRequesterWaitsForTheHolderOfItsFilesWhateverItsCriticalPath() {
        ResourceResolution resolution = ARBITER.resolveResource(ResourceContention.of(
                holding("build-api", 5, "src/Api.java"),
                asking("fix-api", 500, 1, "src/Api.java", "src/ApiTest.java")));

        assertThat(resolution.winners()).containsExactly("build-api");
        assertThat(resolution.losers()).containsExactly("fix-api");
        assertThat(resolution.sharedFiles()).containsExactly("src/Api.java");
        assertThat(resolution.rule()).isEqualTo("resource-requester-waits-for-holder");
        assertThat(resolution.reason()).isEqualTo("fix-api waits: build-api holds a live claim on src/Api.java, and a"
                + " live claim is never pre-empted");
        assertThat(resolution.outcome("fix-api")).hasValueSatisfying(outcome -> {
            assertThat(outcome.action()).isEqualTo(Action.WAIT);
            assertThat(outcome.waitsFor()).containsExactly("build-api");
            assertThat(outcome.files()).containsExactly("src/Api.java");
        });
        assertThat(resolution.outcome("build-api")).hasValueSatisfying(outcome -> {
            assertThat(outcome.proceeds()).isTrue();
            assertThat(outcome.rule()).isEqualTo("resource-holder-keeps-claim");
        });
    }

    @Test
    void outcomesKeepTheContentionsOrderAndEveryOneNamesItsRule() {
        ResourceResolution resolution = ARBITER.resolveResource(ResourceContention.of(
                asking("c", 10, 2, "x"), asking("a", 30, 0, "x"), asking("b", 30, 1, "x"), asking("d", 1, 3, "y")));

        assertThat(resolution.outcomes()).extracting(o -> o.taskId() + " " + o.action().wireName() + " " + o.rule())
                .containsExactly("c wait resource-critical-path-first", "a proceed resource-first-in-line",
                        "b wait resource-tie-plan-order", "d proceed resource-no-overlap");
        assertThat(resolution.winners()).containsExactly("a", "d");
        assertThat(resolution.losers()).containsExactly("c", "b");
        assertThat(resolution.rule()).as("the first loser's").isEqualTo("resource-critical-path-first");
    }

    @Test
    void reviewsWeighBySeverityAndNameWhoApprovedAndWhoObjected() {
        QualityResolution resolution = ARBITER.resolveQuality(ReviewPanel.of("parser",
                Review.of("r1", ReviewVerdict.APPROVE),
                Review.of("r2", ReviewVerdict.REQUEST_CHANGES,
                        ReviewFinding.open(Dimension.LINT, FindingSeverity.HIGH, "src/Parser.java", "unused result"),
                        ReviewFinding.open(Dimension.TESTS, FindingSeverity.CRITICAL, "", "").asResolved())));

        assertThat(resolution.decision()).isEqualTo(QualityDecision.CHANGES_REQUIRED);
        assertThat(resolution.approval()).isEqualTo(4);
        assertThat(resolution.objection()).as("2 for the request, 4 for the high finding; resolved ones weigh 0")
                .isEqualTo(6);
        assertThat(resolution.approvers()).containsExactly("r1");
        assertThat(resolution.objectors()).containsExactly("r2");
        assertThat(resolution.rule()).isEqualTo("quality-objection-outweighs");
        assertThat(resolution.reason()).isEqualTo("changes required: approval 4 against objection 6 (r1 approves;"
                + " r2 requests changes; 1 high finding open)");
    }

    @Test
    void aCriticalSecurityFindingVetoesEvenWhenEveryoneApproves() {
        QualityResolution resolution = ARBITER.resolveQuality(ReviewPanel.of("auth",
                Review.of("r1", ReviewVerdict.APPROVE),
                Review.of("r2", ReviewVerdict.APPROVE),
                Review.of("r3", ReviewVerdict.APPROVE,
                        ReviewFinding.open(Dimension.SECURITY, FindingSeverity.CRITICAL, "src/Login.java", "SQL built"
                                + " from input"))));

        assertThat(resolution.decision()).isEqualTo(QualityDecision.CHANGES_REQUIRED);
        assertThat(resolution.rule()).isEqualTo("quality-security-veto-finding");
        assertThat(resolution.objectors()).isEmpty();
        assertThat(resolution.reason()).startsWith("security veto: r3 reports src/Login.java critical security: SQL"
                + " built from input");
    }

    @Test
    void anOverrunningTaskGetsANewEstimateAndTheReasonNamesBothRules() {
        TimelineResolution resolution = ARBITER.resolveTimeline(RunningTask.of("parser", "build", "builders", 40, 81));

        assertThat(resolution.decision()).isEqualTo(TimelineDecision.RESCHEDULE);
        assertThat(resolution.factor()).isEqualTo(2);
        assertThat(resolution.proposedEstimateMinutes()).isEqualTo(122);
        assertThat(resolution.rule()).isEqualTo("timeline-reschedule-split");
        assertThat(resolution.suggestion()).isEqualTo("Split the task into parts of at most 60 minutes and plan them"
                + " in its place.");
        assertThat(resolution.reason()).contains("parser has run 81 minutes against an estimate of 40 minutes",
                "(k = 2 from rule 'timeline-factor-default': most work lands within twice its estimate)");
        assertThat(resolution.estimateMinutes()).isEqualTo(40);
        assertThat(resolution.elapsedMinutes()).isEqualTo(81);
    }

    static Stream<ConflictCase> cases() {
        return Stream.of(
                ResourceContention.of(holding("a", 1, "x"), asking("b", 9, 1, "x", "y"), asking("c", 3, 2, "y")),
                ReviewPanel.of("t", Review.of("r1", ReviewVerdict.APPROVE),
                        Review.of("r2", ReviewVerdict.REJECT).on(Dimension.SECURITY, ReviewVerdict.REJECT)),
                RunningTask.of("t", "research", "planners", 30, 70).attempt(2),
                RunningTask.of("t", "build", "builders", 30, 10).withOverrunFactor(3));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void everyResolutionTheArbiterMakesSurvivesTheEventJson(ConflictCase conflict) throws Exception {
        ObjectMapper mapper = Json.mapper();
        Resolution resolution = ARBITER.resolve(conflict);

        String json = mapper.writeValueAsString(resolution);

        assertThat(mapper.readValue(json, Resolution.class)).isEqualTo(resolution);
        assertThat(mapper.readTree(json).get("kind").asText()).isEqualTo(conflict.kind().wireName());
        assertThat(resolution.kind()).isEqualTo(conflict.kind());
        assertThat(resolution.rule()).isNotBlank();
        assertThat(resolution.reason()).isNotBlank();
    }

    @Test
    void concurrentResolutionsEachGetTheirOwnSession() {
        List<ConflictCase> all = IntStream.range(0, 40).boxed().flatMap(i -> cases()).toList();
        List<Resolution> sequential = all.stream().map(ARBITER::resolve).toList();

        List<Resolution> parallel = all.parallelStream().map(ARBITER::resolve).toList();

        assertThat(parallel).isEqualTo(sequential);
    }

    @Test
    void twoRulesDecidingOneContenderIsADefectNamingBoth() {
        ConflictArbiter defective = new DroolsConflictArbiter(new TestRules("drl/conflicts-defects.drl"));
        assertThatThrownBy(() -> defective.resolveResource(ResourceContention.of(asking("a", 1, 0, "x"),
                asking("b", 1, 1, "x")))).isInstanceOfSatisfying(CeException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL);
                    assertThat(e.getMessage()).contains("'everyone-proceeds'", "'everyone-proceeds-again'",
                            "all decided whether a proceeds or waits");
                    assertThat(e.fix()).contains("rules/conflicts.drl", "exclude each other");
                });
    }

    @Test
    void noRuleDecidingIsADefectSayingWhat() {
        ConflictArbiter defective = new DroolsConflictArbiter(new TestRules("drl/conflicts-defects.drl"));
        assertThatThrownBy(() -> defective.resolveQuality(ReviewPanel.of("t", Review.of("r", ReviewVerdict.APPROVE))))
                .isInstanceOfSatisfying(CeException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL);
                    assertThat(e.getMessage()).isEqualTo("No conflict rule decided what the reviews of t add up to.");
                    assertThat(e.fix()).contains("add a rule or widen a condition");
                });
    }

    @Test
    void aRuleThatThrowsIsADefectNamingTheConflict() {
        ConflictArbiter defective = new DroolsConflictArbiter(new TestRules("drl/conflicts-defects.drl"));
        assertThatThrownBy(() -> defective.resolveTimeline(RunningTask.of("t", "build", "builders", 1, 1)))
                .isInstanceOfSatisfying(CeException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL);
                    assertThat(e.getMessage()).startsWith("The conflict rules failed on the timeline of t:")
                            .contains("boom");
                });
    }

    @Test
    void aWaitThatNobodyEndsIsADefect() {
        ConflictArbiter defective = new DroolsConflictArbiter(new TestRules("drl/conflicts-wait-forever.drl"));
        assertThatThrownBy(() -> defective.resolveResource(ResourceContention.of(asking("a", 1, 0, "x"),
                asking("b", 1, 1, "x")))).isInstanceOfSatisfying(CeException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL);
                    assertThat(e.getMessage()).isEqualTo("The conflict rule 'everyone-waits' makes a wait, but no"
                            + " contender it shares files with proceeds, so it would wait forever.");
                });
    }
}
