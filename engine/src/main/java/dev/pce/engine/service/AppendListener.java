package dev.pce.engine.service;

import dev.pce.engine.event.Event;

import java.util.List;

/**
 * Told of the events a {@link WorkflowService} appended, once they are durable: what runs after the fact (automatic
 * capture) without a use case knowing of it. Called on the caller's thread while the workflow's view is held, so
 * it must only hand the work on; whatever it throws is logged and never reaches the caller.
 */
@FunctionalInterface
public interface AppendListener {
    AppendListener NONE = (workflowId, events) -> { };

    /** {@code events} were appended to {@code workflowId}'s log, in order; never empty. */
    void appended(String workflowId, List<Event> events);
}
