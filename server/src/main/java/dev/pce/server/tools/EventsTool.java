package dev.pce.server.tools;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pce.engine.Json;
import dev.pce.engine.Limits;
import dev.pce.engine.event.Event;
import dev.pce.engine.event.EventCodec;
import dev.pce.engine.model.Ids;
import dev.pce.engine.service.EventQuery;
import dev.pce.engine.service.EventsPage;
import dev.pce.engine.service.WorkflowService;

import java.util.HashSet;

/** ce_events: a page of a workflow's history after a cursor, filtered by type, task or pool. */
public final class EventsTool implements CeTool {
    private static final int DEFAULT_LIMIT = 100;
    /**
     * Events per answer stop here, below what an answer may hold: a plan's event alone can be megabytes, and then
     * comes alone (the server shortens it and says what it cut).
     */
    private static final int PAGE_BYTES = ToolOutput.MAX_BYTES * 3 / 4;

    private final WorkflowService workflows;

    public EventsTool(WorkflowService workflows) {
        this.workflows = workflows;
    }

    @Override
    public String name() {
        return ToolName.CE_EVENTS.wireName();
    }

    @Override
    public ToolOutput call(ToolArgs args) {
        EventQuery query = new EventQuery(CommonArgs.workflowId(args),
                args.integer("after", 0, Long.MAX_VALUE, 0),
                new HashSet<>(args.stringList("types", 50, Limits.MAX_ID_LENGTH)),
                CommonArgs.optionalTaskId(args),
                args.optionalString("pool", Limits.MAX_ID_LENGTH).map(pool -> Ids.requirePool(pool, "pool")),
                (int) args.integer("limit", 1, Limits.MAX_EVENTS_PAGE, DEFAULT_LIMIT));
        EventsPage page = workflows.events(query);
        ObjectNode result = Json.mapper().createObjectNode();
        result.put("workflow_id", page.workflowId());
        ArrayNode events = result.putArray("events");
        long nextAfter = page.nextAfter();
        boolean hasMore = page.hasMore();
        int bytes = 0;
        for (Event event : page.events()) {
            ObjectNode json = EventCodec.toJson(event);
            bytes += ToolOutput.sizeOf(json) + 1;
            if (bytes > PAGE_BYTES && !events.isEmpty()) {
                // the page ends where an answer still fits; the next one starts right after the last event in it
                nextAfter = events.get(events.size() - 1).path("seq").asLong();
                hasMore = true;
                break;
            }
            events.add(json);
        }
        result.put("next_after", nextAfter);
        result.put("has_more", hasMore);
        result.put("last_seq", page.lastSeq());
        return ToolOutput.json(result).pagedAt("/events");
    }
}
