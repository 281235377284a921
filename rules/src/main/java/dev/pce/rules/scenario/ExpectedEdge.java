package dev.pce.rules.scenario;

import dev.pce.engine.dependency.ClassifiedEdge;
import dev.pce.engine.model.EdgeClass;

import java.util.Optional;

/**
 * An edge a scenario expects. {@code rule} and {@code resource} are checked only when the scenario gives them.
 */
public record ExpectedEdge(String from, String to, EdgeClass edgeClass, Optional<String> rule,
                           Optional<String> resource) {

    /** Same pair and class: the edge the scenario is talking about. */
    boolean sameEdge(ClassifiedEdge actual) {
        return from.equals(actual.from()) && to.equals(actual.to()) && edgeClass == actual.edgeClass();
    }

    /** Every given field agrees. */
    boolean matches(ClassifiedEdge actual) {
        return sameEdge(actual) && rule.map(actual.rule()::equals).orElse(true)
                && resource.map(actual.resource()::equals).orElse(true);
    }

    @Override
    public String toString() {
        return from + " -> " + to + " " + edgeClass.wireName() + rule.map(r -> " [" + r + "]").orElse("")
                + resource.map(r -> " on " + r).orElse("");
    }
}
