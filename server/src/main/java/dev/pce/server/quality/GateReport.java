package dev.pce.server.quality;

import dev.pce.engine.gate.CriterionResult;
import dev.pce.engine.gate.Comparison;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A gate's verdict as CI shows it: a markdown table for the job's step summary, and annotations GitHub attaches to
 * the files a failing criterion names.
 */
public final class GateReport {

    private GateReport() {
    }

    public static String markdown(String title, boolean blocking, List<CriterionResult> criteria) {
        StringBuilder md = new StringBuilder("### ").append(title).append(": ")
                .append(blocking ? "blocked" : "passed").append("\n\n")
                .append("| criterion | dimension | measured | threshold | verdict | severity | rule |\n")
                .append("|---|---|---|---|---|---|---|\n");
        for (CriterionResult c : criteria) {
            md.append("| ").append(c.criterion()).append(" | ").append(c.dimension().wireName()).append(" | ")
                    .append(c.measured().isPresent() ? number(c.measured().getAsDouble()) : "-").append(" | ")
                    .append(c.comparison() == Comparison.AT_LEAST ? ">= " : "<= ")
                    .append(number(c.threshold())).append(" | ").append(verdict(c))
                    .append(" | ").append(c.severity().wireName()).append(" | ").append(c.rule()).append(" |\n");
        }
        List<String> fixes = criteria.stream().filter(c -> c.remediation().isPresent())
                .map(c -> "- " + c.criterion() + ": " + c.remediation().get().title()
                        + (c.remediation().get().files().isEmpty() ? "" : " (" + String.join(", ",
                        c.remediation().get().files()) + ")"))
                .toList();
        if (!fixes.isEmpty()) {
            md.append("\nTo do:\n\n").append(String.join("\n", fixes)).append('\n');
        }
        return md.toString();
    }

    /**
     * Workflow commands GitHub turns into annotations: an error for each blocking criterion (on each file it
     * names, else without a file), a warning for the others that need action.
     */
    public static List<String> annotations(List<CriterionResult> criteria) {
        List<String> lines = new ArrayList<>();
        for (CriterionResult c : criteria) {
            if (c.passed() || c.remediation().isEmpty() && !c.blocks()) {
                continue;
            }
            String level = c.blocks() ? "error" : "warning";
            String message = escape(c.criterion() + ": " + c.reason());
            List<String> files = c.remediation().map(fix -> fix.files()).orElse(List.of());
            if (files.isEmpty()) {
                lines.add("::" + level + " title=" + c.criterion() + "::" + message);
            } else {
                files.forEach(file -> lines.add("::" + level + " file=" + escapeProperty(file) + ",title="
                        + c.criterion() + "::" + message));
            }
        }
        return lines;
    }

    /** The verdict, in bold where it blocks. */
    private static String verdict(CriterionResult c) {
        return c.blocks() ? "**" + c.verdict().wireName() + "**" : c.verdict().wireName();
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    /** GitHub's escaping of an annotation's message. */
    private static String escape(String text) {
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static String escapeProperty(String text) {
        return escape(text).replace(":", "%3A").replace(",", "%2C");
    }
}
