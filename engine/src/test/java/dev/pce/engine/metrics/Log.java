package dev.pce.engine.metrics;

import com.fasterxml.jackson.databind.node.NullNode;
import dev.pce.engine.event.ClaimRevoked;
import dev.pce.engine.event.Event;
import dev.pce.engine.event.EventPayload;
import dev.pce.engine.event.GateEvaluated;
import dev.pce.engine.event.TaskClaimed;
import dev.pce.engine.event.TaskCompleted;
import dev.pce.engine.event.TaskFailed;
import dev.pce.engine.event.WorkflowPlanned;
import dev.pce.engine.model.TaskSpec;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A hand-built event log: payloads at seconds after {@link #START}, with ids and sequence numbers. Claims get a
 * lease of an hour unless a test says otherwise, so only the tests about leases see one run out.
 */
final class Log {
    static final Instant START = Instant.parse("2026-11-25T09:00:00Z");
    private final List<Event> events = new ArrayList<>();
    private int claims;

    static Instant at(double second) {
        return START.plus(Duration.ofMillis(Math.round(second * 1000)));
    }

    Log event(double second, EventPayload payload) {
        long seq = events.size() + 1;
        events.add(new Event("e" + seq, seq, at(second), "test", payload));
        return this;
    }

    Log plan(TaskSpec... tasks) {
        return event(0, new WorkflowPlanned("goal", List.of(tasks)));
    }

    /** Claims {@code taskId} at {@code second}; returns the claim id. */
    String claim(String taskId, String pool, String agent, double second, double leaseSeconds) {
        String claim = "c" + ++claims;
        event(second, new TaskClaimed(taskId, claim, agent, pool, at(second + leaseSeconds)));
        return claim;
    }

    Log ran(String taskId, String pool, String agent, double from, double to) {
        String claim = claim(taskId, pool, agent, from, 3600);
        return event(to, new TaskCompleted(taskId, claim, "done", List.of(), NullNode.getInstance(), false));
    }

    Log failed(String taskId, String pool, String agent, double from, double to, boolean retry) {
        String claim = claim(taskId, pool, agent, from, 3600);
        return event(to, new TaskFailed(taskId, claim, "broke", retry, retry));
    }

    Log revoked(String taskId, String pool, String agent, double from, double to) {
        String claim = claim(taskId, pool, agent, from, 3600);
        return event(to, new ClaimRevoked(taskId, claim, agent, "rolled back"));
    }

    Log gate(String gate, int wave, double second, boolean blocking) {
        return event(second, new GateEvaluated(gate, wave, "library", blocking, List.of(), 0, List.of()));
    }

    List<Event> events() {
        return List.copyOf(events);
    }

    static TaskSpec task(String id, String kind, String... dependsOn) {
        return TaskSpec.builder(id, kind).dependsOn(dependsOn).build();
    }
}
