package dev.pce.rules.gate;

import dev.pce.rules.CompiledDrl;

/**
 * The compiled gate rules (rules/gates.drl), built once per process and shared; each gate opens its own session.
 * See {@link CompiledDrl} for when they compile.
 */
public final class GateRules extends CompiledDrl {
    /** Class-path location of the DRL. */
    public static final String DRL = "rules/gates.drl";
    /** The DRL's package, where its rules are listed. */
    public static final String PACKAGE = "dev.pce.rules.gate";

    private static final GateRules SHARED = new GateRules();

    private GateRules() {
        super(DRL, "gate rules");
    }

    /** The process-wide instance. */
    public static GateRules shared() {
        return SHARED;
    }
}
