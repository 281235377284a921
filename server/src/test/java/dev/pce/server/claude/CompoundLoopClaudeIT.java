package dev.pce.server.claude;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compound loop from the real Claude Code CLI, only the model scripted: in one headless session the model plans
 * a schema change, builds its migrations, has their security review ask for changes twice, learns from the
 * workflow with {@code ce_learn}, and plans the next feature; the answer Claude Code hands the model carries the
 * early review the learned rule decided, naming the rule and its version.
 */
class CompoundLoopClaudeIT {
    private static final String PLAN = "mcp__pce__ce_plan";
    private static final String CLAIM = "mcp__pce__ce_claim";
    private static final String COMPLETE = "mcp__pce__ce_complete";
    private static final String REVIEW = "mcp__pce__ce_review";
    private static final String LEARN = "mcp__pce__ce_learn";
    private static final String REVIEW_RULE = "learned:review:build:db/migrations/:security";
    private static final String EARLY_REVIEW = "orders-table-early-security-review";

    @TempDir
    Path temp;

    @Test
    void aRuleLearnedFromReviewsInOneSessionAddsTheEarlyReviewToTheNextPlan() throws Exception {
        Path project = ClaudeCode.gitRepository(temp.resolve("project"));
        ClaudeCode.ceInit(project);
        Map<String, String> state = new ConcurrentHashMap<>();
        List<Function<Map<String, String>, Turn>> steps = loop();
        ModelStandIn.Script script = request -> {
            remember(request, state);
            int step = request.assistantTurns();
            return step < steps.size() ? steps.get(step).apply(state) : Turn.text("done");
        };
        try (ModelStandIn model = ModelStandIn.start(script)) {
            new ClaudeCode(temp.resolve("home"), project, model.baseUrl()).run("-p",
                    "Build the schema change, learn from it, then plan the orders feature.", "--allowedTools",
                    String.join(" ", PLAN, CLAIM, COMPLETE, REVIEW, LEARN), "--output-format", "json").succeeded();

            assertThat(model.scriptFailures()).isEmpty();
            assertThat(state).containsKey("done");
            assertThat(resultOf(model, REVIEW, "changes_required").text()).as("the review sent the migration back")
                    .contains("m1-rework-1");

            JsonNode learned = BuilderTurns.json(model.requests().stream()
                    .flatMap(request -> request.lastResultOf(LEARN).stream()).findFirst().orElseThrow());
            assertThat(learned.path("rules_version").asInt()).as(learned.toString()).isEqualTo(1);

            ModelRequest.ToolResult next = model.requests().getLast().lastResultOf(PLAN).orElseThrow();
            JsonNode plan = BuilderTurns.json(next);
            List<String> tasks = new ArrayList<>();
            plan.path("tasks").forEach(task -> tasks.add(task.path("id").asText()));
            assertThat(tasks).containsExactly("orders-table", "orders-api", EARLY_REVIEW);
            JsonNode decided = null;
            for (JsonNode decision : plan.path("learned_decisions")) {
                if (decision.path("rule").asText().equals(REVIEW_RULE)) {
                    decided = decision;
                }
            }
            assertThat(decided).as(plan.path("learned_decisions").toString()).isNotNull();
            assertThat(decided.path("rules_version").asInt()).isEqualTo(1);
            assertThat(decided.path("added_task").asText()).isEqualTo(EARLY_REVIEW);
        }
    }

    /** The model's turns, in order: each reads what earlier answers left in the state (workflow, claim). */
    private static List<Function<Map<String, String>, Turn>> loop() {
        List<Function<Map<String, String>, Turn>> steps = new ArrayList<>();
        steps.add(state -> Turn.call(PLAN, Map.of("goal", "schema", "tasks", List.of(
                migration("m1", "db/migrations/V1__users.sql"), review("r1", "m1"),
                migration("m2", "db/migrations/V2__carts.sql"), review("r2", "m2")))));
        for (String migration : List.of("m1", "m2")) {
            String review = "r" + migration.substring(1);
            build(steps, migration);
            review(steps, review, "request_changes");
            build(steps, migration + "-rework-1");
            review(steps, review + "-again-1", "approve");
        }
        steps.add(state -> Turn.call(LEARN, Map.of("workflow_id", state.get("workflow"))));
        steps.add(state -> Turn.call(PLAN, Map.of("goal", "orders", "tasks", List.of(
                migration("orders-table", "db/migrations/V3__orders.sql"),
                Map.of("id", "orders-api", "title", "Orders API", "kind", "build", "estimate", 10,
                        "depends_on", List.of("orders-table"), "writes", List.of("src/OrdersApi.java"))))));
        steps.add(state -> {
            state.put("done", "yes");
            return Turn.text("Planned the orders feature with what the schema change taught.");
        });
        return steps;
    }

    private static void build(List<Function<Map<String, String>, Turn>> steps, String task) {
        steps.add(state -> claim(state, "builders", "builder-1", task));
        steps.add(state -> Turn.call(COMPLETE, Map.of("workflow_id", state.get("workflow"), "task_id", task,
                "claim_id", state.get("claim"), "agent", "builder-1", "summary", "migration written")));
    }

    private static void review(List<Function<Map<String, String>, Turn>> steps, String task, String verdict) {
        steps.add(state -> claim(state, "reviewers", "reviewer-1", task));
        steps.add(state -> Turn.call(REVIEW, Map.of("workflow_id", state.get("workflow"), "task_id", task,
                "claim_id", state.get("claim"), "agent", "reviewer-1",
                "verdicts", List.of(Map.of("dimension", "security", "verdict", verdict)))));
    }

    private static Turn claim(Map<String, String> state, String pool, String agent, String task) {
        return Turn.call(CLAIM, Map.of("workflow_id", state.get("workflow"), "pool", pool, "agent", agent,
                "task_id", task));
    }

    private static Map<String, Object> migration(String id, String writes) {
        return Map.of("id", id, "title", id, "kind", "build", "estimate", 20, "writes", List.of(writes));
    }

    private static Map<String, Object> review(String id, String reviewed) {
        return Map.of("id", id, "title", "Review " + reviewed, "kind", "review", "estimate", 5,
                "depends_on", List.of(reviewed));
    }

    /** What the last answers tell the next turns: the workflow planned first, the claim just taken. */
    private static void remember(ModelRequest request, Map<String, String> state) throws IOException {
        Optional<ModelRequest.ToolResult> plan = request.lastResultOf(PLAN);
        if (plan.isPresent() && !state.containsKey("workflow")) {
            state.put("workflow", BuilderTurns.json(plan.get()).path("workflow_id").asText());
        }
        Optional<ModelRequest.ToolResult> claim = request.lastResultOf(CLAIM);
        if (claim.isPresent()) {
            JsonNode answer = BuilderTurns.json(claim.get());
            assertThat(answer.path("claimed").asBoolean()).as(claim.get().text()).isTrue();
            state.put("claim", answer.path("task").path("claim_id").asText());
        }
        for (ModelRequest.ToolResult result : request.lastToolResults()) {
            assertThat(result.isError()).as(result.tool() + ": " + result.text()).isFalse();
        }
    }

    private static ModelRequest.ToolResult resultOf(ModelStandIn model, String tool, String containing) {
        return model.requests().stream().flatMap(request -> request.lastResultOf(tool).stream())
                .filter(result -> result.text().contains(containing)).findFirst().orElseThrow();
    }
}
