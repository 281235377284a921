package dev.pce.rules.dependency;

import dev.pce.rules.CompiledDrl;
import dev.pce.rules.authoring.Compilation;
import dev.pce.rules.authoring.LayeredCompiler;
import dev.pce.rules.authoring.RuleSets;
import org.kie.api.KieBase;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The built-in dependency rules with a project's own DRL on top, and a classifier that uses them. */
final class LayeredRules {
    private LayeredRules() {
    }

    static KieBase kieBase(Path dir, String drl) throws IOException {
        Path file = Files.writeString(dir.resolve("project.drl"), drl);
        Compilation compiled = new LayeredCompiler(RuleSets.builtIn()).compile(List.of(file));
        assertThat(compiled).isInstanceOf(Compilation.Compiled.class);
        return ((Compilation.Compiled) compiled).kieBaseOf(DependencyRules.shared());
    }

    static DroolsDependencyClassifier classifier(KieBase layered) {
        CompiledDrl rules = new CompiledDrl(DependencyRules.DRL, "dependency rules with a project's own") {
        };
        rules.replace(layered);
        return new DroolsDependencyClassifier(rules);
    }
}
