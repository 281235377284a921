package dev.pce.server.report;

import dev.pce.engine.CeException;
import dev.pce.engine.event.Event;
import dev.pce.engine.log.EventLog;
import dev.pce.engine.service.WorkflowListing.UnreadableWorkflow;
import dev.pce.engine.workspace.Workspace;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every workflow's events, read from the workspace's logs without a lock (a reader stops at the last complete
 * line), oldest workflow first. A log that cannot be read is listed with the reason instead of hiding the others.
 */
public record WorkflowLogs(Map<String, List<Event>> logs, List<UnreadableWorkflow> unreadable) {

    public WorkflowLogs {
        logs = Collections.unmodifiableMap(new LinkedHashMap<>(logs));
        unreadable = List.copyOf(unreadable);
    }

    public static WorkflowLogs read(Workspace workspace) {
        Map<String, List<Event>> logs = new LinkedHashMap<>();
        List<UnreadableWorkflow> unreadable = new ArrayList<>();
        for (String id : workspace.workflowIds()) {
            try (EventLog log = EventLog.open(workspace.eventsFile(id), Clock.systemUTC())) {
                List<Event> events = log.readNew();
                if (events.isEmpty()) {
                    // PCE writes the plan before a workflow appears: an empty log was emptied, not a workflow of 0 tasks
                    unreadable.add(new UnreadableWorkflow(id, "Event log " + log.file() + " holds no events, not "
                            + "even the plan. Fix: run ce doctor, which says how to restore or move it aside."));
                } else {
                    logs.put(id, events);
                }
            } catch (CeException e) {
                unreadable.add(new UnreadableWorkflow(id, e.describe()));
            }
        }
        return new WorkflowLogs(logs, unreadable);
    }
}
