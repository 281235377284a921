package dev.pce.engine.workflow;

import dev.pce.engine.CeException;
import dev.pce.engine.model.TaskSpec;
import dev.pce.engine.testing.Plans;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.pce.engine.ErrorCode.INVALID_PLAN;
import static dev.pce.engine.testing.Errors.assertError;
import static dev.pce.engine.testing.Errors.thrown;
import static dev.pce.engine.testing.Plans.task;
import static org.assertj.core.api.Assertions.assertThat;

class PlanValidatorTest {

    @Test
    void validPlanIsAcceptedUnchangedApartFromPools() {
        List<TaskSpec> plan = Plans.of(task("a"), task("b").dependsOn("a").pool("gpu-runners"));

        List<TaskSpec> validated = PlanValidator.validate("goal", plan);

        assertThat(validated).isEqualTo(plan);
    }

    @Test
    void missingPoolIsDerivedFromTheKind() {
        List<TaskSpec> plan = Plans.of(
                task("p").kind("design").pool(""), task("b").kind("Implement").pool(""),
                task("r").kind("security-review").pool(""), task("x").kind("exotic").pool("custom"));

        List<TaskSpec> validated = PlanValidator.validate("goal", plan);

        assertThat(validated).extracting(TaskSpec::pool).containsExactly("planners", "builders", "reviewers", "custom");
        assertThat(validated).extracting(TaskSpec::kind).containsExactly("design", "Implement", "security-review",
                "exotic");
    }

    @Test
    void unknownKindWithoutPoolIsRejectedListingKnownKinds() {
        assertError(INVALID_PLAN, () -> PlanValidator.validate("goal", Plans.of(task("a").kind("dance").pool(""))),
                "tasks[0] (id 'a'): kind 'dance' has no default pool", "review", "build");
    }

    @Test
    void emptyPlanIsRejected() {
        assertError(INVALID_PLAN, () -> PlanValidator.validate("goal", List.of()), "the plan has no tasks");
    }

    @Test
    void duplicateIdsAreRejectedNamingBothPositions() {
        assertError(INVALID_PLAN, () -> PlanValidator.validate("goal", Plans.of(task("a"), task("b"), task("a"))),
                "tasks[2] (id 'a'): duplicate id, already used by tasks[0]");
    }

    @Test
    void unknownDependencyIsRejected() {
        assertError(INVALID_PLAN,
                () -> PlanValidator.validate("goal", Plans.of(task("a"), task("b").dependsOn("a", "zz"))),
                "tasks[1] ('b') depends on unknown task 'zz'");
    }

    @Test
    void selfDependencyIsRejected() {
        assertError(INVALID_PLAN, () -> PlanValidator.validate("goal", Plans.of(task("a").dependsOn("a"))),
                "tasks[0] ('a') depends on itself");
    }

    @Test
    void cycleIsRejectedAndNamedInTheMessage() {
        assertError(INVALID_PLAN, () -> PlanValidator.validate("goal", Plans.of(
                        task("a").dependsOn("b"), task("b").dependsOn("c"), task("c").dependsOn("a"))),
                "dependency cycle: a -> b -> c -> a");
    }

    @Test
    void blankTitleIsRejected() {
        assertError(INVALID_PLAN, () -> PlanValidator.validate("goal", Plans.of(task("a").title("   "))),
                "tasks[0] (id 'a'): title is empty");
    }

    @Test
    void estimatesMustBePositiveFiniteAndAtMostAYear() {
        for (double bad : new double[] {0, -5, Double.NaN, Double.POSITIVE_INFINITY, 60.0 * 24 * 366}) {
            assertError(INVALID_PLAN, () -> PlanValidator.validate("goal", Plans.of(task("a").estimate(bad))),
                    "tasks[0] (id 'a'): estimate must be more than 0");
        }
        assertThat(PlanValidator.validate("goal", Plans.of(task("a").estimate(0.5)))).hasSize(1);
    }

    @Test
    void blankGoalIsRejected() {
        assertError(INVALID_PLAN, () -> PlanValidator.validate(" ", Plans.of(task("a"))), "goal is empty");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        CeException error = thrown(INVALID_PLAN, () -> PlanValidator.validate("", Plans.of(
                task("a").title(""), task("a").dependsOn("ghost"), task("c").estimate(-1))));

        assertThat(error.getMessage()).startsWith("Plan rejected: 5 problems:")
                .contains("goal is empty", "title is empty", "duplicate id", "unknown task 'ghost'", "estimate");
    }

    @Test
    void longListsOfProblemsAreCappedInTheMessage() {
        Plans.Task[] tasks = new Plans.Task[30];
        for (int i = 0; i < tasks.length; i++) {
            tasks[i] = task("t" + i).title("");
        }

        CeException error = thrown(INVALID_PLAN, () -> PlanValidator.validate("goal", Plans.of(tasks)));

        assertThat(error.getMessage()).contains("30 problems", "20) ", "and 10 more").doesNotContain("21) ");
    }
}
