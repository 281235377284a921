package dev.pce.server.tools;

import dev.pce.engine.service.WorkflowService;

import java.util.List;

/** Every tool the server offers, wired to the engine. */
public final class ToolCatalog {

    private ToolCatalog() {
    }

    public static List<CeTool> create(WorkflowService workflows) {
        return List.of(new PlanTool(workflows), new StatusTool(workflows), new EventsTool(workflows),
                new ClaimTool(workflows), new CompleteTool(workflows), new FailTool(workflows));
    }
}
