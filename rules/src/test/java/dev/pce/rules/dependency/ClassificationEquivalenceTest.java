package dev.pce.rules.dependency;

import dev.pce.engine.Cancellation;
import dev.pce.engine.CeException;
import dev.pce.engine.Limits;
import dev.pce.engine.model.TaskSpec;
import dev.pce.engine.workflow.PlanValidator;
import dev.pce.rules.scenario.DependencyScenario;
import dev.pce.rules.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The classifier decides exactly what the path it replaced decided ({@link ReferenceClassifier}): the same edges in
 * the same order with the same rules and reasons, the same notes, estimates and reviews, or the same error, on the
 * rules' scenario files, on random small plans (including those the rules refuse) and on large generated plans.
 */
class ClassificationEquivalenceTest {
    private static final DroolsDependencyClassifier CLASSIFIER = new DroolsDependencyClassifier();
    private static final ReferenceClassifier REFERENCE = new ReferenceClassifier();
    private static final String RULES_CYCLE = "Plan rejected: The dependency rules ordered its tasks in a cycle";
    /** A random plan whose interfaces and upgraded soft edges close a cycle of five tasks. */
    private static final int RULES_CYCLE_SEED = 153;

    @Test
    void everyDependencyScenarioIsClassifiedAsBefore() {
        List<DependencyScenario> scenarios = ScenarioLoader.findFiles(Path.of("src/test/resources/scenarios")).stream()
                .flatMap(file -> ScenarioLoader.load(file).stream())
                .filter(DependencyScenario.class::isInstance).map(DependencyScenario.class::cast).toList();
        assertThat(scenarios).hasSizeGreaterThan(20);
        for (DependencyScenario scenario : scenarios) {
            assertSameOutcome(scenario.file() + " " + scenario.name(), scenario.given());
        }
    }

    @Test
    void randomPlansAreClassifiedAsBefore() {
        for (int seed = 0; seed < 400; seed++) {
            assertSameOutcome("random plan, seed " + seed, GeneratedPlans.random(new Random(seed)));
        }
    }

    @Test
    void largeGeneratedPlansAreClassifiedAsBefore() {
        for (long seed = 1; seed <= 3; seed++) {
            assertSameOutcome("generated plan, seed " + seed,
                    PlanValidator.validate("generated", GeneratedPlans.plan(3_000, seed)));
        }
        assertSameOutcome("features", PlanValidator.validate("features", GeneratedPlans.features(5_000)));
    }

    /**
     * Before, a cycle the rules made was reported with the edges in the order the session happened to hold them, so
     * the cycle named could differ from one run to the next; it is now found among the edges in the output's order.
     */
    @Test
    void aCycleTheRulesMakeIsReportedAlikeEveryTime() {
        List<TaskSpec> plan = GeneratedPlans.random(new Random(RULES_CYCLE_SEED));
        Set<String> messages = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            messages.add(outcome(() -> CLASSIFIER.classifyWithNotes(plan)).message());
        }
        assertThat(messages).singleElement().asString().startsWith(RULES_CYCLE);
    }

    private static void assertSameOutcome(String what, List<TaskSpec> tasks) {
        Outcome expected = outcome(() -> REFERENCE.classify(tasks, Cancellation.none(), Limits.MAX_WORKFLOW_EDGES));
        Outcome actual = outcome(() -> CLASSIFIER.classifyWithNotes(tasks));
        if (expected.message() != null && expected.message().startsWith(RULES_CYCLE)) {
            // which of the cycle's edges the reference named first depended on its session (see above)
            assertThat(actual.message()).as(what).startsWith(RULES_CYCLE);
            assertThat(actual.fix()).as(what).isEqualTo(expected.fix());
            return;
        }
        assertThat(actual).as(what).isEqualTo(expected);
    }

    private static Outcome outcome(Supplier<Classification> classify) {
        try {
            return new Outcome(classify.get(), null, null, null);
        } catch (CeException e) {
            return new Outcome(null, e.code().name(), e.getMessage(), e.fix());
        }
    }

    /** A classification, or the error's code, message and fix. */
    private record Outcome(Classification classification, String code, String message, String fix) {
    }
}
