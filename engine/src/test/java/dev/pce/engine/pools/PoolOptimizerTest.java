package dev.pce.engine.pools;

import dev.pce.engine.ErrorCode;
import dev.pce.engine.dependency.ClassifiedEdge;
import dev.pce.engine.model.EdgeClass;
import dev.pce.engine.model.Pools;
import dev.pce.engine.model.TaskSpec;
import dev.pce.engine.schedule.PoolSlots;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.pce.engine.testing.Errors.assertError;
import static org.assertj.core.api.Assertions.assertThat;

class PoolOptimizerTest {
    private static final PoolHistory ONE_WORKFLOW = new PoolHistory(1, Map.of(), Map.of());

    /** {@code builds} independent 30-minute builds, then {@code reviews} 10-minute reviews each after all builds. */
    private static Plan plan(int builds, int reviews) {
        List<TaskSpec> tasks = new ArrayList<>();
        List<ClassifiedEdge> edges = new ArrayList<>();
        for (int b = 0; b < builds; b++) {
            tasks.add(TaskSpec.builder("build-" + b, "build").pool(Pools.BUILDERS).estimate(30).build());
        }
        for (int r = 0; r < reviews; r++) {
            String review = "review-" + r;
            tasks.add(TaskSpec.builder(review, "review").pool(Pools.REVIEWERS).estimate(10).build());
            for (int b = 0; b < builds; b++) {
                edges.add(new ClassifiedEdge("build-" + b, review, EdgeClass.HARD, "", "", ""));
            }
        }
        return new Plan(tasks, edges);
    }

    private record Plan(List<TaskSpec> tasks, List<ClassifiedEdge> edges) {
    }

    @Test
    void theBottleneckPoolGetsTheAgentOfAnIdlePoolAndTheMakespanGainIsPredicted() {
        Plan plan = plan(12, 1); // builders 3 -> 4 x 30 min each; one review leaves a reviewer idle throughout

        PoolRecommendation recommendation = PoolOptimizer.recommend(plan.tasks(), plan.edges(), PoolSlots.defaults(),
                ONE_WORKFLOW, SizingPolicy.DEFAULT);

        assertThat(recommendation.current()).isEqualTo(Map.of("builders", 3, "reviewers", 2));
        assertThat(recommendation.recommended()).isEqualTo(Map.of("builders", 4, "reviewers", 1));
        assertThat(recommendation.currentMakespanMinutes()).isEqualTo(130.0); // 4 rounds of 30, then the review
        assertThat(recommendation.recommendedMakespanMinutes()).isEqualTo(100.0);
        assertThat(recommendation.gainMinutes()).isEqualTo(30.0);
        assertThat(recommendation.gainPercent()).isEqualTo(23.1);
        assertThat(recommendation.budget()).contains("same total of 5 agent(s)");
        assertThat(recommendation.pools()).filteredOn(advice -> advice.pool().equals("builders")).singleElement()
                .satisfies(advice -> assertThat(advice.reason()).startsWith("builders 3 -> 4 agent(s)")
                        .contains("of the critical path", "would be busy 92% of the time"));
        assertThat(recommendation.applied()).isFalse();
    }

    @Test
    void aPlanWhosePoolsAreNotShortOfAgentsKeepsItsSizes() {
        Plan plan = plan(3, 2); // three builds for three builders, two reviews for two reviewers

        PoolRecommendation recommendation = PoolOptimizer.recommend(plan.tasks(), plan.edges(), PoolSlots.defaults(),
                ONE_WORKFLOW, new SizingPolicy(false, 4, 0.05, 10));

        assertThat(recommendation.recommended()).isEqualTo(recommendation.current());
        assertThat(recommendation.changes()).isFalse();
        assertThat(recommendation.gainMinutes()).isZero();
        assertThat(recommendation.pools()).extracting(PoolRecommendation.PoolAdvice::reason)
                .anySatisfy(reason -> assertThat(reason).startsWith("reviewers stays at 2"));
    }

    @Test
    void historyThatBuildsRunLongMovesAnAgentToTheBuildersTheEstimatesAloneWouldNot() {
        // 8 builds of 30 for 3 builders, 4 reviews of 40 each after one of the first builds for 2 reviewers
        List<TaskSpec> tasks = new ArrayList<>(plan(8, 0).tasks());
        List<ClassifiedEdge> edges = new ArrayList<>();
        for (int r = 0; r < 4; r++) {
            tasks.add(TaskSpec.builder("review-" + r, "review").pool(Pools.REVIEWERS).estimate(40).build());
            edges.add(new ClassifiedEdge("build-" + r, "review-" + r, EdgeClass.HARD, "", "", ""));
        }
        PoolHistory buildsTakeTwice = new PoolHistory(3, Map.of(), Map.of("build", 2.0, "review", 0.5));

        PoolRecommendation byEstimates = PoolOptimizer.recommend(tasks, edges, PoolSlots.defaults(), ONE_WORKFLOW,
                SizingPolicy.DEFAULT);
        PoolRecommendation byHistory = PoolOptimizer.recommend(tasks, edges, PoolSlots.defaults(), buildsTakeTwice,
                SizingPolicy.DEFAULT);

        assertThat(byEstimates.changes()).isFalse();
        assertThat(byHistory.recommended()).isEqualTo(Map.of("builders", 4, "reviewers", 1));
        assertThat(byHistory.basedOnWorkflows()).isEqualTo(3);
        assertThat(byHistory.pools()).extracting(PoolRecommendation.PoolAdvice::reason)
                .anySatisfy(reason -> assertThat(reason).contains("history expects its work to take 2.0x the estimates"));
    }

    @Test
    void anExtraAgentIsAddedOnlyWhenItBuysTheRequiredShareOfTheMakespan() {
        Plan plan = plan(10, 1); // 3 builders: 4 rounds of builds; 4 builders: 3 rounds; 5: 2 rounds; 6: still 2

        PoolRecommendation generous = PoolOptimizer.recommend(plan.tasks(), plan.edges(), PoolSlots.defaults(),
                ONE_WORKFLOW, new SizingPolicy(false, 2, 0.05, 10));
        PoolRecommendation strict = PoolOptimizer.recommend(plan.tasks(), plan.edges(), PoolSlots.defaults(),
                ONE_WORKFLOW, new SizingPolicy(false, 2, 0.5, 10));

        // the move gives 4 builders (100 min), an extra one 5 (70 min); a sixth would buy nothing
        assertThat(generous.recommended()).isEqualTo(Map.of("builders", 5, "reviewers", 1));
        assertThat(generous.recommendedMakespanMinutes()).isEqualTo(70.0);
        assertThat(generous.budget()).contains("up to 2 extra agent(s)", "at least 5%");
        assertThat(strict.recommended()).isEqualTo(Map.of("builders", 4, "reviewers", 1));
    }

    @Test
    void noPoolIsRecommendedMoreAgentsThanThePolicyAllows() {
        Plan plan = plan(12, 1);

        PoolRecommendation capped = PoolOptimizer.recommend(plan.tasks(), plan.edges(), PoolSlots.defaults(),
                ONE_WORKFLOW, new SizingPolicy(false, 5, 0.01, 3));

        assertThat(capped.recommended()).isEqualTo(Map.of("builders", 3, "reviewers", 2));
    }

    @Test
    void badSettingsSayWhatIsAllowed() {
        assertError(ErrorCode.INVALID_ARGUMENT, () -> new SizingPolicy(true, -1, 0.05, 10), "extra_agents is -1",
                "from 0 to 100");
        assertError(ErrorCode.INVALID_ARGUMENT, () -> new SizingPolicy(true, 0, 0, 10), "min_gain_per_agent is 0.0",
                "above 0 and at most 1");
        assertError(ErrorCode.INVALID_ARGUMENT, () -> new SizingPolicy(true, 0, 0.05, 0), "max_agents_per_pool is 0");
    }
}
