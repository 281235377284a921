package dev.pce.engine.service;

import dev.pce.engine.event.Event;

import java.util.List;

/**
 * A page of events. Pass {@code nextAfter} as the next query's {@code after}; {@code lastSeq} is the newest
 * event of the workflow when the page was read.
 */
public record EventsPage(String workflowId, List<Event> events, long nextAfter, boolean hasMore, long lastSeq) {
}
