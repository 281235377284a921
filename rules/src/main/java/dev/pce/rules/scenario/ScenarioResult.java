package dev.pce.rules.scenario;

import java.util.List;

/**
 * The outcome of one scenario.
 *
 * @param mismatches what differed from the expectation, one line each; empty when it passed
 * @param actual     what the rules decided (edges and notes, criteria verdicts, or the error), for the report
 */
public record ScenarioResult(Scenario scenario, List<String> mismatches, List<String> actual) {
    public ScenarioResult {
        mismatches = List.copyOf(mismatches);
        actual = List.copyOf(actual);
    }

    public boolean passed() {
        return mismatches.isEmpty();
    }

    /** A report a maintainer can act on: where, what was expected, what came out. */
    public String report() {
        StringBuilder text = new StringBuilder(passed() ? "PASS " : "FAIL ")
                .append(scenario.file()).append(", scenario '").append(scenario.name()).append('\'');
        if (passed()) {
            return text.toString();
        }
        text.append(':');
        for (String mismatch : mismatches) {
            text.append("\n  ").append(mismatch);
        }
        text.append("\n  actual:");
        if (actual.isEmpty()) {
            text.append(" (nothing)");
        }
        for (String line : actual) {
            text.append("\n    ").append(line);
        }
        return text.toString();
    }
}
