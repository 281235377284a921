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

    /** "slot kind: "x\"" is not allowed; a kind is ... No rule was made from the pattern." */
    public String reason() {
        return "slot " + slot + ": " + value + " is not allowed; " + allowed + ". No rule was made from this pattern"
                + " (the other patterns' rules are in force); correct the value where it comes from: the plans' task"
                + " kinds and written paths, or the note it was imported from.";
    }

    /** "pattern 'estimate:x': slot kind: ...", for a line that names the pattern. */
    public String describe() {
        return "pattern " + Slots.quote(pattern) + ": " + reason();
    }
}
