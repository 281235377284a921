package dev.pce.engine.learning;

import dev.pce.engine.Cancellation;
import dev.pce.engine.dependency.DeclaredEdges;
import dev.pce.engine.dependency.EstimateDecision;
import dev.pce.engine.dependency.PlanDecisions;
import dev.pce.engine.dependency.ReviewDemand;
import dev.pce.engine.gate.Dimension;
import dev.pce.engine.model.TaskSpec;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

/** ce_plan's split suggestions: tasks longer than one session by the learned estimates, and learned-risky ones. */
class SplitSuggestionsTest {
    private static final String REVIEW_RULE = "learned:review:build:db/migrations/:security";

    /** Decides like learned rules would: builds run 1.6x (fully confident), builds writing migrations need security. */
    private static final PlanDecider LEARNED = new PlanDecider() {
        @Override
        public boolean mayDecide() {
            return true;
        }

        @Override
        public PlanDecisions decide(List<TaskSpec> tasks, Cancellation cancellation) {
            return new PlanDecisions(new DeclaredEdges().classify(tasks), tasks.stream()
                    .filter(task -> task.kind().equals("build"))
                    .map(task -> new EstimateDecision(task.id(), 1.6, 1.0, "builds took 1.6x", "learned:estimate:build"))
                    .toList(), tasks.stream().filter(task -> task.writes().stream()
                            .anyMatch(path -> path.startsWith("db/migrations/")))
                    .map(task -> new ReviewDemand(task.id(), Dimension.SECURITY, "kept failing review on security",
                            REVIEW_RULE)).toList(), OptionalInt.of(4));
        }
    };

    private static final List<TaskSpec> PLAN = List.of(
            TaskSpec.builder("migrate", "build").estimate(20).writes("db/migrations/V2__orders.sql").build(),
            TaskSpec.builder("api", "build").estimate(100).dependsOn("migrate").build(),
            TaskSpec.builder("docs", "docs").estimate(150).dependsOn("api").build(),
            TaskSpec.builder("review", "review").estimate(5).dependsOn("api").build());

    @Test
    void tasksLongerThanASessionByTheLearnedEstimatesAndLearnedRiskyOnesAreFlaggedWithTheirNumbers() {
        LearnedPlanning.Amended amended = new LearnedPlanning(LEARNED).amend("g", PLAN, Cancellation.none());

        List<SplitSuggestions.Suggestion> flagged = new SplitSuggestions(120).of(amended);

        assertThat(flagged).extracting(SplitSuggestions.Suggestion::task).containsExactly("migrate", "api", "docs");
        SplitSuggestions.Suggestion migrate = flagged.get(0);
        assertThat(migrate.reason()).startsWith("risky by learned patterns: ").contains("security");
        assertThat(migrate.rule()).contains(REVIEW_RULE);
        assertThat(migrate.estimateMinutes()).isEqualTo(32.0);
        SplitSuggestions.Suggestion api = flagged.get(1); // 100 planned, 160 learned: over the 120 of a session
        assertThat(api.estimateMinutes()).isEqualTo(160.0);
        assertThat(api.plannedMinutes()).contains(100.0);
        assertThat(api.parts()).isEqualTo(2);
        assertThat(api.reason()).contains("estimated 160 min (planned 100", "one agent session of 120 min");
        assertThat(flagged.get(2).plannedMinutes()).isEmpty(); // no learned correction for docs: long as planned
        assertThat(flagged.get(2).rule()).isEmpty();
    }

    @Test
    void aLongerSessionFlagsNothingWithoutLearnedRisk() {
        LearnedPlanning.Amended amended = new LearnedPlanning(PlanDecider.NONE).amend("g", PLAN, Cancellation.none());

        assertThat(new SplitSuggestions(240).of(amended)).isEmpty();
        assertThat(new SplitSuggestions(60).of(amended)).extracting(SplitSuggestions.Suggestion::task,
                SplitSuggestions.Suggestion::parts).containsExactly(org.assertj.core.groups.Tuple.tuple("api", 2),
                org.assertj.core.groups.Tuple.tuple("docs", 3));
    }
}
