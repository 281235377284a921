package dev.pce.server.tools;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The tools the server offers, in the order {@code tools/list} shows them: the one place a tool's name is written.
 * Its class answers it ({@link CeTool#name()}), its contract is the file {@code /tools/<name>.json}
 * ({@link ToolDefinition}), and the server prepares those contracts from this list before the engine is up.
 */
public enum ToolName {
    CE_PLAN, CE_STATUS, CE_EVENTS, CE_CLAIM, CE_COMPLETE, CE_FAIL, CE_PROGRESS, CE_CAPTURE, CE_SEARCH, CE_NOTE,
    CE_NOTE_EDIT, CE_GATE, CE_GATE_REPORT, CE_REVIEW, CE_RESOLVE, CE_EDIT, CE_LEARN, CE_LEARN_FROM, CE_PREDICT;

    private final String wireName = name().toLowerCase(Locale.ROOT);

    /** The name clients call the tool by, e.g. {@code ce_plan}. */
    public String wireName() {
        return wireName;
    }

    /** Every tool's wire name, in order. A loop, not a stream: this runs on the start path. */
    public static List<String> wireNames() {
        List<String> names = new ArrayList<>();
        for (ToolName tool : values()) {
            names.add(tool.wireName);
        }
        return List.copyOf(names);
    }
}
