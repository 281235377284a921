package dev.pce.engine.learning;

import dev.pce.engine.dependency.PlanNote;
import dev.pce.engine.gate.Dimension;
import dev.pce.engine.knowledge.NoteRef;
import dev.pce.engine.learning.PlanPredictions.Prediction;
import dev.pce.engine.model.TaskSpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** ce_predict as an engine use case: learned patterns in a real store, notes in memory, rules' notes given. */
class PlanPredictionsTest {
    @TempDir
    Path dir;

    private PatternStore patterns;

    private final List<TaskSpec> plan = List.of(
            TaskSpec.builder("login", "build").title("Refresh the auth token on login").estimate(30)
                    .description("Tokens expire during checkout.").writes("src/auth/Token.java").build(),
            TaskSpec.builder("signup", "build").title("Add a signup form").estimate(20).writes("web/signup.html")
                    .build(),
            TaskSpec.builder("docs", "docs").title("Write the user guide").estimate(10).build());

    /** The dependency rules' notes: one of a learned rule, one of a built-in rule. */
    private final Function<List<TaskSpec>, List<PlanNote>> ruleNotes = tasks -> List.of(
            new PlanNote("login", "Tasks writing under src/auth get a security review",
                    "learned:review:build:src/auth:security"),
            new PlanNote("docs", "Nothing produces the interface it consumes", "interface-without-producer"));

    @BeforeEach
    void learnedPatterns() {
        patterns = new PatternStore(dir.resolve("patterns.json"));
        patterns.mergeLocal(List.of(
                new Pattern.EstimateBias("build", 2.0, 4, 0.8, List.of("wf-1"), PatternOrigin.local("shop")),
                new Pattern.ReviewRequirement("build", "src/auth", Dimension.SECURITY, 2, 0.6, List.of("wf-2"),
                        PatternOrigin.local("shop"))));
    }

    @Test
    void eachTaskGetsThePatternsAndPastFailuresThatConcernItWithTheirNotes() {
        MemoryKnowledge knowledge = MemoryKnowledge.of("shop", "billing");
        NoteRef bias = knowledge.add("shop", "pattern", "build takes 2.00x its estimate", "From wf-1.").note();
        NoteRef olderBias = knowledge.add("billing", "pattern", "build takes 1.60x its estimate", "From wf-0.").note();
        knowledge.add("shop", "pattern", "builds are slow", "Not this pattern's note.");
        NoteRef review = knowledge.add("shop", "pattern", "build writing under src/auth needs a security review",
                "From wf-2.").note();
        NoteRef failure = knowledge.add("shop", "failure", "Token refresh broke login", "The auth token expired "
                + "during checkout.").note();
        knowledge.add("shop", "insight", "Refresh tokens early", "An auth token refresh on login helps.");

        List<Prediction> predictions = new PlanPredictions(patterns, ruleNotes, knowledge).predict(plan);

        assertThat(predictions).extracting(Prediction::taskId, Prediction::kind).containsExactly(
                tuple("login", "rule"), tuple("login", "estimate"), tuple("login", "review"),
                tuple("login", "failure"), tuple("signup", "estimate"));
        assertThat(predictions.get(0).message()).isEqualTo("Tasks writing under src/auth get a security review "
                + "(rule learned:review:build:src/auth:security)");
        assertThat(predictions.get(1).message()).isEqualTo("tasks of kind 'build' took 2.00x their estimate "
                + "(4 samples, confidence 0.80): expect about 60 minutes, estimated 30");
        assertThat(predictions.get(1).evidence()).containsExactly(bias, olderBias);
        assertThat(predictions.get(2).message()).isEqualTo("tasks of kind 'build' writing under src/auth needed "
                + "security rework 2 time(s): plan a security review of this task early");
        assertThat(predictions.get(2).evidence()).containsExactly(review);
        assertThat(predictions.get(3).message()).isEqualTo("past failures like this task: Token refresh broke login");
        assertThat(predictions.get(3).evidence()).containsExactly(failure);
        assertThat(predictions.get(4).evidence()).containsExactly(bias, olderBias);
        // one search for each pattern's notes, however many tasks it concerns, and one per task for failures
        assertThat(knowledge.searches).isEqualTo(2 + plan.size());
    }

    @Test
    void withoutAnOpenStoreThePredictionsComeFromThePatternsAloneWithoutNotes() {
        List<Prediction> predictions = new PlanPredictions(patterns, ruleNotes, MemoryKnowledge.unopened())
                .predict(plan);

        assertThat(predictions).extracting(Prediction::taskId, Prediction::kind).containsExactly(
                tuple("login", "rule"), tuple("login", "estimate"), tuple("login", "review"),
                tuple("signup", "estimate"));
        assertThat(predictions).allSatisfy(prediction -> assertThat(prediction.evidence()).isEmpty());
    }
}
