package dev.pce.rules.conflict;

import dev.pce.engine.conflict.ConflictArbiter;
import dev.pce.engine.conflict.Contender;
import dev.pce.engine.conflict.ContenderOutcome;
import dev.pce.engine.conflict.FileOverlap;
import dev.pce.engine.conflict.QualityDecision;
import dev.pce.engine.conflict.QualityResolution;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The conflict rules against plain-Java statements of what docs/rules.md promises, on seeded random conflicts
 * (a failing seed reproduces). Changing a weight or factor in the DRL means changing it here and in the docs.
 */
class ConflictArbiterPropertiesTest {
    private static final ConflictArbiter ARBITER = new DroolsConflictArbiter();
    private static final List<String> FILES = List.of("src/A.java", "src/B.java", "src/", "docs/guide.md",
            "db:users", "pom.xml");
    private static final Instant NINE = Instant.parse("2025-01-01T09:00:00Z");

    static IntStream seeds() {
        return IntStream.rangeClosed(1, 60);
    }

    // ----- resource -----------------------------------------------------------------------------------------

    /** Holders keep their claims; then requesters, best first, take what no one already took. */
    private static List<String> greedyWinners(ResourceContention contention) {
        List<Contender> winners = new ArrayList<>(contention.contenders().stream().filter(Contender::holdsClaim)
                .toList());
        contention.contenders().stream().filter(c -> !c.holdsClaim())
                .sorted(Comparator.comparingDouble(Contender::criticalPathMinutes).reversed()
                        .thenComparingInt(Contender::planOrder).thenComparing(Contender::claimedAt)
                        .thenComparing(Contender::taskId))
                .forEach(requester -> {
                    if (winners.stream().noneMatch(w -> FileOverlap.overlap(w.writes(), requester.writes()))) {
                        winners.add(requester);
                    }
                });
        return contention.contenders().stream().filter(winners::contains).map(Contender::taskId).toList();
    }

    private static ResourceContention randomContention(Random random) {
        int size = 2 + random.nextInt(6);
        List<Contender> contenders = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            List<String> writes = IntStream.range(0, 1 + random.nextInt(3))
                    .mapToObj(n -> FILES.get(random.nextInt(FILES.size()))).distinct().toList();
            contenders.add(new Contender("t" + i, "builders", 10 * random.nextInt(3), random.nextInt(3),
                    random.nextDouble() < 0.25, NINE.plusSeconds(60L * random.nextInt(3)), writes));
        }
        return new ResourceContention(contenders);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void resourceWinnersAreTheGreedyChoiceAndEveryLoserWaitsForAWinner(int seed) {
        ResourceContention contention = randomContention(new Random(seed));

        ResourceResolution resolution = ARBITER.resolveResource(contention);

        assertThat(resolution.winners()).as("seed %d: %s", seed, contention).isEqualTo(greedyWinners(contention));
        assertThat(resolution.outcomes()).extracting(ContenderOutcome::taskId)
                .isEqualTo(contention.contenders().stream().map(Contender::taskId).toList());
        for (ContenderOutcome outcome : resolution.outcomes()) {
            Contender self = contention.contender(outcome.taskId()).orElseThrow();
            if (self.holdsClaim()) {
                assertThat(outcome.proceeds()).as("seed %d: holder %s is never pre-empted", seed, self.taskId())
                        .isTrue();
            }
            if (!outcome.proceeds()) {
                assertThat(outcome.waitsFor()).as("seed %d", seed).isNotEmpty().allSatisfy(winner -> {
                    assertThat(resolution.winners()).contains(winner);
                    assertThat(FileOverlap.overlap(self.writes(),
                            contention.contender(winner).orElseThrow().writes())).isTrue();
                });
                assertThat(outcome.files()).isNotEmpty();
            }
            assertThat(outcome.rule()).startsWith("resource-");
        }
    }

    // ----- quality ------------------------------------------------------------------------------------------

    private static final Map<FindingSeverity, Integer> FINDING_WEIGHT = new EnumMap<>(Map.of(
            FindingSeverity.CRITICAL, 8, FindingSeverity.HIGH, 4, FindingSeverity.MEDIUM, 2, FindingSeverity.LOW, 1,
            FindingSeverity.INFO, 0));
    private static final Map<ReviewVerdict, Integer> OBJECTION_WEIGHT = Map.of(ReviewVerdict.APPROVE, 0,
            ReviewVerdict.REQUEST_CHANGES, 2, ReviewVerdict.REJECT, 4);
    private static final int MARGIN = 1;
    private static final List<Dimension> BLOCKING = List.of(Dimension.TESTS, Dimension.COVERAGE, Dimension.LINT,
            Dimension.SECURITY);

    private record Balance(int approval, int objection, boolean split) {
        boolean close() {
            return Math.abs(approval - objection) <= MARGIN;
        }
    }

    /** The weights of verdicts (overall, or on {@code dimension}) and of the open findings they concern. */
    private static Balance balance(ReviewPanel panel, Dimension dimension) {
        int approval = 0;
        int objection = 0;
        boolean approved = false;
        boolean objected = false;
        for (Review review : panel.reviews()) {
            ReviewVerdict verdict = dimension == null ? review.verdict() : review.dimensions().get(dimension);
            if (verdict != null) {
                approval += verdict == ReviewVerdict.APPROVE ? 4 : 0;
                objection += OBJECTION_WEIGHT.get(verdict);
                approved |= !verdict.objects();
                objected |= verdict.objects();
            }
            for (ReviewFinding finding : review.findings()) {
                if (!finding.resolved() && (dimension == null || finding.dimension() == dimension)) {
                    objection += FINDING_WEIGHT.get(finding.severity());
                }
            }
        }
        return new Balance(approval, objection, approved && objected);
    }

    private static ReviewPanel randomPanel(Random random) {
        List<Review> reviews = new ArrayList<>();
        for (int r = 0; r < 1 + random.nextInt(4); r++) {
            ReviewVerdict[] verdicts = ReviewVerdict.values();
            Review review = Review.of("r" + r, verdicts[random.nextInt(verdicts.length)],
                    IntStream.range(0, random.nextInt(3)).mapToObj(n -> new ReviewFinding(
                            Dimension.values()[random.nextInt(Dimension.values().length)],
                            FindingSeverity.values()[random.nextInt(FindingSeverity.values().length)], "", 0, "",
                            random.nextDouble() < 0.3)).toArray(ReviewFinding[]::new));
            for (Dimension dimension : List.of(Dimension.TESTS, Dimension.SECURITY, Dimension.DOCS)) {
                if (random.nextDouble() < 0.3) {
                    review = review.on(dimension, verdicts[random.nextInt(verdicts.length)]);
                }
            }
            reviews.add(review);
        }
        return new ReviewPanel("task", reviews);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void qualityFollowsVetoThenBlockingSplitThenBalance(int seed) {
        ReviewPanel panel = randomPanel(new Random(seed));

        QualityResolution resolution = ARBITER.resolveQuality(panel);

        Balance overall = balance(panel, null);
        assertThat(resolution.approval()).as("seed %d: %s", seed, panel).isEqualTo(overall.approval());
        assertThat(resolution.objection()).as("seed %d", seed).isEqualTo(overall.objection());
        boolean vetoFinding = panel.reviews().stream().flatMap(review -> review.findings().stream())
                .anyMatch(f -> !f.resolved() && f.dimension() == Dimension.SECURITY
                        && f.severity().atLeast(FindingSeverity.HIGH));
        boolean vetoReject = panel.reviews().stream()
                .anyMatch(review -> review.dimensions().get(Dimension.SECURITY) == ReviewVerdict.REJECT);
        boolean closeSplit = BLOCKING.stream().map(dimension -> balance(panel, dimension))
                .anyMatch(balance -> balance.split() && balance.close());
        String expectedRule;
        QualityDecision expected;
        if (vetoFinding || vetoReject) {
            expected = QualityDecision.CHANGES_REQUIRED;
            expectedRule = vetoFinding ? "quality-security-veto-finding" : "quality-security-veto-reject";
        } else if (closeSplit) {
            expected = QualityDecision.ESCALATE;
            expectedRule = "quality-blocking-dimension-split";
        } else if (overall.close()) {
            expected = QualityDecision.ESCALATE;
            expectedRule = "quality-undecidable-escalates";
        } else if (overall.approval() > overall.objection()) {
            expected = QualityDecision.APPROVED;
            expectedRule = "quality-approval-outweighs";
        } else {
            expected = QualityDecision.CHANGES_REQUIRED;
            expectedRule = "quality-objection-outweighs";
        }
        assertThat(resolution.decision()).as("seed %d: %s", seed, resolution.reason()).isEqualTo(expected);
        assertThat(resolution.rule()).as("seed %d", seed).isEqualTo(expectedRule);
    }

    // ----- timeline -----------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"build", "research", "review", "fix", "plan"})
    void aTaskMovesFromOnTrackToWarningToRescheduleAndNeverBack(String kind) {
        double estimate = 20;
        TimelineDecision previous = TimelineDecision.ON_TRACK;
        for (double elapsed = 0; elapsed <= 100; elapsed += 0.5) {
            TimelineResolution resolution = ARBITER.resolveTimeline(RunningTask.of("t", kind, "x", estimate, elapsed));
            double k = resolution.factor();
            TimelineDecision expected = elapsed > k * estimate ? TimelineDecision.RESCHEDULE
                    : elapsed > (1 + k) / 2 * estimate ? TimelineDecision.WARN : TimelineDecision.ON_TRACK;
            assertThat(resolution.decision()).as("%s after %s minutes, k = %s", kind, elapsed, k).isEqualTo(expected);
            assertThat(resolution.decision().compareTo(previous)).isGreaterThanOrEqualTo(0);
            assertThat(resolution.proposedEstimateMinutes()).isEqualTo(expected == TimelineDecision.RESCHEDULE
                    ? Math.ceil(elapsed * 1.5) : estimate);
            assertThat(resolution.suggestion().isEmpty()).isEqualTo(expected == TimelineDecision.ON_TRACK);
            previous = resolution.decision();
        }
        assertThat(previous).isEqualTo(TimelineDecision.RESCHEDULE);
    }
}
