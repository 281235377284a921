package dev.pce.rules.authoring;

import dev.pce.rules.CompiledDrl;
import org.kie.api.KieBase;

import java.nio.file.Path;
import java.util.List;

/** The outcome of compiling built-in rule sets layered with local rule files: every set compiled, or the problems. */
public sealed interface Compilation permits Compilation.Compiled, Compilation.Failed {

    /** The local rule files it read. */
    List<Path> files();

    /**
     * @param bases      one per rule set asked for, in the order asked
     * @param localRules every rule of the local files, in file order
     */
    record Compiled(List<Path> files, List<LayeredBase> bases, List<LocalRule> localRules) implements Compilation {
        public Compiled {
            files = List.copyOf(files);
            bases = List.copyOf(bases);
            localRules = List.copyOf(localRules);
        }

        /** The compiled rules of one set. */
        public KieBase kieBaseOf(CompiledDrl ruleSet) {
            return bases.stream().filter(base -> base.ruleSet() == ruleSet).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(
                            "the " + ruleSet.description() + " were not compiled"))
                    .kieBase();
        }
    }

    /** @param problems every problem found, by file and line */
    record Failed(List<Path> files, List<DrlProblem> problems) implements Compilation {
        public Failed {
            files = List.copyOf(files);
            problems = List.copyOf(problems);
        }
    }

    /**
     * One rule set's compiled rules.
     *
     * @param builtInRules how many rules the built-in DRL has, before local rules replaced any
     * @param rules        how many rules it has now
     */
    record LayeredBase(CompiledDrl ruleSet, KieBase kieBase, int builtInRules, int rules) {
    }

    /**
     * A rule of a local file.
     *
     * @param source          the file, as the caller named it
     * @param line            where the rule starts
     * @param ruleSet         the built-in set it joins
     * @param replacesBuiltIn whether a built-in rule has its name, and it replaces that rule
     */
    record LocalRule(String source, int line, String name, CompiledDrl ruleSet, boolean replacesBuiltIn) {
    }
}
