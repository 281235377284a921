package dev.pce.rules.gate;

import dev.pce.engine.gate.Dimension;

/**
 * A dimension the gate rules require to be measured: its required criteria block the gate while no evidence
 * measured them. Rules create them through {@link Criteria#require}, which stamps the rule's name.
 *
 * @param rule   the rule that requires it
 * @param reason why, shown in the reasons of its criteria
 */
public record Requirement(Dimension dimension, String rule, String reason) {

    /** "rule 'tests-required': a change nobody tested proves nothing", for sentences. */
    String describe() {
        return "rule '" + rule + "': " + reason;
    }
}
