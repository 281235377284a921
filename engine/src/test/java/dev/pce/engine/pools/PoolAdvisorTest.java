package dev.pce.engine.pools;

import com.fasterxml.jackson.databind.node.NullNode;
import dev.pce.engine.Cancellation;
import dev.pce.engine.model.TaskSpec;
import dev.pce.engine.service.ClaimResult;
import dev.pce.engine.service.PlanResult;
import dev.pce.engine.testing.ServiceTestBase;
import dev.pce.engine.workflow.CompleteCommand;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The advisor on a real workspace: history read from the logs, the recommendation applied only when set to. */
class PoolAdvisorTest extends ServiceTestBase {

    @Test
    void aPlanGetsARecommendationOnlyOnceAWorkflowHasFinished() {
        PoolAdvisor advisor = new PoolAdvisor(workspace, SizingPolicy.DEFAULT, clock);
        PoolAdvisor.Advice before = advisor.forPlan();
        String first = plan(List.of(TaskSpec.builder("build", "build").estimate(10).build(),
                TaskSpec.builder("review", "review").estimate(5).dependsOn("build").build()), before).workflowId();
        assertThat(before.recommendation()).isEmpty();
        PoolAdvisor.Advice running = advisor.forPlan();
        plan(bottleneck(), running);
        assertThat(running.recommendation()).as("a running workflow is no history").isEmpty();

        finish(first);
        PoolAdvisor.Advice after = advisor.forPlan();
        PlanResult plan = plan(bottleneck(), after);

        PoolRecommendation recommendation = after.recommendation().orElseThrow();
        assertThat(recommendation.basedOnWorkflows()).isEqualTo(1);
        assertThat(recommendation.recommended()).isEqualTo(Map.of("builders", 4, "reviewers", 1));
        assertThat(recommendation.applied()).isFalse();
        assertThat(plan.schedule().etaMinutes()).as("scheduled on the configured 3 builders").isEqualTo(100);
    }

    @Test
    void withApplyOnThePlanIsScheduledWithTheRecommendedAgents() {
        String first = plan(List.of(TaskSpec.builder("build", "build").estimate(10).build()),
                advice(SizingPolicy.DEFAULT)).workflowId();
        finish(first);
        PoolAdvisor.Advice advice = advice(new SizingPolicy(true, 0, 0.05, 10));

        PlanResult plan = plan(bottleneck(), advice);

        assertThat(advice.recommendation().orElseThrow().applied()).isTrue();
        assertThat(plan.schedule().etaMinutes()).as("4 builders: two rounds and the review").isEqualTo(70);
        assertThat(service.status(plan.workflowId()).schedule().orElseThrow().etaMinutes())
                .as("the live schedule too").isEqualTo(70);
    }

    private PoolAdvisor.Advice advice(SizingPolicy policy) {
        return new PoolAdvisor(workspace, policy, clock).forPlan();
    }

    private PlanResult plan(List<TaskSpec> tasks, PoolAdvisor.Advice advice) {
        return service.plan("goal", tasks, "planner", Map.of(), Cancellation.none(), advice);
    }

    /** 8 builds of 30 minutes, then a review of 10. */
    private static List<TaskSpec> bottleneck() {
        List<TaskSpec> tasks = new ArrayList<>();
        String[] builds = new String[8];
        for (int i = 0; i < builds.length; i++) {
            builds[i] = "build-" + i;
            tasks.add(TaskSpec.builder(builds[i], "build").estimate(30).build());
        }
        tasks.add(TaskSpec.builder("review", "review").estimate(10).dependsOn(builds).build());
        return tasks;
    }

    private void finish(String workflowId) {
        for (String pool : List.of("planners", "builders", "reviewers")) {
            while (true) {
                ClaimResult claim = service.claim(workflowId, pool, pool + "-1", Optional.empty(),
                        Duration.ofHours(1));
                if (!claim.claimed()) {
                    break;
                }
                clock.advance(Duration.ofMinutes(10));
                service.complete(workflowId, new CompleteCommand(claim.task().orElseThrow().spec().id(),
                        claim.task().orElseThrow().claimId(), pool + "-1", "done", List.of(), NullNode.getInstance()));
            }
        }
    }
}
