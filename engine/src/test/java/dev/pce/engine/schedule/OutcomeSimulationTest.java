package dev.pce.engine.schedule;

import dev.pce.engine.CeException;
import dev.pce.engine.dependency.ClassifiedEdge;
import dev.pce.engine.model.Pools;
import dev.pce.engine.model.TaskSpec;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutcomeSimulationTest {
    private static final List<TaskSpec> TASKS = List.of(
            TaskSpec.builder("design", "design").pool(Pools.PLANNERS).estimate(10).build(),
            TaskSpec.builder("build-a", "implement").pool(Pools.BUILDERS).estimate(40).dependsOn("design").build(),
            TaskSpec.builder("build-b", "test").pool(Pools.BUILDERS).estimate(20).dependsOn("design").build(),
            TaskSpec.builder("review", "review").pool(Pools.REVIEWERS).estimate(10).dependsOn("build-a", "build-b")
                    .build(),
            TaskSpec.builder("release", "deploy").pool(Pools.BUILDERS).estimate(5).dependsOn("review").build());
    private static final List<ClassifiedEdge> EDGES = ClassifiedEdge.declaredOnly(TASKS);
    private static final PoolSlots SLOTS = PoolSlots.defaults();

    @Test
    void withoutFailuresOrReworkARunIsTheSimulationOfItsSeed() {
        DurationNoise noise = new DurationNoise(3, 0.3);

        OutcomeSimulation.Run run = OutcomeSimulation.run(TASKS, EDGES, SLOTS,
                new OutcomeDraws(noise, OutcomeRates.NONE, 3));

        assertThat(run.makespan()).isEqualTo(Simulation.run(TASKS, EDGES, SLOTS, noise).simulated().span());
        assertThat(run.retries()).isZero();
        assertThat(run.tasks()).isEqualTo(TASKS);
    }

    @Test
    void aReviewThatAsksForChangesAddsReworkAndAReReviewNamedAsTheServerNamesThem() {
        // every review asks for changes: three rounds, each reworking what the round before reworked
        OutcomeRates rates = new OutcomeRates(0, Map.of(), 1, Map.of());
        OutcomeSimulation.Run run = OutcomeSimulation.run(TASKS, EDGES, SLOTS,
                new OutcomeDraws(new DurationNoise(1, 0), rates, 3));

        assertThat(run.reworkRounds()).isEqualTo(OutcomeSimulation.MAX_REWORK_ROUNDS);
        assertThat(run.tasks()).extracting(TaskSpec::id).containsSubsequence("build-a-rework-1", "build-b-rework-1",
                "review-again-1", "build-a-rework-1-rework-1", "build-b-rework-1-rework-1", "review-again-1-again-1");
        // design 10, build-a 40, review 10, rework 20, again 10, rework 10, again 10, rework 5, again 10, release 5
        assertThat(run.makespan()).isEqualTo(130.0);
    }

    @Test
    void aFailedAttemptIsRunAgainAndTheLastAllowedAttemptNeverFails() {
        OutcomeRates rates = new OutcomeRates(1, Map.of(), 0, Map.of());
        OutcomeDraws draws = new OutcomeDraws(new DurationNoise(1, 0), rates, 2);

        OutcomeSimulation.Run run = OutcomeSimulation.run(TASKS, EDGES, SLOTS, draws);

        assertThat(run.retries()).isEqualTo(TASKS.size());
        assertThat(TASKS).allMatch(task -> draws.fails(task, 1)).noneMatch(task -> draws.fails(task, 2));
        assertThat(run.makespan()).as("every task on the critical path twice").isEqualTo(2 * 65.0);
    }

    @Test
    void theSpreadOrdersItsPercentilesAndFailuresOnlyEverAddTime() {
        OutcomeRates rates = new OutcomeRates(0.2, Map.of("test", 0.5), 0.3, Map.of());

        OutcomeSimulation.Spread spread = OutcomeSimulation.spread(TASKS, EDGES, SLOTS, 0.3, rates, 3, 1, 200);

        assertThat(spread.runs()).hasSize(200);
        assertThat(spread.makespan().p10()).isLessThanOrEqualTo(spread.makespan().p50());
        assertThat(spread.makespan().p50()).isLessThanOrEqualTo(spread.makespan().p90());
        assertThat(spread.makespan().p90()).isGreaterThan(spread.baseline().p90());
        assertThat(spread.meanRetries()).isPositive();
        assertThat(spread.meanReworkRounds()).isPositive();
        assertThat(spread.medianRun().makespan()).isEqualTo(spread.makespan().p50());
        assertThat(OutcomeSimulation.spread(TASKS, EDGES, SLOTS, 0.3, rates, 3, 1, 200).makespan())
                .as("the same seeds give the same spread").isEqualTo(spread.makespan());
    }

    @Test
    void ratesParseAsTheCommandLineGivesThemAndBadOnesSayHowToFixThem() {
        OutcomeRates.Parsed parsed = OutcomeRates.parse("0.1, test=0.3", "--failure-rate");

        assertThat(parsed).isEqualTo(new OutcomeRates.Parsed(OptionalDouble.of(0.1), Map.of("test", 0.3)));
        OutcomeRates rates = OutcomeRates.of(parsed, OutcomeRates.parse("", "--rework-rate"));
        assertThat(rates.failureOf("test")).isEqualTo(0.3);
        assertThat(rates.failureOf("build")).isEqualTo(0.1);
        assertThat(rates.reworkOf("review")).isZero();
        assertThatThrownBy(() -> OutcomeRates.parse("test=often", "--failure-rate")).isInstanceOf(CeException.class)
                .hasMessageContaining("'test=often' is not a rate");
        assertThatThrownBy(() -> OutcomeRates.parse("1.5", "--rework-rate")).isInstanceOf(CeException.class)
                .hasMessageContaining("'1.5' is out of range");
    }
}
