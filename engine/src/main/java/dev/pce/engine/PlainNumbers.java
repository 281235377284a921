package dev.pce.engine;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Numbers rounded for people: a factor of 1.75, not 1.7500000000000002; about 35 minutes, not 34.98. Texts and the
 * values a person reads in an answer go through here; the stored values keep their precision.
 */
public final class PlainNumbers {

    private PlainNumbers() {
    }

    /** {@code value} to {@code places} decimals, half up; NaN and infinities as they are. */
    public static double decimals(double value, int places) {
        return Double.isFinite(value) ? BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP).doubleValue()
                : value;
    }

    /** {@code value} to {@code significant} figures, half up (30.1 for 30.14, 0.00501 for 0.0050123). */
    public static double rounded(double value, int significant) {
        return Double.isFinite(value) ? BigDecimal.valueOf(value)
                .round(new MathContext(significant, RoundingMode.HALF_UP)).doubleValue() : value;
    }

    /** {@code value} to {@code significant} figures as plain decimal text, never an exponent: "30.1", "0.0000899". */
    public static String figures(double value, int significant) {
        return Double.isFinite(value) ? BigDecimal.valueOf(value).round(new MathContext(significant,
                RoundingMode.HALF_UP)).stripTrailingZeros().toPlainString() : Double.toString(value);
    }
}
