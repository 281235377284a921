package dev.pce.engine.service;

import java.util.List;

/**
 * Every workflow of a workspace: the readable ones summarized, oldest first, and the ones whose log could not be
 * read, each with the reason (one damaged log never hides the others).
 */
public record WorkflowListing(List<WorkflowSummary> workflows, List<UnreadableWorkflow> unreadable) {

    public WorkflowListing {
        workflows = List.copyOf(workflows);
        unreadable = List.copyOf(unreadable);
    }

    /** A workflow whose log could not be read, and what to do about it. */
    public record UnreadableWorkflow(String workflowId, String error) {
    }
}
