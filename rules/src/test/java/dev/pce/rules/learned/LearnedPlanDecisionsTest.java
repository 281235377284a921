package dev.pce.rules.learned;

import dev.pce.engine.Cancellation;
import dev.pce.engine.dependency.EstimateDecision;
import dev.pce.engine.dependency.PlanDecisions;
import dev.pce.engine.dependency.ReviewDemand;
import dev.pce.engine.gate.Dimension;
import dev.pce.engine.learning.Pattern;
import dev.pce.engine.learning.PatternOrigin;
import dev.pce.engine.model.TaskSpec;
import dev.pce.engine.workflow.PlanValidator;
import dev.pce.rules.authoring.RuleSets;
import dev.pce.rules.dependency.Classification;
import dev.pce.rules.dependency.DroolsDependencyClassifier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static dev.pce.rules.learned.LearnedPatterns.estimateBias;
import static dev.pce.rules.learned.LearnedPatterns.review;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** The learned templates' rules decide through Drools: typed decisions, not only notes, with their version. */
class LearnedPlanDecisionsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-05-01T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path workspace;

    private final RuleSets ruleSets = LearnedPatterns.freshRuleSets();
    private LearnedRules learned;

    @BeforeEach
    void learnedRules() {
        learned = new LearnedRules(LearnedRuleStore.inWorkspace(workspace), ruleSets, List::of,
                LearnedTemplates.builtIn(), CLOCK);
    }

    private static final List<TaskSpec> PLAN = List.of(
            TaskSpec.builder("add-orders-table", "schema").pool("builders").writes("db/migrations/V7__orders.sql")
                    .build(),
            TaskSpec.builder("move-data", "migration").pool("builders").estimate(20).build(),
            TaskSpec.builder("docs", "schema").pool("builders").writes("docs/schema.md").build());

    private Classification classify() {
        return new DroolsDependencyClassifier(ruleSets.dependencies()).classifyWithNotes(PLAN);
    }

    @Test
    void anEstimateBiasRuleDecidesTheEstimateWithTheLearnedFactorAndConfidenceToFourFigures() {
        Pattern.EstimateBias bias = new Pattern.EstimateBias("migration", 1.6412, 9, 0.7531, List.of("wf-1"),
                LearnedPatterns.ORIGIN);
        learned.learn(List.of(bias));

        assertThat(classify().estimates()).extracting(EstimateDecision::task, EstimateDecision::factor,
                EstimateDecision::confidence, EstimateDecision::rule)
                .containsExactly(tuple("move-data", 1.641, 0.7531, "learned:estimate:migration"));
        assertThat(classify().estimates().getFirst().reason())
                .isEqualTo("kind 'migration' took 1.64x its estimates (9 samples, confidence 0.75)");
    }

    @Test
    void aReviewRequirementRuleDemandsAReviewOfTheTasksWritingUnderItsPathOnly() {
        learned.learn(List.of(review("schema", "db/migrations/")));

        assertThat(classify().reviews()).extracting(ReviewDemand::task, ReviewDemand::dimension, ReviewDemand::rule)
                .containsExactly(tuple("add-orders-table", Dimension.SECURITY,
                        "learned:review:schema:db/migrations/:security"));
        assertThat(classify().reviews().getFirst().reason()).contains("kept failing review on security");
    }

    @Test
    void aReviewRequirementDecidesALargePlanOnItsFirstAndLaterClassifications() {
        // Drools compiles a constraint to bytecode after it was evaluated often (20 times); its code for the
        // template's "str[startsWith]" called a method Drools 10.2 does not have, and the classification died with a
        // NoSuchMethodError, an Error no caller catches (ce_plan never answered)
        learned.learn(List.of(review("build", "src/")));
        List<TaskSpec> builds = java.util.stream.IntStream.range(0, 200).mapToObj(i -> TaskSpec.builder("build-" + i,
                "build").pool("builders").writes("src/feature" + i + "/Feature.java").build()).toList();
        DroolsDependencyClassifier classifier = new DroolsDependencyClassifier(ruleSets.dependencies());

        for (int plan = 0; plan < 3; plan++) {
            assertThat(classifier.classifyWithNotes(builds).reviews()).hasSize(200);
        }
    }

    @Test
    void withoutLearnedRulesNothingIsDecided() {
        Classification plain = classify();

        assertThat(plain.estimates()).isEmpty();
        assertThat(plain.reviews()).isEmpty();
        assertThat(learned.versionInForce()).isEmpty();
        assertThat(learned.hasLearned()).isFalse();
    }

    @Test
    void theDeciderNamesTheVersionInForceAndWhereAnImportedPatternCameFrom() {
        learned.learn(List.of(review("schema", "db/migrations/")));
        Pattern.EstimateBias imported = new Pattern.EstimateBias("migration", 1.6, 5, 0.4, List.of("wf-1", "wf-2"),
                new PatternOrigin("billing", true, false));
        learned.learn(List.of(review("schema", "db/migrations/"), imported));
        LearnedPlanDecider decider = new LearnedPlanDecider(new DroolsDependencyClassifier(ruleSets.dependencies()),
                learned);

        PlanDecisions decisions = decider.decide(PlanValidator.validate("g", PLAN), Cancellation.none());

        assertThat(decider.mayDecide()).isTrue();
        assertThat(decisions.rulesVersion()).hasValue(2);
        assertThat(decisions.estimates().getFirst().reason())
                .endsWith("; learned from 2 workflow(s), imported from billing");
        assertThat(decisions.reviews()).hasSize(1);
    }

    @Test
    void aRuleSetBuiltAtStartWithTheLearnedVersionPutsItInForce() {
        learned.learn(List.of(estimateBias("migration", 1.6)));
        RuleSets restartedSets = LearnedPatterns.freshRuleSets();
        LearnedRules restarted = new LearnedRules(LearnedRuleStore.inWorkspace(workspace), restartedSets, List::of,
                LearnedTemplates.builtIn(), CLOCK);
        restarted.joinNextBuilds();

        assertThat(new DroolsDependencyClassifier(restartedSets.dependencies()).classifyWithNotes(PLAN).estimates())
                .hasSize(1);
        assertThat(restarted.versionInForce()).map(LearnedVersion::version).hasValue(1);
    }
}
