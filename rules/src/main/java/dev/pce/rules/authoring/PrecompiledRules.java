package dev.pce.rules.authoring;

import dev.pce.rules.CompiledDrl;
import org.kie.api.KieBase;

/** A rule set whose rules were compiled elsewhere (layered), for classifiers and policies that take a rule set. */
final class PrecompiledRules extends CompiledDrl {
    PrecompiledRules(CompiledDrl builtIn, KieBase compiled) {
        super(builtIn.drl(), builtIn.description());
        replace(compiled);
    }
}
