package dev.pce.engine.learning;

import java.util.Objects;

/**
 * A learned pattern that did not become a rule, and why: its value does not fit its rule template's slot, or the
 * rule made from it does not compile. The other patterns' rules are in force without it.
 *
 * @param pattern the pattern's key ("estimate:db migration")
 * @param reason  what is wrong and what is allowed, for a person to act on
 */
public record PatternRejection(String pattern, String reason) {
    public PatternRejection {
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(reason, "reason");
    }
}
