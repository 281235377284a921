package dev.pce.rules.dependency;

import org.kie.api.definition.type.ClassReactive;

import java.util.BitSet;

/**
 * Which tasks are ordered before which, over a set of ordering edges (hard and soft), as a fact the rules can ask.
 * Graph work stays in Java; the decisions that use it stay in the DRL.
 *
 * <p>Ordered is not the same as never at the same time: a soft dependent may start on its prerequisite's partial
 * output while the prerequisite still runs. A task finishes before another starts only when a path leads from it to
 * the other whose first edge is hard: the hard edge makes the next task wait until it is done, and every later edge,
 * hard or soft, makes its task wait at least until the one before it started ({@link #mayOverlapWith}).
 *
 * <p>A query first compares topological ranks (a task can only reach tasks ranked after it), which answers most
 * questions at no cost. The full transitive closure (one bit set per task) is computed on the first question that
 * the ranks cannot answer, in one pass in reverse topological order: edges x tasks / 64 word operations.
 */
@ClassReactive // never modified: no property reactivity to compute, and no warnings about it
public final class OrderGraph {

    /** Which edges the graph holds. */
    public enum Stage {
        /** The planner's depends_on only: used by the rules that add implicit edges. */
        DECLARED,
        /** Every ordering edge the rules decided: used by the rules that look for unordered pairs. */
        DECIDED
    }

    private final Stage stage;
    private final TaskIndex tasks;
    private final int[][] successors;
    /** The successors through hard edges: each starts only after the task is done. */
    private final int[][] hardSuccessors;
    private final int[] rank;
    private final int[] byRank;
    private BitSet[] descendants;

    private OrderGraph(Stage stage, TaskIndex tasks, int[][] successors, int[][] hardSuccessors, int[] rank,
                       int[] byRank) {
        this.stage = stage;
        this.tasks = tasks;
        this.successors = successors;
        this.hardSuccessors = hardSuccessors;
        this.rank = rank;
        this.byRank = byRank;
    }

    /** @param edges ordering edges between the plan's tasks; acyclic (checked before, see {@link Cycles}) */
    static OrderGraph of(Stage stage, TaskIndex tasks, PositionEdges edges) {
        int n = tasks.size();
        int m = edges.size();
        int[] outDegree = new int[n];
        int[] hardOutDegree = new int[n];
        int[] inDegree = new int[n];
        for (int e = 0; e < m; e++) {
            outDegree[edges.from(e)]++;
            hardOutDegree[edges.from(e)] += edges.hard(e) ? 1 : 0;
            inDegree[edges.to(e)]++;
        }
        int[][] next = new int[n][];
        int[][] hardNext = new int[n][];
        for (int i = 0; i < n; i++) {
            next[i] = new int[outDegree[i]];
            hardNext[i] = new int[hardOutDegree[i]];
        }
        int[] filled = new int[n];
        int[] hardFilled = new int[n];
        for (int e = 0; e < m; e++) {
            int from = edges.from(e);
            next[from][filled[from]++] = edges.to(e);
            if (edges.hard(e)) {
                hardNext[from][hardFilled[from]++] = edges.to(e);
            }
        }
        int[] byRank = new int[n];
        int head = 0;
        int tail = 0;
        for (int i = 0; i < n; i++) {
            if (inDegree[i] == 0) {
                byRank[tail++] = i;
            }
        }
        while (head < tail) {
            int task = byRank[head++];
            for (int successor : next[task]) {
                if (--inDegree[successor] == 0) {
                    byRank[tail++] = successor;
                }
            }
        }
        if (tail != n) {
            throw new IllegalStateException("order graph has a cycle; Cycles must reject it first");
        }
        int[] rank = new int[n];
        for (int r = 0; r < n; r++) {
            rank[byRank[r]] = r;
        }
        return new OrderGraph(stage, tasks, next, hardNext, rank, byRank);
    }

    public Stage getStage() {
        return stage;
    }

    /** Whether a path of one or more edges leads from task {@code from} to task {@code to}. */
    public boolean reaches(String from, String to) {
        return reaches(tasks.position(from), tasks.position(to));
    }

    private boolean reaches(int a, int b) {
        if (rank[a] >= rank[b]) {
            return false;
        }
        return closure()[a].get(b);
    }

    /** Whether either task reaches the other. */
    public boolean ordered(String a, String b) {
        int x = tasks.position(a);
        int y = tasks.position(b);
        return reaches(x, y) || reaches(y, x);
    }

    /** The topological rank of the task at plan position {@code a}: only tasks ranked after it can be reached. */
    int rank(int a) {
        return rank[a];
    }

    /**
     * Of the tasks in {@code others} (plan positions), those that may run at the same time as task {@code a}: neither
     * finishes before the other starts. Either reaching the other only through a path that starts with a soft edge
     * is not enough, since a soft dependent starts on a partial output. One pass over bit sets instead of a question
     * per pair.
     */
    BitSet mayOverlapWith(int a, BitSet others) {
        BitSet[] closure = closure();
        BitSet overlapping = (BitSet) others.clone();
        overlapping.clear(a);
        overlapping.andNot(startAfterDone(a, closure));
        for (int b = overlapping.nextSetBit(0); b >= 0; b = overlapping.nextSetBit(b + 1)) {
            if (rank[b] < rank[a] && doneBeforeStart(b, a, closure)) {
                overlapping.clear(b);
            }
        }
        return overlapping;
    }

    /** The tasks that start only after task {@code a} is done: its hard successors and everything they reach. */
    private BitSet startAfterDone(int a, BitSet[] closure) {
        BitSet after = new BitSet();
        for (int successor : hardSuccessors[a]) {
            after.set(successor);
            after.or(closure[successor]);
        }
        return after;
    }

    /** Whether task {@code b} starts only after task {@code a} is done. */
    private boolean doneBeforeStart(int a, int b, BitSet[] closure) {
        for (int successor : hardSuccessors[a]) {
            if (successor == b || closure[successor].get(b)) {
                return true;
            }
        }
        return false;
    }

    private synchronized BitSet[] closure() {
        if (descendants == null) {
            int n = rank.length;
            BitSet[] sets = new BitSet[n];
            for (int r = n - 1; r >= 0; r--) {
                int task = byRank[r];
                BitSet set = new BitSet();
                for (int successor : successors[task]) {
                    set.set(successor);
                    set.or(sets[successor]);
                }
                sets[task] = set;
            }
            descendants = sets;
        }
        return descendants;
    }

    @Override
    public String toString() {
        return "OrderGraph[" + stage + ", " + rank.length + " tasks]";
    }
}
