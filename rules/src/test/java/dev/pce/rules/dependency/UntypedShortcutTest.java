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

/**
 * Plain declared dependencies skip the rule engine only where the compiled rules show that nothing but the built-in
 * rule declared-untyped-is-hard sees them, and that it decides as the shortcut does; a project's rule that sees them,
 * or replaces the built-in rule, puts every dependency through the rules again, and its decisions count.
 */
class UntypedShortcutTest {
    private static final List<TaskSpec> PLAN = List.of(
            TaskSpec.builder("a", "build").build(),
            TaskSpec.builder("b", "test").dependsOn("a").build());

    @Test
    void theBuiltInRulesLetTheShortcutDecide() {
        assertThat(UntypedShortcut.applies(DependencyRules.shared().kieBase())).isTrue();
        assertThat(new DroolsDependencyClassifier().classify(PLAN)).containsExactly(new ClassifiedEdge("a", "b",
                EdgeClass.HARD, "'b' depends on 'a' (no type declared, so it needs 'a' finished)",
                "declared-untyped-is-hard", ""));
    }

    @Test
    void aProjectRuleOnUntypedDependenciesSeesThem(@TempDir Path dir) throws IOException {
        KieBase layered = layered(dir, """
                package dev.pce.rules.dependency;

                rule "untyped-noted"
                when
                    DeclaredDependency($b : to, typeName == "untyped")
                then
                    Decisions.note(kcontext, $b, "'" + $b + "' declared no type");
                end
                """);
        assertThat(UntypedShortcut.applies(layered)).isFalse();
        assertThat(classifier(layered).classifyWithNotes(PLAN).notes()).extracting(note -> note.text())
                .containsExactly("'b' declared no type");
    }

    @Test
    void aProjectRuleOnEveryDependencySeesThem(@TempDir Path dir) throws IOException {
        KieBase layered = layered(dir, """
                package dev.pce.rules.dependency;

                rule "every-dependency-noted"
                when
                    DeclaredDependency($b : to)
                then
                    Decisions.note(kcontext, $b, "'" + $b + "' declared a dependency");
                end
                """);
        assertThat(UntypedShortcut.applies(layered)).isFalse();
        assertThat(classifier(layered).classifyWithNotes(PLAN).notes()).extracting(note -> note.text())
                .containsExactly("'b' declared a dependency");
    }

    @Test
    void aProjectRuleReplacingTheBuiltInOneDecides(@TempDir Path dir) throws IOException {
        KieBase layered = layered(dir, """
                package dev.pce.rules.dependency;

                rule "declared-untyped-is-hard"
                when
                    DeclaredDependency($a : from, $b : to, typeName == "untyped")
                then
                    Decisions.soft(kcontext, $a, $b, "this project lets untyped dependents start early");
                end
                """);
        assertThat(UntypedShortcut.applies(layered)).isFalse();
        assertThat(classifier(layered).classify(PLAN)).extracting(ClassifiedEdge::edgeClass, ClassifiedEdge::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(EdgeClass.SOFT,
                        "this project lets untyped dependents start early"));
    }

    private static KieBase layered(Path dir, String drl) throws IOException {
        return LayeredRules.kieBase(dir, drl);
    }

    private static DroolsDependencyClassifier classifier(KieBase layered) {
        return LayeredRules.classifier(layered);
    }
}
