package dev.pce.engine.dependency;

import dev.pce.engine.model.EdgeClass;
import dev.pce.engine.model.TaskSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One classified relation between two tasks of a plan.
 *
 * <p>For {@code hard} and {@code soft}, {@code from} is the prerequisite and {@code to} the dependent. For
 * {@code feedback}, {@code from} is the reviewed task and {@code to} its reviewer (the review itself still waits
 * for the reviewed task through a hard or soft edge). For {@code resource} the pair is unordered and written with
 * {@code from} before {@code to} in plan order.
 *
 * @param reason   why, in words a planner understands ("review-api reads src/Api.java, which build-api writes")
 * @param rule     the name of the rule that decided it, so every decision can be traced
 * @param resource for {@code resource} edges, the shared file or resource; empty otherwise
 */
public record ClassifiedEdge(String from, String to, EdgeClass edgeClass, String reason, String rule,
                             String resource) {

    public ClassifiedEdge {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(edgeClass, "edgeClass");
        reason = reason == null ? "" : reason;
        rule = rule == null ? "" : rule;
        resource = resource == null ? "" : resource;
    }

    /**
     * Edges for a plan recorded before edges were classified: every declared dependency as declared (hard unless
     * the plan said soft), nothing more.
     */
    public static List<ClassifiedEdge> declaredOnly(List<TaskSpec> tasks) {
        List<ClassifiedEdge> edges = new ArrayList<>();
        for (TaskSpec task : tasks) {
            for (String dependency : task.dependsOn()) {
                EdgeClass declared = task.dependencyTypes().getOrDefault(dependency, EdgeClass.HARD);
                edges.add(new ClassifiedEdge(dependency, task.id(), declared == EdgeClass.SOFT ? EdgeClass.SOFT
                        : EdgeClass.HARD, task.id() + " depends on " + dependency + " (declared)", "declared", ""));
            }
        }
        return edges;
    }
}
