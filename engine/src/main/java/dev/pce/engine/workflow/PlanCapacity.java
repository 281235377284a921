package dev.pce.engine.workflow;

import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.engine.Limits;
import dev.pce.engine.dependency.ClassifiedEdge;
import dev.pce.engine.event.EventCodec;
import dev.pce.engine.event.EventPayload;
import dev.pce.engine.event.NewEvent;
import dev.pce.engine.model.EdgeClass;
import dev.pce.engine.model.TaskSpec;

import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How much one plan, or one workflow with the tasks PCE adds to it, may hold: tasks, relations between them, what
 * its tasks name, and the bytes of the event that records them. These bounds keep the cost of one call (its time,
 * its memory and its log line) bounded whatever the caller sends; each refusal names the bound, the value and how
 * to get under it.
 *
 * @param maxReferences files, directories and interfaces its tasks may name ({@link Limits#MAX_PLAN_REFERENCES})
 * @param name          "plan" or "workflow", for the messages
 */
public record PlanCapacity(int maxTasks, int maxEdges, int maxReferences, String name) {
    public static final PlanCapacity PLAN = new PlanCapacity(Limits.MAX_TASKS, Limits.MAX_PLAN_EDGES,
            Limits.MAX_PLAN_REFERENCES, "plan");
    public static final PlanCapacity WORKFLOW = new PlanCapacity(Limits.MAX_WORKFLOW_TASKS,
            Limits.MAX_WORKFLOW_EDGES, Limits.MAX_WORKFLOW_REFERENCES, "workflow");

    private static final String SPLIT = "Split the goal into several workflows (one ce_plan each)";

    /** The distinct depends_on entries over all tasks: each becomes at least one relation. */
    public static int declaredDependencies(List<TaskSpec> tasks) {
        int count = 0;
        for (TaskSpec task : tasks) {
            count += task.dependsOn().size() < 2 ? task.dependsOn().size()
                    : new LinkedHashSet<>(task.dependsOn()).size();
        }
        return count;
    }

    /** A problem for the plan's report when its tasks declare more dependencies than it may hold relations. */
    public Optional<String> declaredProblem(List<TaskSpec> tasks) {
        int declared = declaredDependencies(tasks);
        if (declared <= maxEdges) {
            return Optional.empty();
        }
        return Optional.of("the " + name + " declares " + count(declared) + " dependencies (depends_on entries over"
                + " all tasks), more than the " + count(maxEdges) + " relations a " + name + " may hold");
    }

    /**
     * What the tasks name in reads, writes, produces and consumes, each path counted once for itself and once for
     * every directory it lies in.
     */
    public static long references(List<TaskSpec> tasks) {
        long count = 0;
        for (TaskSpec task : tasks) {
            count += paths(task.reads()) + paths(task.writes()) + task.produces().size() + task.consumes().size();
        }
        return count;
    }

    /** A problem for the plan's report when its tasks name more than it may hold. */
    public Optional<String> referencesProblem(List<TaskSpec> tasks) {
        long named = references(tasks);
        if (named <= maxReferences) {
            return Optional.empty();
        }
        return Optional.of("the " + name + "'s tasks name " + count(named) + " files, directories and interfaces in"
                + " reads, writes, produces and consumes (a path counts once for itself and once for every directory"
                + " it lies in), more than the " + count(maxReferences) + " a " + name + " may hold");
    }

    /** The fix that goes with {@link #referencesProblem}. */
    public static String referencesFix() {
        return SPLIT + ", list fewer files per task, or name a directory instead of the files in it ('src/api/'"
                + " for everything there). Nothing was stored.";
    }

    private static long paths(List<String> paths) {
        long count = 0;
        for (String path : paths) {
            count++;
            for (int i = 0; i < path.length() - 1; i++) {
                if (path.charAt(i) == '/') {
                    count++;
                }
            }
        }
        return count;
    }

    /** The fix that goes with {@link #declaredProblem}. */
    public static String declaredFix() {
        return SPLIT + ", or declare only direct dependencies: a task need not list what its dependencies already"
                + " wait for. Nothing was stored.";
    }

    /**
     * Refuses classified relations beyond {@link #maxEdges}, counting the declared and the derived ones by class.
     *
     * @throws CeException {@link ErrorCode#INVALID_PLAN}
     */
    public List<ClassifiedEdge> requireEdges(List<ClassifiedEdge> edges) {
        if (edges.size() <= maxEdges) {
            return edges;
        }
        Map<EdgeClass, Integer> byClass = new EnumMap<>(EdgeClass.class);
        edges.forEach(edge -> byClass.merge(edge.edgeClass(), 1, Integer::sum));
        StringBuilder classes = new StringBuilder();
        byClass.forEach((edgeClass, n) -> classes.append(classes.isEmpty() ? "" : ", ").append(count(n))
                .append(' ').append(edgeClass.wireName()));
        throw new CeException(ErrorCode.INVALID_PLAN, "Plan rejected: the " + name + " has " + count(edges.size())
                + " relations between its tasks (" + classes + "), more than the " + count(maxEdges) + " a " + name
                + " may hold.", edgeFix());
    }

    /** How to get under the relation bound: fewer declared, fewer derived. */
    public static String edgeFix() {
        return SPLIT + "; declare only direct dependencies; and order the tasks that write the same file (every"
                + " pair of writers no dependency orders gets a resource relation). Nothing was stored.";
    }

    /**
     * Refuses a plan event whose payload is larger than {@link Limits#MAX_PLAN_PAYLOAD_BYTES}: measured before
     * anything is written, so a refused plan leaves no trace.
     *
     * @throws CeException {@link ErrorCode#INVALID_PLAN}
     */
    public void requireEventFits(EventPayload payload, int tasks, int edges) {
        eventBound(tasks, edges).require(EventCodec.payloadSize(payload));
    }

    /**
     * The same bound, for the log to check as it encodes the event ({@link NewEvent#bound()}): a plan's event is
     * serialized once. A refused plan still leaves no trace: its workflow is created only if its first event is
     * written.
     */
    public NewEvent.PayloadBound eventBound(int tasks, int edges) {
        return bytes -> refuseBeyondBound(bytes, tasks, edges);
    }

    private static void refuseBeyondBound(long bytes, int tasks, int edges) {
        if (bytes <= Limits.MAX_PLAN_PAYLOAD_BYTES) {
            return;
        }
        throw new CeException(ErrorCode.INVALID_PLAN, "Plan rejected: the event recording its " + count(tasks)
                + " tasks and " + count(edges) + " relations takes " + mebibytes(bytes) + " as JSON, more than the "
                + mebibytes(Limits.MAX_PLAN_PAYLOAD_BYTES) + " one plan event may hold.",
                SPLIT + ", or shorten the descriptions, titles and file lists of its tasks. Nothing was stored.");
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String mebibytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB (%,d bytes)", bytes / 1048576.0, bytes);
    }
}
