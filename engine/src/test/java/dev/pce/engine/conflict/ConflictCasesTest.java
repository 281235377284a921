package dev.pce.engine.conflict;

import dev.pce.engine.gate.Dimension;
import dev.pce.engine.gate.Finding;
import dev.pce.engine.gate.FindingSeverity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The arbiter's inputs reject what cannot be decided, saying what to fix; the helpers do what they say. */
class ConflictCasesTest {
    private static final Instant NOW = Instant.parse("2025-01-01T09:00:00Z");

    private static Contender asking(String id, String... writes) {
        return Contender.requesting(id, "builders", 10, 0, NOW, List.of(writes));
    }

    @Test
    void aContentionNeedsTwoDistinctContenders() {
        assertThatThrownBy(() -> ResourceContention.of(asking("a", "x")))
                .hasMessageContaining("needs at least two contenders, got 1");
        assertThatThrownBy(() -> ResourceContention.of(asking("a", "x"), asking("a", "y")))
                .hasMessage("task a contends twice; list each task once");
        assertThat(ResourceContention.of(asking("a", "x"), asking("b", "x")).contender("b")).isPresent();
    }

    @Test
    void aContenderNeedsAUsableCriticalPathAndPlanOrder() {
        assertThatThrownBy(() -> Contender.requesting("a", "builders", -1, 0, NOW, List.of()))
                .hasMessageContaining("contender a: the critical path is -1.0 minutes");
        assertThatThrownBy(() -> Contender.requesting("a", "builders", Double.NaN, 0, NOW, List.of()))
                .hasMessageContaining("0 minutes or more");
        assertThatThrownBy(() -> Contender.requesting("a", "builders", 1, -2, NOW, List.of()))
                .hasMessageContaining("the plan order is -2");
        assertThatThrownBy(() -> Contender.requesting(" ", "builders", 1, 0, NOW, List.of()))
                .hasMessageContaining("no task id");
    }

    @Test
    void aPanelNeedsOneReviewPerReviewer() {
        assertThatThrownBy(() -> new ReviewPanel("t", List.of())).hasMessageContaining("task t has no reviews");
        assertThatThrownBy(() -> ReviewPanel.of("t", Review.of("r1", ReviewVerdict.APPROVE),
                Review.of("r1", ReviewVerdict.REJECT))).hasMessageContaining("reviewer r1 has two reviews");
    }

    @Test
    void aReviewKeepsItsDimensionVerdictsInDimensionOrder() {
        Review review = Review.of("r1", ReviewVerdict.APPROVE).on(Dimension.SECURITY, ReviewVerdict.REJECT)
                .on(Dimension.TESTS, ReviewVerdict.APPROVE);
        assertThat(review.dimensions().keySet()).containsExactly(Dimension.TESTS, Dimension.SECURITY);
        assertThat(new Review("r2", ReviewVerdict.REJECT, Map.of(), List.of()).dimensions()).isEmpty();
    }

    @Test
    void aFindingFromTheGateKeepsWhereItIsAndStartsUnresolved() {
        ReviewFinding finding = ReviewFinding.open(Finding.at(Dimension.SECURITY, "java/log-injection",
                FindingSeverity.HIGH, "src/Auth.java", 12, "token logged", "agent:r1"));
        assertThat(finding.resolved()).isFalse();
        assertThat(finding.asResolved().resolved()).isTrue();
        assertThat(finding.describe()).isEqualTo("src/Auth.java:12 high security: token logged");
    }

    @Test
    void aRunningTaskNeedsAnEstimateAndAFactorAboveOne() {
        assertThatThrownBy(() -> RunningTask.of("t", "build", "builders", 0, 5))
                .hasMessageContaining("task t: the estimate is 0.0 minutes");
        assertThatThrownBy(() -> RunningTask.of("t", "build", "builders", 10, -1))
                .hasMessageContaining("the elapsed time is -1.0 minutes");
        assertThatThrownBy(() -> RunningTask.of("t", "build", "builders", 10, 5).attempt(0))
                .hasMessageContaining("attempts count claims from 1");
        assertThatThrownBy(() -> RunningTask.of("t", "build", "builders", 10, 5).withOverrunFactor(1))
                .hasMessageContaining("k must be more than 1");
        assertThat(RunningTask.of("t", " Research ", "planners", 10, 25).taskKind()).isEqualTo("research");
        assertThat(RunningTask.of("t", "build", "builders", 10, 25).overrun()).isEqualTo(2.5);
    }

    @ParameterizedTest
    @CsvSource({"request-changes, REQUEST_CHANGES", "REQUEST_CHANGES, REQUEST_CHANGES", " approve , APPROVE"})
    void verdictsParseInAnyCaseWithDashOrUnderscore(String text, ReviewVerdict expected) {
        assertThat(ReviewVerdict.parse(text)).isEqualTo(expected);
    }

    @Test
    void anUnknownNameListsTheValidOnes() {
        assertThatThrownBy(() -> ReviewVerdict.parse("lgtm"))
                .hasMessage("unknown review verdict 'lgtm'; use one of approve, request_changes, reject");
        assertThatThrownBy(() -> ConflictKind.parse("schedule"))
                .hasMessage("unknown conflict kind 'schedule'; use one of resource, quality, timeline");
    }

    @Test
    void everyCaseKnowsItsKind() {
        assertThat(ResourceContention.of(asking("a", "x"), asking("b", "y")).kind()).isEqualTo(ConflictKind.RESOURCE);
        assertThat(ReviewPanel.of("t", Review.of("r", ReviewVerdict.APPROVE)).kind()).isEqualTo(ConflictKind.QUALITY);
        assertThat(RunningTask.of("t", "build", "builders", 1, 1).kind()).isEqualTo(ConflictKind.TIMELINE);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "src/A.java         | src/A.java        | src/A.java",
            "./src//A.java      | src/A.java        | src/A.java",
            "src/               | src/api/B.java    | src/api/B.java",
            "src/api/B.java     | src/              | src/api/B.java",
            "src/api/           | src/api/          | src/api/",
            "src/api            | src/api/B.java    | ''",
            "db:users           | db:users          | db:users",
            "src/A.java         | src/B.java        | ''"})
    void sharedFilesFollowTheDependencyRulesPathRules(String a, String b, String shared) {
        List<String> expected = shared.isEmpty() ? List.of() : List.of(shared);
        assertThat(FileOverlap.shared(List.of(a), List.of(b))).isEqualTo(expected);
        assertThat(FileOverlap.overlap(List.of(a), List.of(b))).isEqualTo(!expected.isEmpty());
    }

    @Test
    void sharedFilesAreSortedAndListedOnce() {
        assertThat(FileOverlap.shared(List.of("src/", "b.txt", ""), List.of("src/Z.java", "b.txt", "src/A.java",
                "src/A.java"))).containsExactly("b.txt", "src/A.java", "src/Z.java");
    }
}
