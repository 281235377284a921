package dev.pce.rules.learned;

import dev.pce.engine.CeException;
import dev.pce.rules.CompiledDrl;
import dev.pce.rules.authoring.Compilation;
import dev.pce.rules.authoring.LayeredCompiler;
import dev.pce.rules.authoring.RuleSets;
import org.kie.api.KieBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One rule set's build with the project's rules and the current learned version layered over the built-in ones,
 * for a process that starts on a workspace that learned. Installed before anything asks for the rules
 * ({@link LearnedRules#joinNextBuilds()}), it makes whoever waits for them (the first {@code ce_plan} after start, a
 * {@code ce_gate}) wait for the learned ones too. Learned rules that no longer compile with today's rules are left
 * out, and the project's when those fail too; each fallback is logged with its problems.
 */
final class LearnedBuild implements Supplier<KieBase> {
    private static final Logger LOG = LoggerFactory.getLogger(LearnedBuild.class);

    private final CompiledDrl ruleSet;
    private final RuleSets ruleSets;
    private final Supplier<List<Path>> projectRuleFiles;
    private final LearnedRuleStore store;
    private final Consumer<Optional<LearnedVersion>> built;

    /** @param built told which learned version the build holds (empty when it had to leave them out) */
    LearnedBuild(CompiledDrl ruleSet, RuleSets ruleSets, Supplier<List<Path>> projectRuleFiles,
                 LearnedRuleStore store, Consumer<Optional<LearnedVersion>> built) {
        this.ruleSet = ruleSet;
        this.ruleSets = ruleSets;
        this.projectRuleFiles = projectRuleFiles;
        this.store = store;
        this.built = built;
    }

    @Override
    public KieBase get() {
        List<Path> project = read("the project's rule files", projectRuleFiles);
        Optional<LearnedVersion> current = Optional.empty();
        try {
            current = store.current();
        } catch (CeException e) {
            LOG.warn("The {} are built without learned rules: {}", ruleSet.description(), e.describe());
        }
        List<Path> withLearned = new ArrayList<>(project);
        current.ifPresent(version -> withLearned.addAll(store.ruleFiles(version)));
        LayeredCompiler compiler = new LayeredCompiler(ruleSets);
        for (List<Path> files : new LinkedHashSet<>(List.of(withLearned, project, List.<Path>of()))) {
            switch (compiler.compile(List.of(ruleSet), files)) {
                case Compilation.Compiled compiled -> {
                    boolean learned = files.equals(withLearned) && current.isPresent();
                    if (learned) {
                        LOG.info("The {} use learned rules version {}", ruleSet.description(),
                                current.get().version());
                    }
                    built.accept(learned ? current : Optional.empty());
                    return compiled.kieBaseOf(ruleSet);
                }
                case Compilation.Failed failed -> LOG.warn("The {} do not compile with {}; built without them: {}",
                        ruleSet.description(), files.equals(withLearned) && current.isPresent()
                                ? "learned rules version " + current.get().version() : "the project's rules",
                        failed.problems());
            }
        }
        throw new IllegalStateException("the built-in " + ruleSet.description() + " do not compile");
    }

    private List<Path> read(String what, Supplier<List<Path>> files) {
        try {
            return files.get();
        } catch (CeException e) {
            LOG.warn("The {} are built without {}: {}", ruleSet.description(), what, e.describe());
            return List.of();
        }
    }
}
