package dev.pce.server.quality;

import dev.pce.engine.gate.Comparison;
import dev.pce.engine.gate.CriterionResult;
import dev.pce.engine.gate.Dimension;
import dev.pce.engine.gate.Remediation;
import dev.pce.engine.gate.Verdict;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A gate's verdict as markdown, for a GitHub Actions job's step summary (or the terminal): the criteria as a table,
 * the failing tests, the dimensions nobody measured or required, and what to do.
 */
public final class StepSummary {
    /** Failing tests listed by name; the rest are counted. */
    static final int TESTS_LISTED = 100;

    private StepSummary() {
    }

    public static String markdown(GateVerdict verdict) {
        StringBuilder md = new StringBuilder("### ").append(verdict.title()).append(": ")
                .append(verdict.blocking() ? "blocked" : "passed").append("\n\n")
                .append("| criterion | dimension | measured | threshold | verdict | severity | rule |\n")
                .append("|---|---|---|---|---|---|---|\n");
        for (CriterionResult c : verdict.criteria()) {
            md.append("| ").append(c.criterion()).append(" | ").append(c.dimension().wireName()).append(" | ")
                    .append(c.measured().isPresent() ? number(c.measured().getAsDouble()) : "-").append(" | ")
                    .append(c.comparison() == Comparison.AT_LEAST ? ">= " : "<= ")
                    .append(number(c.threshold())).append(" | ").append(verdictCell(c))
                    .append(" | ").append(c.severity().wireName()).append(" | ").append(c.rule()).append(" |\n");
        }
        failingTests(verdict.failingTests(), md);
        List<String> unmeasured = verdict.dimensions().stream().filter(d -> unmeasured(verdict, d))
                .map(Dimension::wireName).toList();
        if (!unmeasured.isEmpty()) {
            md.append("\nNot measured, and not required: ").append(String.join(", ", unmeasured))
                    .append(" (`gates.required` in `.ce/config.yml` or `.github/ce-config.yml` requires a dimension).\n");
        }
        // criteria of one dimension without evidence share one task: listed once, with all their names
        Map<Remediation, List<String>> tasks = new LinkedHashMap<>();
        verdict.criteria().forEach(c -> c.remediation().ifPresent(fix -> tasks.computeIfAbsent(fix,
                ignored -> new ArrayList<>()).add(c.criterion())));
        List<String> fixes = tasks.entrySet().stream().map(task -> "- " + String.join(", ", task.getValue()) + ": "
                + task.getKey().title() + (task.getKey().files().isEmpty() ? "" : " (" + String.join(", ",
                task.getKey().files()) + ")")).toList();
        if (!fixes.isEmpty()) {
            md.append("\nTo do:\n\n").append(String.join("\n", fixes)).append('\n');
        }
        return md.toString();
    }

    private static void failingTests(List<FailingTest> tests, StringBuilder md) {
        if (tests.isEmpty()) {
            return;
        }
        md.append("\nFailing tests (").append(tests.size()).append("):\n\n");
        tests.stream().limit(TESTS_LISTED).forEach(test -> md.append("- `").append(test.test().replace("`", "'"))
                .append("`").append(test.file().isPresent() ? " at " + test.where() : "")
                .append(test.message().isEmpty() ? "" : ": " + test.message()).append('\n'));
        if (tests.size() > TESTS_LISTED) {
            md.append("- and ").append(tests.size() - TESTS_LISTED).append(" more\n");
        }
    }

    /** A dimension none of whose criteria was measured, and that nothing requires. */
    private static boolean unmeasured(GateVerdict verdict, Dimension dimension) {
        List<CriterionResult> criteria = verdict.criteria().stream().filter(c -> c.dimension() == dimension).toList();
        return !criteria.isEmpty() && criteria.stream().allMatch(c -> c.verdict() == Verdict.NOT_MEASURED
                && !c.required());
    }

    /** The verdict in words, in bold where it blocks. */
    private static String verdictCell(CriterionResult c) {
        return c.blocks() ? "**" + c.verdict().words() + "**" : c.verdict().words();
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }
}
