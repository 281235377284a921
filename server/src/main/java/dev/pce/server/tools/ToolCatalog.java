package dev.pce.server.tools;

import dev.pce.engine.service.WorkflowService;

import java.util.List;

/** Every tool the server offers, wired to the engine. */
public final class ToolCatalog {

    /** The names of {@link #create}'s tools, known before the engine is up (the server prepares their contracts). */
    public static final List<String> TOOL_NAMES = List.of("ce_plan", "ce_status", "ce_events", "ce_claim",
            "ce_complete", "ce_fail", "ce_progress");

    private ToolCatalog() {
    }

    public static List<CeTool> create(WorkflowService workflows) {
        return List.of(new PlanTool(workflows), new StatusTool(workflows), new EventsTool(workflows),
                new ClaimTool(workflows), new CompleteTool(workflows), new FailTool(workflows),
                new ProgressTool(workflows));
    }
}
