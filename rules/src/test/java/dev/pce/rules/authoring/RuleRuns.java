package dev.pce.rules.authoring;

import dev.pce.engine.dependency.ClassifiedEdge;
import dev.pce.engine.model.TaskSpec;
import dev.pce.rules.CompiledDrl;
import dev.pce.rules.conflict.ConflictRules;
import dev.pce.rules.dependency.DependencyRules;
import dev.pce.rules.dependency.DroolsDependencyClassifier;
import dev.pce.rules.gate.GateRules;

import java.util.List;

/**
 * The plan that shows which dependency rules ran, and rule sets of the authoring tests' own. The rule files they
 * write are the shared {@link dev.pce.testing.LocalRuleFiles}.
 */
final class RuleRuns {

    /** A build and a docs task the plan leaves unordered. */
    static final List<TaskSpec> BUILD_AND_DOCS = List.of(
            TaskSpec.builder("build", "implement").build(),
            TaskSpec.builder("guide", "docs").build());

    private RuleRuns() {
    }

    /** The rules that decided the plan's edges. */
    static List<String> rulesDeciding(CompiledDrl dependencyRules) {
        return new DroolsDependencyClassifier(dependencyRules).classify(BUILD_AND_DOCS).stream()
                .map(ClassifiedEdge::rule).toList();
    }

    /** Fresh rule sets on the built-in DRLs, so a test may swap their rules without touching the shared ones. */
    static RuleSets freshRuleSets() {
        return new RuleSets(new TestRules(DependencyRules.DRL, "dependency rules"),
                new TestRules(GateRules.DRL, "gate rules"), new TestRules(ConflictRules.DRL, "conflict rules"));
    }

    static final class TestRules extends CompiledDrl {
        TestRules(String drl, String description) {
            super(drl, description);
        }
    }
}
