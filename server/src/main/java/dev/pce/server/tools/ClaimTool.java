package dev.pce.server.tools;

import dev.pce.engine.Limits;
import dev.pce.engine.service.WorkflowService;

import java.time.Duration;

/** ce_claim: an agent of a pool takes the next ready task under a lease. */
public final class ClaimTool implements CeTool {
    static final long DEFAULT_LEASE_SECONDS = 900;
    static final long MIN_LEASE_SECONDS = 1;

    private final WorkflowService workflows;

    public ClaimTool(WorkflowService workflows) {
        this.workflows = workflows;
    }

    @Override
    public String name() {
        return ToolName.CE_CLAIM.wireName();
    }

    @Override
    public ToolOutput call(ToolArgs args) {
        long leaseSeconds = args.integer("lease_seconds", MIN_LEASE_SECONDS, Limits.MAX_LEASE_SECONDS,
                DEFAULT_LEASE_SECONDS);
        return ToolOutput.json(workflows.claim(CommonArgs.workflowId(args), CommonArgs.pool(args),
                CommonArgs.agent(args), CommonArgs.optionalTaskId(args), Duration.ofSeconds(leaseSeconds)));
    }
}
