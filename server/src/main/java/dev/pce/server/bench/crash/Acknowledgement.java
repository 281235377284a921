package dev.pce.server.bench.crash;

/**
 * An answer a killed process gave before it died: a promise that what it reports is in the event log. A crash may
 * cost work that was never acknowledged, never one of these.
 */
public sealed interface Acknowledgement {

    /** What was promised, for the report of a loss. */
    String describe();

    /** An appender's {@code ack <seq> <eventId>}: its event was forced to disk at that seq. */
    record Tick(String source, long seq, String eventId) implements Acknowledgement {
        @Override
        public String describe() {
            return source + " acknowledged event " + eventId + " at seq " + seq;
        }
    }

    /** A server answered {@code ce_claim} with this claim. */
    record Claim(String server, String taskId, String claimId) implements Acknowledgement {
        @Override
        public String describe() {
            return server + " answered that task '" + taskId + "' was claimed as " + claimId;
        }
    }

    /** A server answered {@code ce_complete} for this claim without an error. */
    record Completion(String server, String taskId, String claimId) implements Acknowledgement {
        @Override
        public String describe() {
            return server + " answered that task '" + taskId + "' (" + claimId + ") was completed";
        }
    }
}
