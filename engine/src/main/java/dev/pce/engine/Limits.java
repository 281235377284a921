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
    public static final int MAX_TASKS = 20_000;
    /** Tasks a workflow may hold: its plan's and those PCE adds (gate remediation, review rework) on top. */
    public static final int MAX_WORKFLOW_TASKS = MAX_TASKS + 5_000;
    public static final int MAX_LIST_ITEMS = 1_000;
    public static final int MAX_PATH_LENGTH = 1_024;
    public static final int MAX_PAYLOAD_BYTES = 256 * 1024;
    public static final int MAX_EVENTS_PAGE = 1_000;
    public static final long MAX_LEASE_SECONDS = 7 * 24 * 3600;

    private Limits() {
    }
}
