package dev.pce.engine;

/**
 * Size bounds on everything a caller can send. They keep one bad request from exhausting memory or the log,
 * and they are checked at the edge so the error names the offending field.
 */
public final class Limits {
    public static final int MAX_ID_LENGTH = 128;
    public static final int MAX_TITLE_LENGTH = 500;
    public static final int MAX_TEXT_LENGTH = 64 * 1024;
    /** Tasks a planner may send in one plan. */
    public static final int MAX_TASKS = 100_000;
    /** Tasks a workflow may hold: its plan's and those PCE adds (gate remediation, review rework) on top. */
    public static final int MAX_WORKFLOW_TASKS = MAX_TASKS + 25_000;
    /**
     * Relations a plan may hold: its declared depends_on and those the dependency rules derive (resource, feedback,
     * implicit). Each costs the plan call about the same time and memory, and its event about 200 bytes: three per
     * task of the largest plan.
     */
    public static final int MAX_PLAN_EDGES = 300_000;
    /** Relations a workflow may hold: its plan's and those of the tasks PCE adds. */
    public static final int MAX_WORKFLOW_EDGES = MAX_PLAN_EDGES + 75_000;
    /**
     * What a plan's tasks name in reads, writes, produces and consumes, a path counted once for itself and once for
     * every directory it lies in ({@code src/api/Foo.java} counts 3): the dependency rules hold a fact for each, so a
     * megabyte of deep paths must not become gigabytes of facts.
     */
    public static final int MAX_PLAN_REFERENCES = 1_000_000;
    /** What a workflow's tasks may name, its plan's and those of the tasks PCE adds. */
    public static final int MAX_WORKFLOW_REFERENCES = MAX_PLAN_REFERENCES + 250_000;
    /**
     * The payload of one plan event (workflow.planned, workflow.tasks_added), as JSON: with its envelope, the event's
     * log line stays under {@link #MAX_EVENT_LINE_BYTES}. A plan's event holds its tasks as sent (at most one
     * message, 32 MiB) and each relation with its reason: 100,000 tasks in features of five, with 138,000
     * relations, take 53 MiB.
     */
    public static final int MAX_PLAN_PAYLOAD_BYTES = 120 * 1024 * 1024;
    /**
     * One event's log line, envelope included: a plan's event and a little more, so whatever reads the log back
     * meets no line larger than the largest plan makes. The event log refuses a larger one unwritten.
     */
    public static final int MAX_EVENT_LINE_BYTES = 128 * 1024 * 1024;
    public static final int MAX_LIST_ITEMS = 1_000;
    public static final int MAX_PATH_LENGTH = 1_024;
    /** The free-form {@code data} of a completion, as JSON. */
    public static final int MAX_PAYLOAD_BYTES = 256 * 1024;
    public static final int MAX_EVENTS_PAGE = 1_000;
    public static final long MAX_LEASE_SECONDS = 7 * 24 * 3600;

    private Limits() {
    }
}
