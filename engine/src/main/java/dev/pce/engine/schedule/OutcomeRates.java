package dev.pce.engine.schedule;

import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;

import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * How often attempts fail and reviews ask for changes, by task kind: what a simulation draws retries and review
 * rework from. A kind without a rate of its own takes the default.
 *
 * @param failure        the share of attempts that fail (and are retried), 0 to {@link #MAX_RATE}
 * @param failureByKind  the share for tasks of a kind, over {@code failure}
 * @param rework         the share of reviews that ask for changes (rework and a re-review follow)
 * @param reworkByKind   the share for reviews of a kind, over {@code rework}
 */
public record OutcomeRates(double failure, Map<String, Double> failureByKind, double rework,
                           Map<String, Double> reworkByKind) {
    /** 1: every attempt fails but the last allowed one; every review asks for changes, up to the rounds' cap. */
    public static final double MAX_RATE = 1;
    public static final OutcomeRates NONE = new OutcomeRates(0, Map.of(), 0, Map.of());

    public OutcomeRates {
        check(failure, "failure rate");
        check(rework, "rework rate");
        failureByKind = new TreeMap<>(failureByKind);
        reworkByKind = new TreeMap<>(reworkByKind);
        failureByKind.values().forEach(rate -> check(rate, "failure rate"));
        reworkByKind.values().forEach(rate -> check(rate, "rework rate"));
        failureByKind = Map.copyOf(failureByKind);
        reworkByKind = Map.copyOf(reworkByKind);
    }

    /**
     * Rates as a command line gives them: {@code "0.1"}, {@code "test=0.3"} or both, {@code "0.1,test=0.3"} (a bare
     * number is the rate of every kind not named). Returns that rate, when given, and the kinds' rates.
     *
     * @param option the option's name, for the error message
     */
    public static Parsed parse(String text, String option) {
        OptionalDouble everyKind = OptionalDouble.empty();
        Map<String, Double> byKind = new TreeMap<>();
        for (String entry : text.split(",")) {
            String item = entry.strip();
            if (item.isEmpty()) {
                continue;
            }
            int equals = item.indexOf('=');
            String kind = equals < 0 ? "" : item.substring(0, equals).strip();
            String number = equals < 0 ? item : item.substring(equals + 1).strip();
            double rate;
            try {
                rate = Double.parseDouble(number);
            } catch (NumberFormatException e) {
                throw invalid(option, "'" + item + "' is not a rate");
            }
            if (!(rate >= 0 && rate <= MAX_RATE)) {
                throw invalid(option, "'" + item + "' is out of range");
            }
            if (equals < 0) {
                everyKind = OptionalDouble.of(rate);
            } else if (kind.isEmpty()) {
                throw invalid(option, "'" + item + "' names no kind");
            } else {
                byKind.put(kind, rate);
            }
        }
        return new Parsed(everyKind, byKind);
    }

    /**
     * Rates as given: one for every kind not named (when given) and the kinds' own.
     *
     * @param everyKind the bare number; empty when only kinds were named (or nothing was given)
     */
    public record Parsed(OptionalDouble everyKind, Map<String, Double> byKind) {
        public static final Parsed NONE = new Parsed(OptionalDouble.empty(), Map.of());

        public Parsed {
            byKind = Map.copyOf(byKind);
        }

        /** The rate of a kind not named: the bare number, else 0. */
        public double fallback() {
            return everyKind.orElse(0);
        }
    }

    public static OutcomeRates of(Parsed failures, Parsed rework) {
        return new OutcomeRates(failures.fallback(), failures.byKind(), rework.fallback(), rework.byKind());
    }

    public double failureOf(String kind) {
        return failureByKind.getOrDefault(kind, failure);
    }

    public double reworkOf(String kind) {
        return reworkByKind.getOrDefault(kind, rework);
    }

    /** Whether anything can fail or be sent back at all. */
    public boolean any() {
        return failure > 0 || rework > 0 || failureByKind.values().stream().anyMatch(rate -> rate > 0)
                || reworkByKind.values().stream().anyMatch(rate -> rate > 0);
    }

    /** "0.10, test=0.30": the default and the kinds' rates, as the command line takes them. */
    public static String describe(double fallback, Map<String, Double> byKind) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%.2f", fallback));
        new TreeMap<>(byKind).forEach((kind, rate) -> text.append(String.format(Locale.ROOT, ", %s=%.2f", kind,
                rate)));
        return text.toString();
    }

    private static void check(double rate, String what) {
        if (!(rate >= 0 && rate <= MAX_RATE)) {
            throw new CeException(ErrorCode.INVALID_ARGUMENT, "A " + what + " of " + rate + " is out of range.",
                    "Give a share from 0 to " + MAX_RATE + ", e.g. 0.1 for one attempt in ten.");
        }
    }

    private static CeException invalid(String option, String problem) {
        return new CeException(ErrorCode.INVALID_ARGUMENT, option + ": " + problem + ".",
                "Give a share from 0 to " + MAX_RATE + " for every kind, a bare number for the rest: e.g. "
                        + option + " 0.1,test=0.3.");
    }
}
