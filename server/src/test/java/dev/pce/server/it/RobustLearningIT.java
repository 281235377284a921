package dev.pce.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pce.engine.Json;
import dev.pce.server.it.CeProcess.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static dev.pce.server.it.ServerUnderTest.args;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Learning as a user meets it over stdio, where it used to go wrong: agents that finish in seconds what was
 * estimated in minutes, a task kind no rule can name, a workflow learned twice, ce_predict after ce_plan corrected
 * the estimates, a server started on a workspace that learned, and the numbers in the texts.
 */
class RobustLearningIT {
    /** Builds are estimated at 60 ms and take at least 150 ms: 2.5 times their estimate or more. */
    private static final double BUILD_ESTIMATE = 0.001;
    private static final long BUILD_MILLIS = 150;

    @TempDir
    Path temp;

    private ServerUnderTest start(String name) throws IOException {
        return ServerUnderTest.start(temp.resolve(name), Map.of("CE_VAULT", temp.resolve(name + "-vault").toString(),
                "CE_PROJECT", "shop"));
    }

    /** A task to run: claimed from its pool, completed after {@code millis}. */
    private record Step(String id, String kind, String pool, double estimate, long millis) {
        JsonNode spec() {
            return args("id", id, "title", id, "kind", kind, "pool", pool, "estimate", estimate);
        }
    }

    private static List<Step> builds(String kind, String... ids) {
        return Stream.of(ids).map(id -> new Step(id, kind, "builders", BUILD_ESTIMATE, BUILD_MILLIS)).toList();
    }

    /** Plans the tasks as one workflow and runs them one after the other; returns the workflow's id. */
    private static String run(ServerUnderTest server, List<Step> tasks) throws InterruptedException {
        String id = server.ok("ce_plan", args("goal", "work", "tasks", tasks.stream().map(Step::spec).toList()))
                .path("workflow_id").asText();
        for (Step task : tasks) {
            JsonNode claim = server.ok("ce_claim", args("workflow_id", id, "pool", task.pool(), "agent", "agent-1",
                    "task_id", task.id()));
            Thread.sleep(task.millis());
            server.ok("ce_complete", args("workflow_id", id, "task_id", task.id(), "agent", "agent-1",
                    "claim_id", claim.path("task").path("claim_id").asText()));
        }
        return id;
    }

    private static JsonNode learned(JsonNode answer, String key) {
        for (JsonNode pattern : answer.path("learned")) {
            if (pattern.path("key").asText().equals(key)) {
                return pattern;
            }
        }
        throw new AssertionError("no learned pattern " + key + " in " + answer);
    }

    private static List<JsonNode> predictions(JsonNode answer, String kind) {
        List<JsonNode> found = new ArrayList<>();
        answer.path("predictions").forEach(p -> {
            if (p.path("kind").asText().equals(kind)) {
                found.add(p);
            }
        });
        return found;
    }

    /** The stored factor of {@code kind}'s estimate bias, exactly as the store holds it. */
    private double storedFactor(String workspace, String kind) throws IOException {
        JsonNode store = Json.mapper().readTree(temp.resolve(workspace).resolve("learning/patterns.json").toFile());
        for (JsonNode entry : store.path("patterns")) {
            if (entry.path("pattern").path("kind").asText().equals(kind) && entry.path("type").asText()
                    .equals("estimate_bias")) {
                return entry.path("pattern").path("factor").asDouble();
            }
        }
        throw new AssertionError("no estimate bias of " + kind + " in " + store);
    }

    @Test
    void reviewsDoneInSecondsDoNotRejectTheLearnedRules() throws Exception {
        try (ServerUnderTest server = start("ws")) {
            List<Step> tasks = new ArrayList<>(builds("build", "b1", "b2", "b3"));
            for (String review : List.of("r1", "r2", "r3")) {
                tasks.add(new Step(review, "review", "reviewers", 5, 0)); // 5 minutes, done at once
            }
            String id = run(server, tasks);

            JsonNode answer = server.ok("ce_learn", args("workflow_id", id));

            assertThat(answer.path("rules_version").asInt()).as(answer.toString()).isEqualTo(1);
            assertThat(answer.path("rules_notice").isMissingNode()).as(answer.toString()).isTrue();
            assertThat(answer.path("rejected_patterns")).as(answer.toString()).isEmpty();
            // a minute is the least an attempt counts for, and a factor stays within 0.25 to 4
            assertThat(learned(answer, "estimate:review").path("summary").asText())
                    .isEqualTo("review takes 0.25x its estimate");
            assertThat(storedFactor("ws", "review")).isEqualTo(0.25);
            JsonNode next = server.ok("ce_plan", args("goal", "next", "tasks", List.of(
                    args("id", "x", "title", "X", "kind", "build", "estimate", 10))));
            JsonNode predicted = server.ok("ce_predict", args("workflow_id", next.path("workflow_id").asText()));
            assertThat(predictions(predicted, "rule")).as("the build rule is in force").anySatisfy(rule ->
                    assertThat(rule.path("message").asText()).contains("learned:estimate:build"));
        }
    }

    @Test
    void aPatternNoRuleCanHoldIsReportedAndTheOthersStayInForce() throws Exception {
        String id;
        try (ServerUnderTest server = start("ws")) {
            List<Step> tasks = new ArrayList<>(builds("build", "b1", "b2", "b3"));
            tasks.addAll(builds("db migration", "m1", "m2", "m3")); // a kind with a space: no rule can name it
            id = run(server, tasks);

            JsonNode answer = server.ok("ce_learn", args("workflow_id", id));

            assertThat(answer.path("rules_version").asInt()).as(answer.toString()).isEqualTo(1);
            JsonNode rejected = answer.path("rejected_patterns");
            assertThat(rejected).as(answer.toString()).hasSize(1);
            assertThat(rejected.path(0).path("pattern").asText()).isEqualTo("estimate:db migration");
            assertThat(rejected.path(0).path("reason").asText()).contains("slot kind", "\"db migration\"",
                    "a kind is a letter");
            JsonNode next = server.ok("ce_plan", args("goal", "next", "tasks", List.of(
                    args("id", "x", "title", "X", "kind", "build", "estimate", 10))));
            JsonNode predicted = server.ok("ce_predict", args("workflow_id", next.path("workflow_id").asText()));
            assertThat(predictions(predicted, "rule")).as("the build rule is in force").anySatisfy(rule ->
                    assertThat(rule.path("message").asText()).contains("learned:estimate:build"));
        }

        Run doctor = CeProcess.run(Optional.empty(), temp.resolve("ws"), Map.of("CE_VAULT",
                temp.resolve("ws-vault").toString(), "CE_PROJECT", "shop"), "doctor");

        assertThat(doctor.out()).as(doctor.err()).contains("learned rules: version 1 compiles")
                .contains("estimate:db migration").contains("slot kind").doesNotContain("none learned yet");
        assertThat(doctor.exitCode()).as(doctor.out()).isEqualTo(1);
    }

    @Test
    void learningTheSameWorkflowTwiceChangesNothing() throws Exception {
        try (ServerUnderTest server = start("ws")) {
            String id = run(server, builds("build", "b1", "b2", "b3"));
            JsonNode first = server.ok("ce_learn", args("workflow_id", id));
            List<Path> notes = noteFiles(temp.resolve("ws-vault"));
            assertThat(notes).hasSize(1);

            JsonNode second = server.ok("ce_learn", args("workflow_id", id));

            assertThat(second.path("unchanged").asBoolean()).as(second.toString()).isTrue();
            assertThat(second.path("store_version").asLong()).isEqualTo(first.path("store_version").asLong());
            assertThat(second.path("patterns")).isEqualTo(first.path("patterns"));
            assertThat(second.path("patterns").path(0).path("samples").asInt()).isEqualTo(3);
            assertThat(second.path("notes")).isEmpty();
            assertThat(noteFiles(temp.resolve("ws-vault"))).as("no second note").isEqualTo(notes);
            assertThat(temp.resolve("ws/rules/learned/v0002")).as("no second rules version").doesNotExist();
        }
    }

    @Test
    void predictExpectsTheLearnedFactorOnThePlannersEstimateAndTextsRoundTheNumbers() throws Exception {
        try (ServerUnderTest server = start("ws")) {
            String id = run(server, builds("build", "b1", "b2", "b3"));
            server.ok("ce_learn", args("workflow_id", id));
            double factor = storedFactor("ws", "build");

            JsonNode plan = server.ok("ce_plan", args("goal", "next", "tasks", List.of(
                    args("id", "x", "title", "X", "kind", "build", "estimate", 20))));
            JsonNode correction = plan.path("estimate_corrections").path(0);
            assertThat(BigDecimal.valueOf(correction.path("corrected_minutes").asDouble()).precision())
                    .as("corrected minutes to three figures: %s", correction).isLessThanOrEqualTo(3);
            assertThat(BigDecimal.valueOf(correction.path("factor").asDouble()).scale())
                    .as("a factor to two decimals: %s", correction).isLessThanOrEqualTo(2);
            JsonNode predicted = server.ok("ce_predict", args("workflow_id", plan.path("workflow_id").asText()));

            String estimate = predictions(predicted, "estimate").getFirst().path("message").asText();
            assertThat(estimate).as("the learned factor on the planner's 20 minutes, not on the corrected plan")
                    .contains(String.format(Locale.ROOT, "about %.0f minutes", 20 * factor))
                    .contains("estimated 20");
            String rule = predictions(predicted, "rule").getFirst().path("message").asText();
            assertThat(rule).as("numbers for people").containsPattern("took \\d+(\\.\\d{1,2})?x their estimate")
                    .containsPattern("confidence 0\\.\\d{1,2}\\)");
        }
    }

    @Test
    void learnedRulesAreInForceForTheFirstCallAfterStart() throws Exception {
        String planned;
        try (ServerUnderTest server = start("ws")) {
            String id = run(server, builds("build", "b1", "b2", "b3"));
            assertThat(server.ok("ce_learn", args("workflow_id", id)).path("rules_version").asInt()).isEqualTo(1);
            planned = server.ok("ce_plan", args("goal", "next", "tasks", List.of(
                    args("id", "x", "title", "X", "kind", "build", "estimate", 10)))).path("workflow_id").asText();
        }

        try (ServerUnderTest restarted = start("ws")) {
            JsonNode predicted = restarted.ok("ce_predict", args("workflow_id", planned));

            assertThat(predictions(predicted, "rule")).as("the learned rule classified the first call: %s", predicted)
                    .anySatisfy(rule -> assertThat(rule.path("message").asText())
                            .contains("learned:estimate:build"));
        }
    }

    private static List<Path> noteFiles(Path vault) throws IOException {
        try (Stream<Path> files = Files.walk(vault.resolve("patterns"))) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
