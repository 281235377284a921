package dev.pce.engine.evidence;

import java.util.List;

/**
 * How much of something (lines or branches) a coverage report says was covered: counts when the report has them,
 * a bare percentage when it only gives a rate.
 */
public sealed interface Coverage permits Coverage.Counted, Coverage.Rate {

    /** Covered as a percentage, 0..100. */
    double percent();

    /** {@code covered} of {@code total} items; {@code total} is positive. */
    record Counted(long covered, long total) implements Coverage {
        public Counted {
            if (total <= 0 || covered < 0 || covered > total) {
                throw new IllegalArgumentException("coverage " + covered + " of " + total + " is not a valid count");
            }
        }

        @Override
        public double percent() {
            return 100.0 * covered / total;
        }
    }

    /** Only a percentage is known (an old Cobertura report without lines-covered/lines-valid). */
    record Rate(double percent) implements Coverage {
        public Rate {
            if (!(percent >= 0 && percent <= 100)) {
                throw new IllegalArgumentException("coverage " + percent + "% is not within 0..100");
            }
        }
    }

    /**
     * Several reports as one: counts are summed (so a big module weighs more than a small one). A percentage
     * without counts cannot be weighed, so the result is never better than it: the lowest of the summed
     * percentage and every bare rate. Never optimistic, because a gate passes on it.
     */
    static Coverage combine(List<Coverage> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("nothing to combine");
        }
        long covered = 0;
        long total = 0;
        double lowestRate = Double.POSITIVE_INFINITY;
        for (Coverage part : parts) {
            switch (part) {
                case Counted counted -> {
                    covered += counted.covered();
                    total += counted.total();
                }
                case Rate rate -> lowestRate = Math.min(lowestRate, rate.percent());
            }
        }
        if (lowestRate == Double.POSITIVE_INFINITY) {
            return new Counted(covered, total);
        }
        return total == 0 ? new Rate(lowestRate) : new Rate(Math.min(lowestRate, 100.0 * covered / total));
    }
}
