package dev.pce.server.tools;

import dev.pce.engine.Limits;
import dev.pce.engine.model.Ids;

import java.util.Optional;

/** Arguments several tools share, read the same way everywhere. */
final class CommonArgs {

    private CommonArgs() {
    }

    static String workflowId(ToolArgs args) {
        return Ids.requireWorkflowId(args.requiredString("workflow_id", Limits.MAX_ID_LENGTH),
                args.where("workflow_id"));
    }

    static String agent(ToolArgs args) {
        return Ids.requireName(args.requiredString("agent", Limits.MAX_ID_LENGTH), args.where("agent"));
    }

    static String taskId(ToolArgs args) {
        return Ids.requireName(args.requiredString("task_id", Limits.MAX_ID_LENGTH), args.where("task_id"));
    }

    static Optional<String> optionalTaskId(ToolArgs args) {
        return args.optionalString("task_id", Limits.MAX_ID_LENGTH)
                .map(id -> Ids.requireName(id, args.where("task_id")));
    }

    static String claimId(ToolArgs args) {
        return Ids.requireName(args.requiredString("claim_id", Limits.MAX_ID_LENGTH), args.where("claim_id"));
    }

    static String pool(ToolArgs args) {
        return Ids.requirePool(args.requiredString("pool", Limits.MAX_ID_LENGTH), args.where("pool"));
    }
}
