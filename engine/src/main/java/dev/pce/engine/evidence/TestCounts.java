package dev.pce.engine.evidence;

import java.util.OptionalDouble;

/**
 * Test case outcomes, counted from a report's test cases. Each case counts once in {@code total} and at most once
 * in one of {@code failed}, {@code errors} or {@code skipped}; the rest passed.
 */
public record TestCounts(long total, long failed, long errors, long skipped) {

    public static final TestCounts NONE = new TestCounts(0, 0, 0, 0);

    public TestCounts {
        if (total < 0 || failed < 0 || errors < 0 || skipped < 0 || failed + errors + skipped > total) {
            throw new IllegalArgumentException("inconsistent test counts: total " + total + ", failed " + failed
                    + ", errors " + errors + ", skipped " + skipped);
        }
    }

    public TestCounts plus(TestCounts other) {
        return new TestCounts(total + other.total, failed + other.failed, errors + other.errors,
                skipped + other.skipped);
    }

    public long passed() {
        return total - failed - errors - skipped;
    }

    /** Passed as a percentage of the tests that ran (total minus skipped); empty when none ran. */
    public OptionalDouble passRate() {
        long ran = total - skipped;
        return ran == 0 ? OptionalDouble.empty() : OptionalDouble.of(100.0 * passed() / ran);
    }
}
