package dev.pce.rules.learned;

import dev.pce.engine.learning.Pattern;

import java.util.Objects;

/**
 * One learned pattern rendered as a DRL file. Its {@code package} line (from the template) decides the rule set it
 * joins, the way a project's own rule files join one.
 *
 * @param fileName the file it is stored as in a version ("001-gate-threshold.drl")
 * @param drl      the filled template
 */
public record LearnedRule(Pattern pattern, String fileName, String drl) {
    public LearnedRule {
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(drl, "drl");
    }
}
