package dev.pce.engine.pools;

import dev.pce.engine.model.TaskSpec;
import dev.pce.engine.pools.KindOutcomes.Share;
import dev.pce.engine.schedule.OutcomeRates;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Which rate each kind of a plan gets: given ones win kind by kind, then a kind's own sample, then every kind's. */
class LearnedOutcomeRatesTest {
    private static final List<TaskSpec> PLAN = List.of(TaskSpec.builder("a", "build").build(),
            TaskSpec.builder("t", "test").build(), TaskSpec.builder("d", "docs").build(),
            TaskSpec.builder("r", "review").dependsOn("a", "t").build());
    /** build: 30 attempts, 6 failed; test: 5 attempts, 5 failed; reviews: 12, 3 asked for changes. */
    private static final PoolHistory HISTORY = new PoolHistory(5, Map.of(), Map.of(),
            new KindOutcomes(new Share(11, 47, 5), new Share(3, 12, 5)), Map.of(
            "build", new KindOutcomes(new Share(6, 30, 5), Share.NONE),
            "test", new KindOutcomes(new Share(5, 5, 2), Share.NONE),
            "review", new KindOutcomes(new Share(0, 12, 5), new Share(3, 12, 5))));

    @Test
    void aKindsOwnSampleWinsOverEveryKindsAndTooSmallAnAllKindsSampleLearnsNothing() {
        LearnedOutcomeRates.Choice choice = LearnedOutcomeRates.choose(PLAN, OutcomeRates.Parsed.NONE,
                OutcomeRates.Parsed.NONE, HISTORY);

        assertThat(choice.rates().failureOf("build")).isEqualTo(0.2);
        assertThat(choice.rates().failureOf("test")).as("5 attempts are too few: every kind's").isEqualTo(11 / 47.0);
        assertThat(choice.rates().reworkOf("review")).isEqualTo(0.25);
        assertThat(choice.failures()).extracting(LearnedOutcomeRates.Source::kind)
                .containsExactly("build", "docs", "review", "test");
        assertThat(choice.failures().getFirst().origin()).isEqualTo(new LearnedOutcomeRates.Learned(
                new Share(6, 30, 5), "attempts"));
        assertThat(choice.failures().getLast().origin().describe()).isEqualTo("learned from 47 attempts in 5 "
                + "workflows of every kind (this kind: 5 attempts in 2 workflows, fewer than the 20 a learned rate "
                + "needs)");

        PoolHistory small = new PoolHistory(1, Map.of(), Map.of(), new KindOutcomes(new Share(1, 3, 1),
                new Share(1, 1, 1)), Map.of("build", new KindOutcomes(new Share(1, 3, 1), Share.NONE)));
        LearnedOutcomeRates.Choice none = LearnedOutcomeRates.choose(PLAN, OutcomeRates.Parsed.NONE,
                OutcomeRates.Parsed.NONE, small);
        assertThat(none.rates().any()).isFalse();
        assertThat(none.failures().getFirst().origin().describe())
                .isEqualTo("none: 3 attempts in 1 workflow, fewer than the 20 a learned rate needs");
    }

    @Test
    void givenRatesWinKindByKindAndABareNumberWinsForEveryKindNotNamed() {
        LearnedOutcomeRates.Choice named = LearnedOutcomeRates.choose(PLAN,
                OutcomeRates.parse("test=0.5", "--failure-rate"), OutcomeRates.parse("0", "--rework-rate"), HISTORY);

        assertThat(named.rates().failureOf("test")).isEqualTo(0.5);
        assertThat(named.rates().failureOf("build")).as("learned").isEqualTo(0.2);
        assertThat(named.rates().reworkOf("review")).as("the bare 0 covers every kind").isZero();
        assertThat(named.rework().getFirst().origin()).isEqualTo(new LearnedOutcomeRates.Given("--rework-rate"));

        LearnedOutcomeRates.Choice bare = LearnedOutcomeRates.choose(PLAN,
                OutcomeRates.parse("0.1,test=0.5", "--failure-rate"), OutcomeRates.Parsed.NONE, HISTORY);
        assertThat(bare.rates().failureOf("build")).isEqualTo(0.1);
        assertThat(bare.rates().failureOf("test")).isEqualTo(0.5);
        assertThat(bare.failures()).allMatch(source -> source.origin() instanceof LearnedOutcomeRates.Given);
    }

    @Test
    void withoutHistoryTheRatesAreTheGivenOnes() {
        OutcomeRates.Parsed failures = OutcomeRates.parse("0.1,test=0.3", "--failure-rate");
        OutcomeRates.Parsed rework = OutcomeRates.parse("0.2", "--rework-rate");

        assertThat(LearnedOutcomeRates.choose(PLAN, failures, rework, PoolHistory.NONE).rates())
                .isEqualTo(OutcomeRates.of(failures, rework));
    }
}
