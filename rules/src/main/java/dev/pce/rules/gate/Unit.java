package dev.pce.rules.gate;

import java.util.Locale;

/**
 * What a criterion's metric counts, which decides how several reports of it combine and how it is written.
 */
public enum Unit {
    /** Whole things (failed tests, findings, approvals): reports add up. */
    COUNT,
    /** A share, 0..100 (coverage, pass rate, regression): the worst report counts. */
    PERCENT;

    /** The value as written in reasons: "3", "72.5%". */
    public String format(double value) {
        String number = value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%.2f", value).replaceAll("0+$", "").replaceAll("\\.$", "");
        return this == PERCENT ? number + "%" : number;
    }

    /** Whether {@code threshold} makes sense for this unit: 0..100 for a share, not negative for a count. */
    public boolean allows(double threshold) {
        return this == PERCENT ? threshold >= 0 && threshold <= 100 : threshold >= 0;
    }

    /** The allowed range, for error messages. */
    public String range() {
        return this == PERCENT ? "0 to 100" : "0 or more";
    }
}
