package dev.pce.rules.dependency;

import dev.pce.engine.dependency.PlanNote;
import dev.pce.engine.model.TaskSpec;
import dev.pce.rules.CompiledDrl;
import dev.pce.rules.authoring.Compilation;
import dev.pce.rules.authoring.LayeredCompiler;
import dev.pce.rules.authoring.RuleSets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kie.api.KieBase;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The classifier leaves out the PathWithin facts of written paths, and the hard edges of plain dependencies into tasks
 * that are no reviews, only where no rule could match them: the built-in rules test paths for reads first, and look
 * at decided edges only into reviews; a project's own rule on written directories, or on edges, sees every one, as
 * before.
 */
class RuleReachTest {

    @Test
    void theBuiltInRulesNeverSeeAWrittenPathsDirectories() {
        assertThat(RuleReach.seesWrittenPaths(DependencyRules.shared().kieBase())).isFalse();
    }

    @Test
    void aProjectRuleOnWrittenDirectoriesSeesThem(@TempDir Path dir) throws IOException {
        Path drl = Files.writeString(dir.resolve("writes-under-src.drl"), """
                package dev.pce.rules.dependency;

                rule "writes-under-src"
                when
                    PathWithin($task : task, mode == AccessMode.WRITE, directory == "src/")
                then
                    Decisions.note(kcontext, $task, "'" + $task + "' writes under src/");
                end
                """);
        Compilation compiled = new LayeredCompiler(RuleSets.builtIn()).compile(List.of(drl));
        assertThat(compiled).isInstanceOf(Compilation.Compiled.class);
        KieBase layered = ((Compilation.Compiled) compiled).kieBaseOf(DependencyRules.shared());
        assertThat(RuleReach.seesWrittenPaths(layered)).isTrue();

        CompiledDrl rules = new CompiledDrl(DependencyRules.DRL, "dependency rules with a project's own") {
        };
        rules.replace(layered);
        Classification result = new DroolsDependencyClassifier(rules).classifyWithNotes(List.of(
                TaskSpec.builder("a", "build").writes("src/A.java").build(),
                TaskSpec.builder("b", "docs").writes("docs/guide.md").build()));
        assertThat(result.notes()).extracting(PlanNote::text).containsExactly("'a' writes under src/");
    }

    @Test
    void theBuiltInRulesSeeDecidedEdgesOnlyIntoReviews() {
        assertThat(RuleReach.seesEdgesOnlyIntoReviews(DependencyRules.shared().kieBase())).isTrue();
    }

    @Test
    void aProjectRuleOnDecidedEdgesSeesEveryPlainDependency(@TempDir Path dir) throws IOException {
        Path drl = Files.writeString(dir.resolve("edges-noted.drl"), """
                package dev.pce.rules.dependency;

                import dev.pce.engine.dependency.ClassifiedEdge;

                rule "edges-noted"
                when
                    ClassifiedEdge($a : from, $b : to)
                then
                    Decisions.note(kcontext, $b, "'" + $b + "' follows '" + $a + "'");
                end
                """);
        Compilation compiled = new LayeredCompiler(RuleSets.builtIn()).compile(List.of(drl));
        assertThat(compiled).isInstanceOf(Compilation.Compiled.class);
        KieBase layered = ((Compilation.Compiled) compiled).kieBaseOf(DependencyRules.shared());
        assertThat(RuleReach.seesEdgesOnlyIntoReviews(layered)).isFalse();

        CompiledDrl rules = new CompiledDrl(DependencyRules.DRL, "dependency rules with a project's own") {
        };
        rules.replace(layered);
        Classification result = new DroolsDependencyClassifier(rules).classifyWithNotes(List.of(
                TaskSpec.builder("a", "build").build(),
                TaskSpec.builder("b", "build").dependsOn("a").build(),
                TaskSpec.builder("c", "test").dependsOn("b").build()));
        assertThat(result.notes()).extracting(PlanNote::text)
                .containsExactly("'b' follows 'a'", "'c' follows 'b'");
    }
}
