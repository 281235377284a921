package dev.pce.rules.dependency;

import dev.pce.rules.CompiledDrl;

/**
 * The compiled dependency rules (rules/dependencies.drl), built once per process and shared; each classification
 * opens its own session. See {@link CompiledDrl} for when they compile.
 */
public final class DependencyRules extends CompiledDrl {
    /** Class-path location of the DRL. */
    public static final String DRL = "rules/dependencies.drl";

    private static final DependencyRules SHARED = new DependencyRules();

    private DependencyRules() {
        super(DRL, "dependency rules");
    }

    /**
     * Compiled: the dependency rules evaluate a constraint per fact a plan has (tens of thousands), and their DRL uses
     * no operator that fails compiled.
     */
    @Override
    protected boolean compilesConstraints() {
        return true;
    }

    /** The process-wide instance. */
    public static DependencyRules shared() {
        return SHARED;
    }
}
