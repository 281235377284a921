package dev.pce.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pce.engine.Json;

/** Plans the integration tests send to ce_plan. */
final class Plans {

    private Plans() {
    }

    /** design -> build-a, build-b (parallel) -> review, as a planner would send it. */
    static ObjectNode small() {
        ObjectNode plan = Json.mapper().createObjectNode().put("goal", "Add a health endpoint");
        ArrayNode tasks = plan.putArray("tasks");
        tasks.addObject().put("id", "design").put("title", "Design the endpoint").put("kind", "design")
                .put("estimate", "20m");
        ObjectNode a = tasks.addObject().put("id", "build-a").put("title", "Handler").put("kind", "implement")
                .put("estimate", 45);
        a.putArray("depends_on").add("design");
        a.putArray("writes").add("src/Health.java");
        ObjectNode b = tasks.addObject().put("id", "build-b").put("title", "Tests").put("kind", "test")
                .put("estimate", "1h");
        b.putArray("depends_on").add("design");
        ObjectNode review = tasks.addObject().put("id", "review").put("title", "Review").put("kind", "review");
        review.putArray("depends_on").add("build-a").add("build-b");
        return plan;
    }

    /**
     * One pool of two (a2): p (40 min) with its soft dependent c (60), which may start on p's partial output, and a
     * short s (30) on its own. The schedule keeps the second slot free for c from minute 20 and runs s after p:
     * 80 minutes, where starting s at once would make c wait until 30 (90).
     */
    static ObjectNode slotKeptForASoftDependent() {
        ObjectNode plan = Json.mapper().createObjectNode().put("goal", "Keep a slot for the critical task");
        ArrayNode tasks = plan.putArray("tasks");
        tasks.addObject().put("id", "p").put("title", "Prerequisite").put("kind", "implement").put("pool", "a2")
                .put("estimate", 40);
        ObjectNode c = tasks.addObject().put("id", "c").put("title", "Critical").put("kind", "implement")
                .put("pool", "a2").put("estimate", 60);
        c.putArray("depends_on").addObject().put("id", "p").put("type", "soft");
        tasks.addObject().put("id", "s").put("title", "Short").put("kind", "implement").put("pool", "a2")
                .put("estimate", 30);
        return plan;
    }

    /**
     * Like {@link #chains}, but the builder steps of chains 2k and 2k+1 write the same file, so the rules put a
     * resource edge between them: the two never run at the same time.
     */
    static ObjectNode chainsSharingFiles(int width, int depth) {
        ObjectNode plan = chains(width, depth);
        for (JsonNode task : plan.path("tasks")) {
            if (task.path("kind").asText().equals("implement")) {
                int chain = Integer.parseInt(task.path("id").asText().replaceAll("^c(\\d+)-.*", "$1"));
                ((ObjectNode) task).putArray("writes").add("src/shared/File" + chain / 2 + ".java");
            }
        }
        return plan;
    }

    /** {@code width} independent chains of {@code depth} tasks spread over the three pools. */
    static ObjectNode chains(int width, int depth) {
        ObjectNode plan = Json.mapper().createObjectNode().put("goal", width * depth + " tasks in chains");
        ArrayNode tasks = plan.putArray("tasks");
        String[] kinds = {"design", "implement", "review"};
        for (int chain = 0; chain < width; chain++) {
            for (int step = 0; step < depth; step++) {
                ObjectNode task = tasks.addObject().put("id", "c" + chain + "-s" + step)
                        .put("title", "Chain " + chain + " step " + step).put("kind", kinds[step % kinds.length])
                        .put("estimate", 5);
                if (step > 0) {
                    task.putArray("depends_on").add("c" + chain + "-s" + (step - 1));
                }
            }
        }
        return plan;
    }
}
