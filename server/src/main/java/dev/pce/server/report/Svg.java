package dev.pce.server.report;

import java.util.Locale;

/** Numbers and the opening tag of the report's inline SVG charts. */
final class Svg {
    static final String NAMESPACE = "http://www.w3.org/2000/svg";

    private Svg() {
    }

    /** A coordinate with one decimal, whatever the default locale's decimal separator is. */
    static String num(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** {@code <svg ...>} of the given size, with a class and an accessible label. */
    static String open(String cssClass, double width, double height, String label) {
        return "<svg xmlns=\"" + NAMESPACE + "\" class=\"" + cssClass + "\" width=\"" + num(width) + "\" height=\""
                + num(height) + "\" viewBox=\"0 0 " + num(width) + " " + num(height) + "\" role=\"img\" aria-label=\""
                + Html.escape(label) + "\">";
    }

    /** A text element; {@code text} is escaped. */
    static String text(double x, double y, String cssClass, String text) {
        return "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\" class=\"" + cssClass + "\">" + Html.escape(text)
                + "</text>";
    }

    /**
     * A round step for axis ticks: at most {@code ticks} of them over {@code span} seconds, on values people
     * count in (1, 2, 5 x 10^k below a minute; whole minutes and hours above).
     */
    static double timeStep(double span, int ticks) {
        double wanted = span / ticks;
        double[] steps = {60, 120, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200, 86_400};
        if (wanted <= 30) {
            double magnitude = Math.pow(10, Math.floor(Math.log10(Math.max(wanted, 1e-3))));
            for (double factor : new double[] {1, 2, 5, 10}) {
                if (factor * magnitude >= wanted) {
                    return factor * magnitude;
                }
            }
        }
        for (double step : steps) {
            if (step >= wanted) {
                return step;
            }
        }
        return Math.ceil(wanted / 86_400) * 86_400;
    }
}
