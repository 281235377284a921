package dev.pce.engine.learning;

import dev.pce.engine.Cancellation;
import dev.pce.engine.dependency.DeclaredEdges;
import dev.pce.engine.dependency.EstimateDecision;
import dev.pce.engine.dependency.PlanDecisions;
import dev.pce.engine.dependency.ReviewDemand;
import dev.pce.engine.gate.Dimension;
import dev.pce.engine.model.EdgeClass;
import dev.pce.engine.model.TaskSpec;
import dev.pce.engine.dependency.ClassifiedEdge;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules' decisions applied to a plan: estimates corrected, early reviews added, each decision named. */
class LearnedPlanningTest {
    private static final String REVIEW_RULE = "learned:review:build:db/migrations/:security";
    private static final String ESTIMATE_RULE = "learned:estimate:build";

    /** Decides like the learned rules would: builds run 1.6x, builds writing db/migrations/ need security. */
    private static final class Rules implements PlanDecider {
        final List<List<TaskSpec>> asked = new ArrayList<>();

        @Override
        public boolean mayDecide() {
            return true;
        }

        @Override
        public PlanDecisions decide(List<TaskSpec> tasks, Cancellation cancellation) {
            asked.add(tasks);
            List<ClassifiedEdge> edges = new ArrayList<>(new DeclaredEdges().classify(tasks));
            // the rules' review-feedback: a review of a task it waits for
            for (ClassifiedEdge edge : List.copyOf(edges)) {
                TaskSpec to = tasks.stream().filter(t -> t.id().equals(edge.to())).findFirst().orElseThrow();
                if (to.pool().equals("reviewers")) {
                    edges.add(new ClassifiedEdge(edge.from(), edge.to(), EdgeClass.FEEDBACK, "reviews",
                            "review-feedback", ""));
                }
            }
            List<EstimateDecision> estimates = tasks.stream().filter(t -> t.kind().equals("build"))
                    .map(t -> new EstimateDecision(t.id(), 1.6, 0.75, "kind 'build' took 1.6x its estimates",
                            ESTIMATE_RULE)).toList();
            List<ReviewDemand> reviews = tasks.stream().filter(t -> t.kind().equals("build")
                    && t.writes().stream().anyMatch(path -> path.startsWith("db/migrations/")))
                    .map(t -> new ReviewDemand(t.id(), Dimension.SECURITY, "kept failing review on security",
                            REVIEW_RULE)).toList();
            return new PlanDecisions(edges, estimates, reviews, OptionalInt.of(3));
        }
    }

    private static List<TaskSpec> plan(TaskSpec... extra) {
        List<TaskSpec> tasks = new ArrayList<>(List.of(
                TaskSpec.builder("migrate", "build").estimate(20).writes("db/migrations/V2__orders.sql").build(),
                TaskSpec.builder("api", "build").estimate(10).dependsOn("migrate").build(),
                TaskSpec.builder("review", "review").estimate(5).dependsOn("api").build()));
        tasks.addAll(List.of(extra));
        return tasks;
    }

    private static TaskSpec task(LearnedPlanning.Amended amended, String id) {
        return amended.tasks().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void decidedEstimatesAreAppliedWeightedByConfidenceAndThePlannersOwnAreKept() {
        LearnedPlanning.Amended amended = new LearnedPlanning(new Rules()).amend("g", plan(), Cancellation.none());

        assertThat(task(amended, "migrate").estimateMinutes()).isEqualTo(29); // 20 x (1 + 0.6 x 0.75)
        assertThat(amended.plannedEstimates()).containsEntry("migrate", 20.0).containsEntry("api", 10.0)
                .doesNotContainKey("review");
        assertThat(amended.corrections()).extracting(EstimateCorrections.Correction::reason)
                .contains("kind 'build' took 1.6x its estimates: x1.45");
        assertThat(amended.decisions()).anySatisfy(decision -> {
            assertThat(decision.rule()).isEqualTo(ESTIMATE_RULE);
            assertThat(decision.rulesVersion()).hasValue(3);
            assertThat(decision.task()).isEqualTo("migrate");
            assertThat(decision.decision()).isEqualTo("estimate 20 -> 29 min (x1.45)");
        });
    }

    @Test
    void aDemandedReviewIsAddedAfterTheTaskAndBeforeItsDependents() {
        Rules rules = new Rules();
        LearnedPlanning.Amended amended = new LearnedPlanning(rules).amend("g", plan(), Cancellation.none());

        TaskSpec early = task(amended, "migrate-early-security-review");
        assertThat(early.pool()).isEqualTo("reviewers");
        assertThat(early.kind()).isEqualTo(EarlyReviews.KIND);
        assertThat(early.dependsOn()).containsExactly("migrate");
        assertThat(early.estimateMinutes()).isEqualTo(EarlyReviews.ESTIMATE_MINUTES);
        assertThat(task(amended, "api").dependsOn()).containsExactly("migrate", "migrate-early-security-review");
        assertThat(task(amended, "review").dependsOn()).containsExactly("api");
        assertThat(amended.decisions()).anySatisfy(decision -> {
            assertThat(decision.rule()).isEqualTo(REVIEW_RULE);
            assertThat(decision.rulesVersion()).hasValue(3);
            assertThat(decision.addedTask()).hasValue("migrate-early-security-review");
            assertThat(decision.decision()).contains("before 'api'");
        });
        assertThat(rules.asked).as("decided again with the review in the plan").hasSize(2);
        assertThat(amended.edges()).as("the second decision's relations, to store the plan with")
                .hasValueSatisfying(edges -> assertThat(edges).extracting(ClassifiedEdge::to)
                        .contains("migrate-early-security-review"));
    }

    @Test
    void aPlanThatReviewsTheTaskOnTheDimensionGetsNoEarlyReview() {
        TaskSpec security = TaskSpec.builder("migration-security-check", "audit").estimate(5)
                .title("Security check of the migration").dependsOn("migrate").build();

        LearnedPlanning.Amended amended = new LearnedPlanning(new Rules()).amend("g", plan(security),
                Cancellation.none());

        assertThat(amended.tasks()).extracting(TaskSpec::id).doesNotContain("migrate-early-security-review");
        assertThat(amended.decisions()).anySatisfy(decision -> assertThat(decision.decision())
                .isEqualTo("no early review: 'migration-security-check' reviews it on security already"));
    }

    @Test
    void withoutRulesThatMayDecideThePlanIsLeftAsGiven() {
        List<TaskSpec> tasks = plan();

        LearnedPlanning.Amended amended = new LearnedPlanning(PlanDecider.NONE).amend("g", tasks,
                Cancellation.none());

        assertThat(amended.tasks()).isSameAs(tasks);
        assertThat(amended.decisions()).isEmpty();
        assertThat(amended.plannedEstimates()).isEmpty();
    }

    @Test
    void theEarlyReviewIdAvoidsATakenOne() {
        TaskSpec taken = TaskSpec.builder("migrate-early-security-review", "docs").estimate(5).build();

        LearnedPlanning.Amended amended = new LearnedPlanning(new Rules()).amend("g", plan(taken),
                Cancellation.none());

        assertThat(amended.tasks()).extracting(TaskSpec::id).contains("migrate-early-security-review-2");
        assertThat(Optional.of(task(amended, "migrate-early-security-review-2").dependsOn()))
                .hasValue(List.of("migrate"));
    }
}
