package dev.pce.server.tools;

import dev.pce.engine.Limits;
import dev.pce.engine.gate.Dimension;
import dev.pce.engine.gate.Finding;
import dev.pce.engine.gate.FindingSeverity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Findings and dimensions as the quality tools take them: {severity, message, file?, line?, rule?}. */
final class FindingArgs {
    static final int MAX_FINDINGS = 1_000;

    private FindingArgs() {
    }

    static List<Finding> findings(ToolArgs args, String field, Dimension dimension, String source) {
        List<Finding> findings = new ArrayList<>();
        for (ToolArgs item : args.optionalObjectList(field, MAX_FINDINGS)) {
            findings.add(Finding.at(dimension, item.optionalString("rule", 256).orElse(""), severity(item),
                    item.optionalString("file", Limits.MAX_PATH_LENGTH).orElse(""),
                    (int) item.integer("line", 0, Integer.MAX_VALUE, 0),
                    item.requiredText("message", Limits.MAX_TEXT_LENGTH), source));
        }
        return findings;
    }

    static Dimension dimension(ToolArgs args) {
        String text = args.requiredText("dimension", 32);
        try {
            return Dimension.parse(text);
        } catch (IllegalArgumentException e) {
            throw ToolArgs.invalid(args.where("dimension") + " is '" + text + "'.", e.getMessage() + ".");
        }
    }

    private static FindingSeverity severity(ToolArgs item) {
        String text = item.requiredText("severity", 16).strip();
        try {
            return FindingSeverity.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ToolArgs.invalid(item.where("severity") + " is '" + text + "'.",
                    "Use critical, high, medium, low or info.");
        }
    }
}
