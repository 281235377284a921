package dev.pce.server.bench.load;

/** What a load run verifies; each violation names the check it breaks. */
public enum Check {
    LOST("every acknowledged transition is in the log"),
    UNACKNOWLEDGED("every transition in the log was acknowledged to an agent"),
    DUPLICATED("no transition, event id or acknowledgement appears twice"),
    DOUBLE_CLAIM("no task is held under two claims at once, or claimed once done"),
    FOREIGN_REPORT("reports and expiries name the claim that holds the task"),
    EARLY_CLAIM("no task is claimed before its hard prerequisites are done"),
    SHARED_FILE("tasks writing the same file are never held at once"),
    SEQUENCE("the log reads back line by line with seq 1, 2, 3, ... and no gap"),
    READS("ce_events, read while other processes append, answers the log's events in order"),
    UNPLANNED_EXPIRY("only leases an agent abandoned expire"),
    NOT_DONE("every task ends done"),
    STATUS("ce_status of every server process, and of a fresh one, equals the replayed log"),
    TOOL_ERROR("no tool call fails, times out or answers unexpectedly"),
    STDOUT("server stdout carries JSON-RPC only"),
    DEADLINE("the run finishes before its deadline");

    private final String description;

    Check(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
