package dev.pce.rules.authoring;

import dev.pce.engine.dependency.ClassifiedEdge;
import dev.pce.engine.model.TaskSpec;
import dev.pce.rules.CompiledDrl;
import dev.pce.rules.dependency.DependencyRules;
import dev.pce.rules.dependency.DroolsDependencyClassifier;
import dev.pce.rules.conflict.ConflictRules;
import dev.pce.rules.gate.GateRules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Local rule files the authoring tests write, and the plan that shows which rules ran. */
final class RuleTexts {

    private RuleTexts() {
    }

    /** A dependency rule: a docs task waits for every build it is not ordered with. */
    static String docsRule(String name) {
        return """
                package dev.pce.rules.dependency;

                import dev.pce.rules.dependency.OrderGraph.Stage;

                // Documentation describes what was built.
                rule "%s"
                when
                    TaskFact($docs : id, kind == "docs")
                    TaskFact($build : id, kind == "implement")
                    OrderGraph(stage == Stage.DECLARED, !reaches($build, $docs), !reaches($docs, $build))
                then
                    Decisions.hard(kcontext, $build, $docs, "'" + $docs + "' documents what '" + $build + "' builds");
                end
                """.formatted(name);
    }

    /** Replaces the built-in rule coverage-library: 90% line coverage for a library. */
    static final String STRICTER_LIBRARY_COVERAGE = """
            package dev.pce.rules.gate;

            import dev.pce.engine.gate.ProjectType;

            rule "coverage-library"
            when
                Project(type == ProjectType.LIBRARY)
            then
                String why = "our library moves money";
                lineCoverage(kcontext).atLeastPercent(90).because(why).insert();
                branchCoverage(kcontext).atLeastPercent(80).because(why).insert();
            end
            """;

    /** A build and a docs task the plan leaves unordered. */
    static final List<TaskSpec> BUILD_AND_DOCS = List.of(
            TaskSpec.builder("build", "implement").build(),
            TaskSpec.builder("guide", "docs").build());

    /** The rules that decided the plan's edges. */
    static List<String> rulesDeciding(CompiledDrl dependencyRules) {
        return new DroolsDependencyClassifier(dependencyRules).classify(BUILD_AND_DOCS).stream()
                .map(ClassifiedEdge::rule).toList();
    }

    static Path write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
