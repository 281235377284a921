package dev.pce.server.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pce.engine.Json;
import dev.pce.engine.dependency.ClassifiedEdge;
import dev.pce.engine.model.EdgeClass;
import dev.pce.engine.model.TaskSpec;
import dev.pce.server.tools.AnswerPrefixes;
import dev.pce.server.tools.ToolOutput;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class AnswerFitTest {

    @Test
    void anAnswerThatFitsIsSentAsItIs() {
        ToolOutput small = ToolOutput.json(Json.mapper().createObjectNode().put("workflow_id", "wf-1"));
        assertThat(AnswerFit.fit(small)).isSameAs(small);
    }

    @Test
    void aLargeListIsCutFromItsEndAndTheAnswerSaysWhatIsMissing() throws Exception {
        ObjectNode plan = Json.mapper().createObjectNode().put("workflow_id", "wf-1");
        ArrayNode tasks = plan.putArray("tasks");
        for (int i = 0; i < 20_000; i++) {
            tasks.addObject().put("id", "task-" + i).put("title", "Build part " + i + " of the rate limiter");
        }
        plan.putArray("ready_now").add("task-0");

        ToolOutput fitted = AnswerFit.fit(ToolOutput.json(plan));

        assertThat(bytes(fitted.structuredJson())).isLessThanOrEqualTo(ToolOutput.MAX_BYTES);
        assertThat(fitted.text()).isEqualTo(fitted.structuredJson());
        JsonNode answer = Json.mapper().readTree(fitted.structuredJson());
        assertThat(answer.path("workflow_id").asText()).isEqualTo("wf-1");
        assertThat(answer.path("ready_now")).hasSize(1);
        int kept = answer.path("tasks").size();
        assertThat(kept).isBetween(100, 20_000 - 1);
        assertThat(answer.path("tasks").path(kept - 1).path("id").asText()).isEqualTo("task-" + (kept - 1));
        JsonNode cut = answer.path("truncated").path("cuts").path(0);
        assertThat(cut.path("path").asText()).isEqualTo("/tasks");
        assertThat(cut.path("kept").asInt()).isEqualTo(kept);
        assertThat(cut.path("total").asInt()).isEqualTo(20_000);
        assertThat(answer.path("truncated").path("more").asText()).contains("ce_status (offset, limit)");
    }

    /** A tool that serialized only a prefix of a huge list (ce_plan of 100,000 tasks): the note names the whole. */
    @Test
    void aListTheToolCutBeforeSerializingIsNamedWithItsFullCount() throws Exception {
        ObjectNode plan = Json.mapper().createObjectNode().put("workflow_id", "wf-1");
        ArrayNode tasks = plan.putArray("tasks");
        for (int i = 0; i < 1_200; i++) {
            tasks.addObject().put("id", "task-" + i).put("title", "Build part " + i + " of the rate limiter");
        }
        ArrayNode ready = plan.putArray("ready_now");
        for (int i = 0; i < 3; i++) {
            ready.add("task-" + i);
        }

        ToolOutput fitted = AnswerFit.fit(ToolOutput.json(plan).cutBefore(Map.of("/tasks", 100_000,
                "/ready_now", 50_000)));

        JsonNode answer = Json.mapper().readTree(fitted.structuredJson());
        assertThat(bytes(fitted.structuredJson())).isLessThanOrEqualTo(ToolOutput.MAX_BYTES);
        assertThat(answer.path("truncated").path("cuts")).extracting(cut -> cut.path("path").asText(),
                cut -> cut.path("total").asInt(), cut -> cut.path("kept").asInt()).containsExactlyInAnyOrder(
                tuple("/tasks", 100_000, answer.path("tasks").size()),
                tuple("/ready_now", 50_000, 3));
    }

    /**
     * A tool that writes only the items an answer could hold ({@link AnswerPrefixes}) gets the answer it would have
     * got writing them all: random plans' tasks, relations, ready ids and waves of them, of any sizes.
     */
    @Test
    void aPrefixOfWhatCouldFitIsCutToTheAnswerOfTheWholeLists() {
        Random random = new Random(20261208);
        for (int round = 0; round < 40; round++) {
            int size = 50 + random.nextInt(3_000);
            List<TaskSpec> tasks = new ArrayList<>();
            List<ClassifiedEdge> edges = new ArrayList<>();
            List<String> ready = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                String id = "t" + i + "-" + "x".repeat(random.nextInt(12));
                tasks.add(TaskSpec.builder(id, "build").title("y".repeat(random.nextInt(40)))
                        .reads(random.nextBoolean() ? new String[] {"src/" + i} : new String[0])
                        .estimate(1 + random.nextInt(90))
                        .build());
                edges.add(new ClassifiedEdge(id, "t" + (i + 1), EdgeClass.values()[random.nextInt(4)],
                        "because " + "z".repeat(random.nextInt(30)), "rule-" + random.nextInt(5), null));
                ready.add(id);
            }
            List<List<String>> waves = new ArrayList<>();
            for (int from = 0; from < size; ) {
                int to = Math.min(size, from + 1 + random.nextInt(size));
                waves.add(ready.subList(from, to));
                from = to;
            }
            Map<String, Object> whole = new LinkedHashMap<>();
            whole.put("tasks", tasks);
            whole.put("edges", edges);
            whole.put("ready_now", ready);
            whole.put("schedule", Map.of("waves", waves));
            AnswerPrefixes prefixes = new AnswerPrefixes();
            Map<String, Object> prefixed = new LinkedHashMap<>();
            prefixed.put("tasks", prefixes.of(tasks, "/tasks"));
            prefixed.put("edges", prefixes.of(edges, "/edges"));
            prefixed.put("ready_now", prefixes.of(ready, "/ready_now"));
            prefixed.put("schedule", Map.of("waves", prefixes.ofNested(waves, "/schedule/waves")));
            Map<String, Integer> totals = prefixes.totals();

            assertThat(AnswerFit.fit(ToolOutput.json(prefixed).cutBefore(totals)).structuredJson())
                    .as("round %d, %d tasks", round, size)
                    .isEqualTo(AnswerFit.fit(ToolOutput.json(whole)).structuredJson());
        }
    }

    @Test
    void severalLargeListsShareTheBudgetInsteadOfOneLosingEverything() throws Exception {
        ObjectNode plan = Json.mapper().createObjectNode();
        ArrayNode tasks = plan.putArray("tasks");
        ArrayNode edges = plan.putArray("edges");
        for (int i = 0; i < 5_000; i++) {
            tasks.addObject().put("id", "task-" + i);
            edges.addObject().put("from", "task-" + i).put("to", "task-" + (i + 1));
        }
        JsonNode answer = Json.mapper().readTree(AnswerFit.fit(ToolOutput.json(plan)).structuredJson());
        assertThat(answer.path("tasks").size()).isPositive();
        assertThat(answer.path("edges").size()).isPositive();
    }

    @Test
    void longTextsAreCutBeforeListsLoseItemsAndNoCharacterIsSplit() throws Exception {
        ObjectNode claim = Json.mapper().createObjectNode();
        ArrayNode inputs = claim.putArray("inputs");
        for (int i = 0; i < 12; i++) {
            inputs.addObject().put("task_id", "dep-" + i).put("summary", "日本語のまとめ😀".repeat(3_000));
        }
        ToolOutput fitted = AnswerFit.fit(ToolOutput.json(claim));
        JsonNode answer = Json.mapper().readTree(fitted.structuredJson());

        assertThat(bytes(fitted.structuredJson())).isLessThanOrEqualTo(ToolOutput.MAX_BYTES);
        assertThat(answer.path("inputs")).hasSize(12);
        String summary = answer.path("inputs").path(0).path("summary").asText();
        assertThat(summary).endsWith("[...]").hasSizeLessThanOrEqualTo(JsonTrimmer.SHORT_TEXT + 6);
        assertThat(summary.getBytes(StandardCharsets.UTF_8)).doesNotContain((byte) '?');
        assertThat(answer.path("truncated").path("cuts").path(0).path("of").asText()).isEqualTo("characters");
    }

    @Test
    void aDigestTextIsCutAtALineAndSaysHowMuchIsMissing() {
        String digest = "Workflow wf-1\n" + "Waiting task-x on task-y\n".repeat(5_000);
        ToolOutput fitted = AnswerFit.fit(ToolOutput.withText(List.of(), digest));

        assertThat(bytes(fitted.text())).isLessThanOrEqualTo(ToolOutput.MAX_BYTES);
        assertThat(fitted.text()).startsWith("Workflow wf-1\nWaiting task-x on task-y\n")
                .containsPattern("\\n\\[\\d+ more characters left out\\. Cut to stay under 24000 bytes");
    }

    @Test
    void randomAnswersOfAnyShapeEndWithinTheBudget() {
        Random random = new Random(14);
        for (int round = 0; round < 25; round++) {
            ObjectNode root = Json.mapper().createObjectNode();
            fill(root, random, 0);
            ToolOutput fitted = AnswerFit.fit(ToolOutput.json(root));
            assertThat(bytes(fitted.structuredJson())).as("round %d", round)
                    .isLessThanOrEqualTo(ToolOutput.MAX_BYTES);
        }
    }

    private static void fill(ObjectNode node, Random random, int depth) {
        int fields = 1 + random.nextInt(6);
        for (int f = 0; f < fields; f++) {
            switch (depth > 2 ? 0 : random.nextInt(3)) {
                case 0 -> node.put("text" + f, "x\"é\n".repeat(random.nextInt(depth == 0 ? 20_000 : 300)));
                case 1 -> {
                    ArrayNode array = node.putArray("list" + f);
                    int items = random.nextInt(depth == 0 ? 120 : 5);
                    for (int i = 0; i < items; i++) {
                        fill(array.addObject(), random, depth + 1);
                    }
                }
                default -> fill(node.putObject("object" + f), random, depth + 1);
            }
        }
    }

    private static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
