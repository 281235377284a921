package dev.pce.engine.workflow;

import dev.pce.engine.dependency.ClassifiedEdge;
import dev.pce.engine.model.TaskState;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A cached fold of a workflow's log up to event {@code seq}, whose line ends at byte {@code offset}. A cache only:
 * it is checked against the log before use, and deleting it loses nothing.
 */
public record WorkflowSnapshot(int format, String workflowId, long seq, long offset, String lastEventId, String goal,
                               Instant createdAt, Instant updatedAt, List<TaskState> tasks,
                               List<ClassifiedEdge> edges, GateRecord gates, ConflictRecord conflicts,
                               Map<String, Integer> poolSizes, Map<String, String> editRequests) {
    /**
     * 2: the classified edges joined the snapshot; 3: tasks carry partial outputs; 4: evidence and gate verdicts;
     * 5: conflicts and reviews; 6: tasks list the claims their failures were reported under; 7: a rescheduled task
     * holds its revised estimate; 8: the agents per pool the plan was scheduled with; 9: tasks list the claims and
     * completions taken back when a draft they started on was withdrawn; 10: the request ids of plan edits. Older
     * snapshots are ignored and the log is replayed.
     */
    public static final int FORMAT = 10;

    public WorkflowSnapshot {
        tasks = List.copyOf(tasks);
        edges = edges == null ? List.of() : List.copyOf(edges);
        gates = gates == null ? GateRecord.EMPTY : gates;
        conflicts = conflicts == null ? ConflictRecord.EMPTY : conflicts;
        poolSizes = poolSizes == null ? Map.of() : Map.copyOf(poolSizes);
        editRequests = editRequests == null ? Map.of() : Map.copyOf(editRequests);
    }
}
