package dev.pce.rules.gate;

import dev.pce.engine.gate.Dimension;

/**
 * A dimension required from outside the rules, a fact for the rule "configured-requirement": the project's
 * configuration ({@code gates.required}) or a command that judges the dimension alone.
 *
 * @param origin where it comes from: ".ce/config.yml gates.required"
 */
public record ConfiguredRequirement(Dimension dimension, String origin) {
}
