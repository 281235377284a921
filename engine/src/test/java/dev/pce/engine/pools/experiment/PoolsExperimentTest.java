package dev.pce.engine.pools.experiment;

import dev.pce.engine.pools.PoolHistory;
import dev.pce.engine.pools.PoolHistoryReader;
import dev.pce.engine.schedule.PoolSlots;
import dev.pce.engine.schedule.bench.RandomDags;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PoolsExperimentTest {

    @Test
    void sizesRecommendedFromHistoryBeatTheDefaultsOnHeldOutWorkflowsWithTheSameAgents() {
        PoolsExperiment.Result result = PoolsExperiment.run(20, 1, PoolWorld.defaults());

        assertThat(result.rows()).hasSize(20);
        assertThat(result.history().workflows()).isEqualTo(20);
        assertThat(result.meanFromHistory()).isLessThan(result.meanDefaults() * 0.95);
        assertThat(result.meanFromHistory()).isLessThan(result.meanPlanOnly());
        result.rows().forEach(row -> assertThat(row.fromHistory().pools().values().stream()
                .mapToInt(Integer::intValue).sum()).isEqualTo(6)); // planners 1 + builders 3 + reviewers 2
    }

    @Test
    void theHistoryReadFromARunsLogMeasuresTheHiddenWorld() {
        RandomDags.Dag dag = RandomDags.features(4, 7);
        PoolWorld buildsAlwaysFailOnce = new PoolWorld(PoolWorld.defaults().durationFactors(), Map.of("build", 1.0),
                0.25);
        SimulatedRun run = SimulatedRun.run("wf", dag.tasks(), dag.edges(), PoolSlots.defaults(),
                buildsAlwaysFailOnce, 7);
        int builds = (int) dag.tasks().stream().filter(task -> task.kind().equals("build")).count();
        int tests = 4;

        PoolHistory history = PoolHistoryReader.of(Map.of("wf", run.events()),
                SimulatedRun.START.plus(Duration.ofDays(60)));

        assertThat(history.workflows()).isEqualTo(1);
        assertThat(history.ratioOf("design")).isCloseTo(2.0, within(0.6));
        assertThat(history.ratioOf("review")).isCloseTo(0.7, within(0.25));
        PoolHistory.PoolRecord builders = history.pool("builders").orElseThrow();
        assertThat(builders.attempts()).isEqualTo(2 * builds + tests);
        assertThat(builders.failureRate()).isEqualTo((double) builds / (2 * builds + tests));
        assertThat(builders.overhead()).isGreaterThan(1.2); // a failed attempt is a third of a build's time
        assertThat(history.pool("planners").orElseThrow().waitShare()).isGreaterThan(0.3); // 4 designs, 1 agent
        assertThat(history.pool("reviewers").orElseThrow().failureRate()).isZero();
    }

    @Test
    void aRunningWorkflowIsNoHistoryYet() {
        RandomDags.Dag dag = RandomDags.features(2, 3);
        SimulatedRun run = SimulatedRun.run("wf", dag.tasks(), dag.edges(), PoolSlots.defaults(),
                PoolWorld.defaults(), 3);

        PoolHistory history = PoolHistoryReader.of(Map.of("wf", run.events().subList(0, run.events().size() - 1)),
                SimulatedRun.START.plus(Duration.ofDays(60)));

        assertThat(history.workflows()).isZero();
        assertThat(history.pools()).isEmpty();
    }
}
