package dev.pce.server.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pce.engine.Limits;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoadPlanTest {

    @Test
    void thePlanReachesTheTransitionsAskedForWithRoomForTheAbandonedClaims() {
        LoadPlan plan = LoadPlan.generate(5, 40, 10_000, 1);

        int abandoned = (int) plan.abandonedClaims().stream().filter(claim -> claim > 0).count();
        assertThat(abandoned).isEqualTo(10);
        int byFates = plan.failures().values().stream().mapToInt(fails -> 2 + 2 * fails).sum();
        assertThat(plan.plannedTransitions()).isEqualTo(byFates).isGreaterThanOrEqualTo(10_000 + 4 * abandoned);
        assertThat(plan.failures().values()).contains(0, 1, 2).allSatisfy(fails -> assertThat(fails).isBetween(0, 2));
        assertThat(plan.tasks()).isEqualTo(plan.request().path("tasks").size());
    }

    @Test
    void tasksSpreadOverFivePoolsDependOnTheLayerBeforeAndPairsShareFiles() {
        LoadPlan plan = LoadPlan.generate(5, 40, 2_000, 1);
        int width = 80;

        assertThat(plan.pools()).containsExactly("planners", "builders", "reviewers", "testers", "docs-writers");
        Map<String, Integer> perPool = new HashMap<>();
        Map<String, Set<String>> writers = new HashMap<>();
        for (JsonNode task : plan.request().path("tasks")) {
            int n = Integer.parseInt(task.path("id").asText().substring(1));
            perPool.merge(task.path("pool").asText(), 1, Integer::sum);
            for (JsonNode dependency : task.path("depends_on")) {
                int d = Integer.parseInt(dependency.asText().substring(1));
                assertThat(d / width).as("%s depends on %s", n, d).isEqualTo(n / width - 1);
            }
            task.path("writes").forEach(file -> writers.computeIfAbsent(file.asText(), f -> new HashSet<>())
                    .add(task.path("pool").asText()));
        }
        assertThat(perPool).hasSize(5).allSatisfy((pool, count) -> assertThat(count).isGreaterThan(150));
        assertThat(writers).isNotEmpty().allSatisfy((file, pools) -> assertThat(pools).hasSize(2));
    }

    @Test
    void theSameSeedMakesTheSamePlan() {
        assertThat(LoadPlan.generate(5, 40, 2_000, 7)).isEqualTo(LoadPlan.generate(5, 40, 2_000, 7));
        assertThat(LoadPlan.generate(5, 40, 2_000, 7).failures())
                .isNotEqualTo(LoadPlan.generate(5, 40, 2_000, 8).failures());
    }

    @Test
    void sizesBeyondOnePlanAndNonsenseOptionsAreRefusedWithTheOptionNamed() {
        assertThatThrownBy(() -> LoadPlan.generate(5, 40, 50 * Limits.MAX_TASKS, 1))
                .hasMessageContaining("--transitions").hasMessageContaining("ask for fewer");
        assertThatThrownBy(() -> new LoadOptions(8, 5, List.of(41), 10_000, 1))
                .hasMessage("--processes must be 1 to the number of agents (40), not 41");
        assertThatThrownBy(() -> new LoadOptions(0, 5, List.of(5), 10_000, 1)).hasMessageContaining("--agents");
        assertThatThrownBy(() -> new LoadOptions(8, 27, List.of(5), 10_000, 1)).hasMessageContaining("--pools");
    }
}
