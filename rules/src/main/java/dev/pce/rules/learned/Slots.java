package dev.pce.rules.learned;

import dev.pce.engine.PlainNumbers;
import dev.pce.engine.conflict.QualitySituation;
import dev.pce.engine.gate.Dimension;
import dev.pce.engine.gate.FindingSeverity;
import dev.pce.engine.gate.Metrics;
import dev.pce.engine.learning.Pattern.EstimateBias;
import dev.pce.rules.gate.Unit;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The typed slots learned patterns fill, each with its validation. A value that passes is safe inside a DRL string
 * literal and as a DRL number: identifiers and paths hold no quote, backslash, dollar, brace, space or line break,
 * and numbers are plain decimals. Anything else is a {@link SlotRejection}, never an escaped value.
 */
final class Slots {
    /** A task kind as plans name it: "migration", "api-endpoint". */
    static final Pattern KIND = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");
    static final String KIND_ALLOWED = "a kind is a letter followed by at most 63 letters, digits, '_' or '-'";

    /** A relative path prefix: segments of letters, digits, '_', '-', '.', joined by '/', optionally ending in '/'. */
    static final Pattern PATH_PREFIX = Pattern.compile("[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*/?");
    static final int PATH_PREFIX_MAX = 200;
    static final String PATH_PREFIX_ALLOWED = "a path prefix is relative (no leading '/'), at most " + PATH_PREFIX_MAX
            + " characters of letters, digits, '_', '-', '.' and '/', with no '.' or '..' segment";

    static final double FACTOR_MIN = EstimateBias.MIN_FACTOR;
    static final double FACTOR_MAX = EstimateBias.MAX_FACTOR;
    static final int SAMPLES_MAX = 1_000_000;

    /** The metrics a gate criterion judges, with their units: a learned threshold must name one of them. */
    static final Map<String, Unit> GATE_METRICS = gateMetrics();

    private Slots() {
    }

    static Optional<SlotRejection> kind(String pattern, String value) {
        return KIND.matcher(value).matches() ? Optional.empty()
                : reject(pattern, "kind", value, KIND_ALLOWED);
    }

    static Optional<SlotRejection> pathPrefix(String pattern, String value) {
        boolean ok = value.length() <= PATH_PREFIX_MAX && PATH_PREFIX.matcher(value).matches()
                && List.of(value.split("/")).stream().noneMatch(segment -> segment.equals(".") || segment.equals(".."));
        return ok ? Optional.empty() : reject(pattern, "pathPrefix", value, PATH_PREFIX_ALLOWED);
    }

    static Optional<SlotRejection> inRange(String pattern, String slot, double value, double min, double max) {
        return Double.isFinite(value) && value >= min && value <= max ? Optional.empty()
                : reject(pattern, slot, PlainNumbers.figures(value, 3), slot + " is a finite number from "
                        + number(min) + " to " + number(max));
    }

    static Optional<SlotRejection> samples(String pattern, int value) {
        return value >= 1 && value <= SAMPLES_MAX ? Optional.empty()
                : reject(pattern, "samples", Integer.toString(value), "samples is a whole number from 1 to "
                        + SAMPLES_MAX);
    }

    /** A metric a gate criterion judges, of {@code dimension}, with a threshold in the metric's unit. */
    static List<SlotRejection> gateMetric(String pattern, Dimension dimension, String metric, double threshold) {
        Unit unit = GATE_METRICS.get(metric);
        if (unit == null || !metric.startsWith(dimension.wireName() + ".")) {
            return List.of(new SlotRejection(pattern, "metric", quote(metric), "a learned threshold names one of the "
                    + dimension.wireName() + " metrics gate criteria judge: " + String.join(", ",
                    GATE_METRICS.keySet().stream().filter(m -> m.startsWith(dimension.wireName() + ".")).toList())));
        }
        if (!Double.isFinite(threshold) || !unit.allows(threshold)) {
            return List.of(new SlotRejection(pattern, "threshold", PlainNumbers.figures(threshold, 3), "a threshold of "
                    + metric + " is a finite number from " + unit.range()));
        }
        return List.of();
    }

    /**
     * A review situation's signature: "split-" the dimensions (or overall, or none), ".open-" the severities of the
     * open findings (or none), each a known wire name.
     */
    static Optional<SlotRejection> situation(String pattern, String value) {
        boolean ok = QualitySituation.SIGNATURE.matcher(value).matches();
        if (ok) {
            String[] parts = value.split("\\.open-", 2);
            String split = parts[0].substring("split-".length());
            ok = (split.equals("overall") || split.equals("none") || List.of(split.split("\\+")).stream()
                    .allMatch(Slots::isDimension)) && (parts[1].equals("none") || List.of(parts[1].split("\\+"))
                    .stream().allMatch(Slots::isSeverity));
        }
        return ok ? Optional.empty() : reject(pattern, "situation", value, "a situation is split-<dimensions, or"
                + " overall, or none>.open-<finding severities, or none>, joined by '+', e.g."
                + " split-tests.open-none or split-coverage+lint.open-medium+low");
    }

    private static boolean isDimension(String name) {
        return Arrays.stream(Dimension.values()).anyMatch(d -> d.wireName().equals(name));
    }

    private static boolean isSeverity(String name) {
        return Arrays.stream(FindingSeverity.values()).anyMatch(s -> s.wireName().equals(name));
    }

    /** A validated number as a DRL literal: plain decimal digits, never an exponent. */
    static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** A DRL double literal: always with a decimal point, so Drools reads a double. */
    static String doubleLiteral(double value) {
        String plain = number(value);
        return plain.contains(".") ? plain : plain + ".0";
    }

    /** {@code text} in double quotes, with quotes, backslashes and control characters shown escaped, shortened. */
    static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        text.codePoints().limit(120).forEach(c -> {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (Character.isISOControl(c)) {
                        quoted.append(String.format("\\u%04x", c));
                    } else {
                        quoted.appendCodePoint(c);
                    }
                }
            }
        });
        return quoted.append(text.codePointCount(0, text.length()) > 120 ? "...\"" : "\"").toString();
    }

    private static Optional<SlotRejection> reject(String pattern, String slot, String value, String allowed) {
        return Optional.of(new SlotRejection(pattern, slot, quote(value), allowed));
    }

    private static Map<String, Unit> gateMetrics() {
        Map<String, Unit> metrics = new LinkedHashMap<>();
        for (String count : List.of(Metrics.TESTS_TOTAL, Metrics.TESTS_FAILED, Metrics.TESTS_ERRORS,
                Metrics.TESTS_SKIPPED, Metrics.REVIEW_APPROVALS, Metrics.REVIEW_REJECTIONS)) {
            metrics.put(count, Unit.COUNT);
        }
        for (String percent : List.of(Metrics.TESTS_PASS_RATE, Metrics.COVERAGE_LINE, Metrics.COVERAGE_BRANCH,
                Metrics.PERFORMANCE_REGRESSION)) {
            metrics.put(percent, Unit.PERCENT);
        }
        for (Dimension findings : List.of(Dimension.LINT, Dimension.SECURITY, Dimension.DOCS)) {
            for (FindingSeverity severity : FindingSeverity.values()) {
                metrics.put(Metrics.findings(findings, severity), Unit.COUNT);
            }
        }
        return Collections.unmodifiableMap(metrics);
    }
}
