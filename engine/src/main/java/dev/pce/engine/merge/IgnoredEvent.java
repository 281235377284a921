package dev.pce.engine.merge;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A conflict the merge revealed: an event two jobs' histories disagree on, which the rules ignore when the merged
 * log is checked. The event stays in the merged log (the log is history); this says why it does not count.
 *
 * @param seq    its position in the merged log
 * @param files  the inputs it came from
 * @param reason what it contradicts, in words
 */
public record IgnoredEvent(Kind kind, String eventId, long seq, String type, String taskId, List<Path> files,
                           String reason) {

    public IgnoredEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(taskId, "taskId");
        files = List.copyOf(files);
        Objects.requireNonNull(reason, "reason");
    }

    /** What kind of contradiction. */
    public enum Kind {
        /** Claimed while another job's claim still held the task: the first claim wins. */
        CLAIM_WHILE_HELD,
        /** Claimed after another job had already finished the task. */
        CLAIM_OF_FINISHED_TASK,
        /** A completion, failure or progress report under a claim that does not hold the task. */
        REPORT_UNDER_LOST_CLAIM,
        /** Completed or failed again after another claim had already finished the task. */
        TASK_ALREADY_FINISHED
    }

    /** One line for a person: which event, from where, and why it does not count. */
    public String describe() {
        return "seq " + seq + " " + type + " of task '" + taskId + "' (event " + eventId + ", from "
                + String.join(", ", files.stream().map(Path::toString).toList()) + "): " + reason;
    }
}
