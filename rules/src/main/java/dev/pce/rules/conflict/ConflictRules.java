package dev.pce.rules.conflict;

import dev.pce.rules.CompiledDrl;

/**
 * The compiled conflict rules (rules/conflicts.drl), built once per process and shared; each resolution opens its
 * own session. See {@link CompiledDrl} for when they compile.
 */
public final class ConflictRules extends CompiledDrl {
    /** Class-path location of the DRL. */
    public static final String DRL = "rules/conflicts.drl";
    /** The DRL's package, where its rules are listed. */
    public static final String PACKAGE = "dev.pce.rules.conflict";

    private static final ConflictRules SHARED = new ConflictRules();

    private ConflictRules() {
        super(DRL, "conflict rules");
    }

    /** The process-wide instance. */
    public static ConflictRules shared() {
        return SHARED;
    }
}
