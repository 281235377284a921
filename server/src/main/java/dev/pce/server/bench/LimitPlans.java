package dev.pce.server.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pce.engine.Json;

import java.util.LinkedHashSet;
import java.util.Random;
import java.util.Set;

/**
 * ce_plan arguments at PCE's bounds and just past them, and the shapes that once made one plan call cost minutes
 * and gigabytes: what {@code ce bench plan} times and the limit tests send.
 */
public final class LimitPlans {

    private LimitPlans() {
    }

    /**
     * {@code tasks} build tasks declaring exactly {@code relations} dependencies in all, each on tasks just before
     * it: no file and no review, so the rules derive nothing more.
     */
    public static ObjectNode relations(int tasks, int relations) {
        int window = 1;
        while (capacity(tasks, window) < relations) {
            if (window >= tasks) {
                throw new IllegalArgumentException(tasks + " tasks cannot declare " + relations + " dependencies");
            }
            window++;
        }
        ObjectNode plan = goal(tasks + " tasks with " + relations + " relations");
        ArrayNode list = plan.putArray("tasks");
        int left = relations;
        for (int i = 0; i < tasks; i++) {
            ObjectNode task = task(list, i);
            int count = Math.min(Math.min(window, i), left);
            if (count > 0) {
                ArrayNode dependsOn = task.putArray("depends_on");
                for (int d = i - count; d < i; d++) {
                    dependsOn.add("t" + d);
                }
                left -= count;
            }
        }
        return plan;
    }

    /** {@code tasks} build tasks, each with a description of {@code characters} characters. */
    public static ObjectNode described(int tasks, int characters) {
        ObjectNode plan = goal(tasks + " tasks with descriptions of " + characters + " characters");
        ArrayNode list = plan.putArray("tasks");
        String description = "d".repeat(characters);
        for (int i = 0; i < tasks; i++) {
            task(list, i).put("description", description);
        }
        return plan;
    }

    /** {@code tasks} build tasks writing one file: in a chain (each depends on the one before) or all unordered. */
    public static ObjectNode writers(int tasks, boolean chained) {
        ObjectNode plan = goal(tasks + (chained ? " chained" : " unordered") + " writers of one file");
        ArrayNode list = plan.putArray("tasks");
        for (int i = 0; i < tasks; i++) {
            ObjectNode task = task(list, i);
            task.putArray("writes").add("src/Shared.java");
            if (chained && i > 0) {
                task.putArray("depends_on").add("t" + (i - 1));
            }
        }
        return plan;
    }

    /**
     * {@code tasks} build tasks, each writing {@code files} files {@code depth} directories deep: every file counts
     * once for itself and once for each directory towards what a plan may name.
     */
    public static ObjectNode deepFiles(int tasks, int files, int depth) {
        ObjectNode plan = goal(tasks + " tasks writing " + files + " files " + depth + " directories deep");
        ArrayNode list = plan.putArray("tasks");
        String directories = "d/".repeat(depth);
        for (int i = 0; i < tasks; i++) {
            ArrayNode writes = task(list, i).putArray("writes");
            for (int f = 0; f < files; f++) {
                writes.add(directories + "f" + i + "-" + f);
            }
        }
        return plan;
    }

    /** {@code tasks} build tasks, each depending on {@code each} earlier tasks picked at random (seeded). */
    public static ObjectNode randomDependencies(int tasks, int each, long seed) {
        Random random = new Random(seed);
        ObjectNode plan = goal(tasks + " tasks with " + each + " dependencies each");
        ArrayNode list = plan.putArray("tasks");
        for (int i = 0; i < tasks; i++) {
            ObjectNode task = task(list, i);
            Set<Integer> picked = new LinkedHashSet<>();
            while (picked.size() < Math.min(each, i)) {
                picked.add(random.nextInt(i));
            }
            if (!picked.isEmpty()) {
                ArrayNode dependsOn = task.putArray("depends_on");
                picked.forEach(d -> dependsOn.add("t" + d));
            }
        }
        return plan;
    }

    /**
     * A plan of about {@code tasks} tasks as planners write them, in features of five: a design, two builds that
     * depend on it and each write a file of their own, a test of both that writes its own test file, and a review
     * of the test. Every tenth feature's design waits for the review of the feature before, so the plan is neither
     * one chain nor all independent. About one declared dependency per task.
     */
    public static ObjectNode features(int tasks) {
        ObjectNode plan = goal(tasks + " tasks in features of five");
        ArrayNode list = plan.putArray("tasks");
        for (int f = 0; list.size() < tasks; f++) {
            String p = "f" + f + "-";
            ObjectNode design = list.addObject().put("id", p + "design").put("title", "Design feature " + f)
                    .put("kind", "design").put("estimate", 15);
            design.putArray("writes").add("docs/f" + f + ".md");
            if (f % 10 != 0) {
                design.putArray("depends_on").add("f" + (f - 1) + "-review");
            }
            for (int b = 0; b < 2 && list.size() < tasks; b++) {
                ObjectNode build = list.addObject().put("id", p + "build" + b).put("title", "Build part " + b
                        + " of feature " + f).put("kind", "implement").put("estimate", 30);
                build.putArray("depends_on").add(p + "design");
                build.putArray("writes").add("src/f" + f + "/Part" + b + ".java");
            }
            if (list.size() + 2 > tasks) {
                break;
            }
            ObjectNode test = list.addObject().put("id", p + "test").put("title", "Test feature " + f)
                    .put("kind", "test").put("estimate", 20);
            test.putArray("depends_on").add(p + "build0").add(p + "build1");
            test.putArray("writes").add("src/f" + f + "/FeatureTest.java");
            list.addObject().put("id", p + "review").put("title", "Review feature " + f).put("kind", "review")
                    .put("estimate", 10).putArray("depends_on").add(p + "test");
        }
        return plan;
    }

    /** The depends_on entries of a plan's tasks. */
    public static int declared(JsonNode plan) {
        int count = 0;
        for (JsonNode task : plan.path("tasks")) {
            count += task.path("depends_on").size();
        }
        return count;
    }

    /** Dependencies that {@code tasks} tasks can declare when each depends on the {@code window} before it. */
    private static long capacity(int tasks, int window) {
        long full = Math.max(0, tasks - window);
        return full * window + (long) Math.min(window, tasks) * (Math.min(window, tasks) - 1) / 2;
    }

    private static ObjectNode goal(String text) {
        return Json.mapper().createObjectNode().put("goal", text);
    }

    private static ObjectNode task(ArrayNode list, int i) {
        return list.addObject().put("id", "t" + i).put("title", "Task " + i).put("kind", "implement")
                .put("estimate", 10);
    }
}
