package dev.pce.rules.authoring;

import dev.pce.rules.CompiledDrl;
import dev.pce.rules.dependency.DependencyRules;
import dev.pce.rules.conflict.ConflictRules;
import dev.pce.rules.gate.GateRules;

import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The rule sets a project's rules can join. A local DRL file joins the one whose built-in DRL declares the same
 * {@code package}. A new built-in rule set that projects may extend becomes a component here.
 */
public record RuleSets(CompiledDrl dependencies, CompiledDrl gates, CompiledDrl conflicts) {
    public RuleSets {
        Objects.requireNonNull(dependencies, "dependencies");
        Objects.requireNonNull(gates, "gates");
        Objects.requireNonNull(conflicts, "conflicts");
    }

    /** The process-wide built-in rule sets, which the server and the gates use. */
    public static RuleSets builtIn() {
        return new RuleSets(DependencyRules.shared(), GateRules.shared(), ConflictRules.shared());
    }

    public List<CompiledDrl> all() {
        return List.of(dependencies, gates, conflicts);
    }

    /** The same sets, each passed through {@code change}. */
    RuleSets map(UnaryOperator<CompiledDrl> change) {
        return new RuleSets(change.apply(dependencies), change.apply(gates), change.apply(conflicts));
    }
}
