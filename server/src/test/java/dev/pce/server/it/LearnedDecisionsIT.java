package dev.pce.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.pce.server.it.ServerUnderTest.args;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Learned rules decide, over stdio: the same plan planned before and after ce_learn on a workflow whose migrations
 * kept failing security review and whose builds ran long. After learning, ce_plan adds an early security review
 * after the migration (a task with a feedback edge, before the migration's dependents) and corrects the build
 * estimates, and its learned_decisions name the rule and the learned rules version that decided each.
 */
class LearnedDecisionsIT extends OneServerPerClass {
    /** Builds estimated at 60 ms that take at least 150 ms: 2.5 times their estimate or more. */
    private static final double BUILD_ESTIMATE = 0.001;
    private static final long BUILD_MILLIS = 150;
    private static final String REVIEW_RULE = "learned:review:build:db/migrations/:security";

    /** A migration, an API that builds on it, and a review of the API. */
    private JsonNode planFeature() {
        return server.ok("ce_plan", args("goal", "orders", "tasks", List.of(
                args("id", "orders-table", "title", "Orders table", "kind", "build", "estimate", 20,
                        "writes", List.of("db/migrations/V3__orders.sql")),
                args("id", "orders-api", "title", "Orders API", "kind", "build", "estimate", 10,
                        "depends_on", List.of("orders-table"), "writes", List.of("src/OrdersApi.java")),
                args("id", "api-review", "title", "Review the API", "kind", "review", "estimate", 5,
                        "depends_on", List.of("orders-api")))));
    }

    @Test
    void aPlanPlannedAfterLearningGetsTheEarlyReviewAndTheCorrectedEstimatesTheLearnedRulesDecide()
            throws InterruptedException {
        JsonNode before = planFeature();
        assertThat(before.path("learned_decisions")).as("nothing learned yet: nothing decided").isEmpty();
        assertThat(ids(before)).containsExactly("orders-table", "orders-api", "api-review");
        assertThat(estimate(before, "orders-table")).isEqualTo(20);

        String learnedFrom = migrationsThatKeepFailingSecurityReview();
        JsonNode learned = server.ok("ce_learn", args("workflow_id", learnedFrom));
        int version = learned.path("rules_version").asInt();
        assertThat(version).as(learned.toString()).isEqualTo(1);
        assertThat(keys(learned)).contains(REVIEW_RULE.substring("learned:".length()), "estimate:build");

        JsonNode after = planFeature();

        String early = "orders-table-early-security-review";
        assertThat(ids(after)).containsExactly("orders-table", "orders-api", "api-review", early);
        JsonNode review = task(after, early);
        assertThat(review.path("pool").asText()).isEqualTo("reviewers");
        assertThat(review.path("depends_on")).extracting(JsonNode::asText).containsExactly("orders-table");
        assertThat(task(after, "orders-api").path("depends_on")).extracting(JsonNode::asText)
                .containsExactly("orders-table", early);
        assertThat(edges(after)).contains("orders-table -> " + early + " feedback",
                early + " -> orders-api hard");
        JsonNode reviewDecision = decision(after, REVIEW_RULE);
        assertThat(reviewDecision.path("rules_version").asInt()).isEqualTo(version);
        assertThat(reviewDecision.path("task").asText()).isEqualTo("orders-table");
        assertThat(reviewDecision.path("added_task").asText()).isEqualTo(early);
        assertThat(reviewDecision.path("decision").asText()).contains("before 'orders-api'");

        JsonNode estimateDecision = decision(after, "learned:estimate:build");
        assertThat(estimateDecision.path("rules_version").asInt()).isEqualTo(version);
        assertThat(estimateDecision.path("decision").asText()).startsWith("estimate 20 -> ");
        assertThat(estimate(after, "orders-table")).isGreaterThan(20);
        assertThat(after.path("estimate_corrections").path(0).path("task_id").asText()).isEqualTo("orders-table");
        JsonNode planned = server.ok("ce_events", args("workflow_id", after.path("workflow_id").asText(),
                "types", List.of("workflow.planned"))).path("events").path(0).path("payload");
        assertThat(planned.path("planned_estimates").path("orders-table").asDouble()).isEqualTo(20);

        // the early review is a review like any other: claimed from the reviewers pool, reported with ce_review
        String id = after.path("workflow_id").asText();
        finish(id, "builders", "orders-table");
        JsonNode claim = server.ok("ce_claim", args("workflow_id", id, "pool", "reviewers", "agent", "r1"));
        assertThat(claim.path("task").path("spec").path("id").asText()).isEqualTo(early);
        JsonNode reported = server.ok("ce_review", args("workflow_id", id, "task_id", early, "agent", "r1",
                "claim_id", claim.path("task").path("claim_id").asText(),
                "verdicts", List.of(args("dimension", "security", "verdict", "approve"))));
        assertThat(reported.toString()).contains("approved");
        JsonNode next = server.ok("ce_claim", args("workflow_id", id, "pool", "builders", "agent", "b1"));
        assertThat(next.path("task").path("spec").path("id").asText()).isEqualTo("orders-api");
    }

    /**
     * Two migrations whose security review asked for changes, each reworked once, and a plain build: every build
     * takes 2.5 times its estimate. Returns the workflow's id.
     */
    private String migrationsThatKeepFailingSecurityReview() throws InterruptedException {
        String id = server.ok("ce_plan", args("goal", "schema", "tasks", List.of(
                build("m1", "db/migrations/V1__users.sql"), review("r1", "m1"),
                build("m2", "db/migrations/V2__carts.sql"), review("r2", "m2"),
                build("b3", "src/Carts.java")))).path("workflow_id").asText();
        for (String migration : List.of("m1", "m2")) {
            String reviewTask = "r" + migration.substring(1);
            runBuild(id, migration);
            reviewAs(id, reviewTask, "request_changes");
            runBuild(id, migration + "-rework-1");
            reviewAs(id, reviewTask + "-again-1", "approve");
        }
        runBuild(id, "b3");
        return id;
    }

    private static JsonNode build(String id, String writes) {
        return args("id", id, "title", id, "kind", "build", "estimate", BUILD_ESTIMATE, "writes", List.of(writes));
    }

    private static JsonNode review(String id, String reviewed) {
        return args("id", id, "title", "Review " + reviewed, "kind", "review", "estimate", 5,
                "depends_on", List.of(reviewed));
    }

    private void runBuild(String id, String task) throws InterruptedException {
        JsonNode claim = server.ok("ce_claim", args("workflow_id", id, "pool", "builders", "agent", "b1",
                "task_id", task));
        Thread.sleep(BUILD_MILLIS);
        server.ok("ce_complete", args("workflow_id", id, "task_id", task, "agent", "b1",
                "claim_id", claim.path("task").path("claim_id").asText()));
    }

    private void finish(String id, String pool, String task) {
        JsonNode claim = server.ok("ce_claim", args("workflow_id", id, "pool", pool, "agent", "b1",
                "task_id", task));
        server.ok("ce_complete", args("workflow_id", id, "task_id", task, "agent", "b1",
                "claim_id", claim.path("task").path("claim_id").asText()));
    }

    private void reviewAs(String id, String task, String verdict) {
        JsonNode claim = server.ok("ce_claim", args("workflow_id", id, "pool", "reviewers", "agent", "r1",
                "task_id", task));
        server.ok("ce_review", args("workflow_id", id, "task_id", task, "agent", "r1",
                "claim_id", claim.path("task").path("claim_id").asText(),
                "verdicts", List.of(args("dimension", "security", "verdict", verdict))));
    }

    private static List<String> ids(JsonNode plan) {
        List<String> ids = new ArrayList<>();
        plan.path("tasks").forEach(task -> ids.add(task.path("id").asText()));
        return ids;
    }

    private static List<String> keys(JsonNode learned) {
        List<String> keys = new ArrayList<>();
        learned.path("learned").forEach(pattern -> keys.add(pattern.path("key").asText()));
        return keys;
    }

    private static JsonNode task(JsonNode plan, String id) {
        for (JsonNode task : plan.path("tasks")) {
            if (task.path("id").asText().equals(id)) {
                return task;
            }
        }
        throw new AssertionError("no task " + id + " in " + plan.path("tasks"));
    }

    private static double estimate(JsonNode plan, String id) {
        return task(plan, id).path("estimate_minutes").asDouble();
    }

    private static List<String> edges(JsonNode plan) {
        List<String> edges = new ArrayList<>();
        plan.path("edges").forEach(edge -> edges.add(edge.path("from").asText() + " -> " + edge.path("to").asText()
                + " " + edge.path("edge_class").asText()));
        return edges;
    }

    private static JsonNode decision(JsonNode plan, String rule) {
        for (JsonNode decision : plan.path("learned_decisions")) {
            if (decision.path("rule").asText().equals(rule)) {
                return decision;
            }
        }
        throw new AssertionError("no decision of " + rule + " in " + plan.path("learned_decisions"));
    }
}
