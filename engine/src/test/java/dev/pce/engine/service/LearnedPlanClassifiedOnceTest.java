package dev.pce.engine.service;

import dev.pce.engine.Cancellation;
import dev.pce.engine.dependency.ClassifiedEdge;
import dev.pce.engine.dependency.DeclaredEdges;
import dev.pce.engine.dependency.DependencyClassifier;
import dev.pce.engine.dependency.EstimateDecision;
import dev.pce.engine.dependency.PlanDecisions;
import dev.pce.engine.learning.LearnedPlanning;
import dev.pce.engine.learning.PlanDecider;
import dev.pce.engine.model.TaskSpec;
import dev.pce.engine.schedule.PoolSlots;
import dev.pce.engine.testing.Plans;
import dev.pce.engine.testing.ServiceTestBase;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.pce.engine.testing.Plans.task;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * ce_plan with learned rules, composed as the server does (the rules that decide the plan classify it with the
 * service's classifier): a plan the rules only re-estimate is classified once, not again when it is stored.
 */
class LearnedPlanClassifiedOnceTest extends ServiceTestBase {
    /** The declared relations, counting how often a plan is classified. */
    private static final class CountingClassifier implements DependencyClassifier {
        final AtomicInteger plans = new AtomicInteger();

        @Override
        public List<ClassifiedEdge> classify(List<TaskSpec> tasks) {
            plans.incrementAndGet();
            return new DeclaredEdges().classify(tasks);
        }
    }

    private final CountingClassifier classifier = new CountingClassifier();

    @Override
    protected WorkflowService newService() {
        return new WorkflowService(workspace, clock, classifier, PoolSlots.defaults());
    }

    /** Learned rules that find builds take 1.5x their estimates. */
    private final PlanDecider rules = new PlanDecider() {
        @Override
        public boolean mayDecide() {
            return true;
        }

        @Override
        public PlanDecisions decide(List<TaskSpec> tasks, Cancellation cancellation) {
            List<EstimateDecision> estimates = tasks.stream().filter(task -> task.kind().equals("build"))
                    .map(task -> new EstimateDecision(task.id(), 1.5, 1.0, "builds took 1.5x",
                            "learned:estimate:build")).toList();
            return new PlanDecisions(classifier.classify(tasks, cancellation), estimates, List.of(),
                    OptionalInt.of(1));
        }
    };

    @Test
    void aPlanTheLearnedRulesReEstimateIsClassifiedOnce() {
        List<TaskSpec> tasks = Plans.of(task("build").estimate(20), task("review").kind("review").estimate(5)
                .dependsOn("build"));

        LearnedPlanning.Amended amended = new LearnedPlanning(rules).amend("g", tasks, Cancellation.none());
        PlanResult plan = service.plan("g", amended.tasks(), "planner", amended.plannedEstimates(),
                Cancellation.none(), PoolChoice.CONFIGURED, amended.edges());

        assertThat(classifier.plans).as("classified by the rules' decision only").hasValue(1);
        assertThat(plan.edges()).isEqualTo(amended.edges().orElseThrow());
        assertThat(plan.tasks()).filteredOn(task -> task.id().equals("build")).singleElement()
                .satisfies(task -> assertThat(task.estimateMinutes()).isEqualTo(30));
    }

    @Test
    void withoutLearnedRulesThePlanIsClassifiedWhenStored() {
        List<TaskSpec> tasks = Plans.of(task("build"), task("review").kind("review").dependsOn("build"));

        LearnedPlanning.Amended amended = new LearnedPlanning(PlanDecider.NONE).amend("g", tasks,
                Cancellation.none());
        assertThat(amended.edges()).isEmpty();
        service.plan("g", amended.tasks(), "planner", amended.plannedEstimates(), Cancellation.none(),
                PoolChoice.CONFIGURED, amended.edges());

        assertThat(classifier.plans).hasValue(1);
    }
}
