package dev.pce.server.it;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

import static dev.pce.server.it.ServerUnderTest.args;

/** What the tests' agents do over a real server, in more than one suite. */
final class AgentSteps {

    private AgentSteps() {
    }

    /** One agent of {@code pool} claims and completes tasks until none is claimable. */
    static void finishAll(ServerUnderTest server, String id, String pool) {
        while (true) {
            JsonNode claim = server.ok("ce_claim", args("workflow_id", id, "pool", pool, "agent", pool + "-1"));
            if (!claim.path("claimed").asBoolean()) {
                return;
            }
            server.ok("ce_complete", args("workflow_id", id, "task_id", claim.path("task").path("spec").path("id")
                    .asText(), "claim_id", claim.path("task").path("claim_id").asText(), "agent", pool + "-1"));
        }
    }

    /** A scanner reports no lint or security finding and a reviewer one approval: the gate's other dimensions. */
    static void reportCleanLintSecurityAndReview(ServerUnderTest server, String id) {
        server.ok("ce_gate_report", args("workflow_id", id, "agent", "scanner", "dimension", "lint", "measurements",
                List.of(args("metric", "lint.critical", "value", 0), args("metric", "lint.high", "value", 0))));
        server.ok("ce_gate_report", args("workflow_id", id, "agent", "scanner", "dimension", "security",
                "measurements", List.of(args("metric", "security.critical", "value", 0),
                        args("metric", "security.high", "value", 0), args("metric", "security.medium", "value", 0))));
        server.ok("ce_gate_report", args("workflow_id", id, "agent", "reviewer-1", "dimension", "review",
                "measurements", List.of(args("metric", "review.approvals", "value", 1),
                        args("metric", "review.rejections", "value", 0))));
    }
}
