package dev.pce.rules.dependency;

import dev.pce.engine.dependency.ClassifiedEdge;
import dev.pce.engine.model.EdgeClass;
import dev.pce.engine.model.TaskSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kie.api.KieBase;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A review's plain dependency gets its feedback edge outside the rule engine only where the compiled rules show that
 * nothing but the built-in review-feedback could see the dependency's edge, and that it decides as the shortcut does;
 * a project's rule that sees edges, or replaces review-feedback, puts the edges through the rules again.
 */
class FeedbackShortcutTest {
    private static final List<TaskSpec> PLAN = List.of(
            TaskSpec.builder("build", "implement").build(),
            TaskSpec.builder("first-review", "review").dependsOn("build").build(),
            TaskSpec.builder("second-review", "review").dependsOn("first-review", "build").build());

    @Test
    void theBuiltInRulesLetTheShortcutDecide() {
        assertThat(FeedbackShortcut.applies(DependencyRules.shared().kieBase())).isTrue();
        assertThat(new DroolsDependencyClassifier().classify(PLAN))
                .filteredOn(edge -> edge.edgeClass() == EdgeClass.FEEDBACK)
                .containsExactlyInAnyOrder(
                        new ClassifiedEdge("build", "first-review", EdgeClass.FEEDBACK, "'first-review' reviews "
                                + "'build'; a failed review sends rework to the builders pool", "review-feedback", ""),
                        new ClassifiedEdge("build", "second-review", EdgeClass.FEEDBACK, "'second-review' reviews "
                                + "'build'; a failed review sends rework to the builders pool", "review-feedback", ""));
    }

    @Test
    void aProjectRuleOnEdgesTurnsItOff(@TempDir Path dir) throws IOException {
        KieBase layered = LayeredRules.kieBase(dir, """
                package dev.pce.rules.dependency;

                import dev.pce.engine.dependency.ClassifiedEdge;

                rule "edge-noted"
                when
                    ClassifiedEdge($b : to, rule == "declared-untyped-is-hard")
                then
                    Decisions.note(kcontext, $b, "'" + $b + "' waits");
                end
                """);
        assertThat(FeedbackShortcut.applies(layered)).isFalse();
        assertThat(LayeredRules.classifier(layered).classifyWithNotes(PLAN).edges())
                .filteredOn(edge -> edge.edgeClass() == EdgeClass.FEEDBACK).hasSize(2);
    }

    @Test
    void aProjectRuleReplacingReviewFeedbackDecides(@TempDir Path dir) throws IOException {
        KieBase layered = LayeredRules.kieBase(dir, """
                package dev.pce.rules.dependency;

                import dev.pce.engine.dependency.ClassifiedEdge;
                import dev.pce.engine.model.EdgeClass;

                rule "review-feedback"
                when
                    TaskFact($b : id, reviewer == true)
                    ClassifiedEdge($a : from, to == $b, edgeClass == EdgeClass.HARD)
                then
                    Decisions.feedback(kcontext, $a, $b, "this project sends every failed review back");
                end
                """);
        assertThat(FeedbackShortcut.applies(layered)).isFalse();
        assertThat(LayeredRules.classifier(layered).classify(PLAN))
                .filteredOn(edge -> edge.edgeClass() == EdgeClass.FEEDBACK)
                .extracting(ClassifiedEdge::from, ClassifiedEdge::to, ClassifiedEdge::reason)
                .containsExactlyInAnyOrder(
                        tuple("build", "first-review", "this project sends every failed review back"),
                        tuple("build", "second-review", "this project sends every failed review back"),
                        tuple("first-review", "second-review", "this project sends every failed review back"));
    }
}
