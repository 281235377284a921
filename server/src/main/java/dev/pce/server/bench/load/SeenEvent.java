package dev.pce.server.bench.load;

/** An event an agent read with {@code ce_events} while it waited: it must be the log's event at that seq. */
public record SeenEvent(long seq, String eventId, String agent) {
}
