package dev.pce.rules.learned;

import java.util.Objects;

/**
 * A pattern's value that may not fill a template slot. The value is never escaped and inserted instead: a pattern
 * whose value does not validate yields no rule at all.
 *
 * @param pattern the pattern's key (which may itself hold the hostile value: it is only ever printed, never
 *                rendered into DRL)
 * @param slot    the template slot ("kind", "pathPrefix", "threshold")
 * @param value   the rejected value, quoted so control characters show
 * @param allowed what the slot accepts
 */
public record SlotRejection(String pattern, String slot, String value, String allowed) {
    public SlotRejection {
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(slot, "slot");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(allowed, "allowed");
    }

    /** "pattern 'estimate:x': slot kind: "x\"" is not allowed; a kind is ... Fix the pattern at its origin." */
    public String describe() {
        return "pattern " + Slots.quote(pattern) + ": slot " + slot + ": " + value + " is not allowed; " + allowed
                + ". Correct or drop the pattern at its origin; no rule was generated from it.";
    }
}
