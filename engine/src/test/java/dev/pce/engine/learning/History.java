package dev.pce.engine.learning;

import dev.pce.engine.event.Event;
import dev.pce.engine.event.EventPayload;
import dev.pce.engine.event.TaskClaimed;
import dev.pce.engine.event.TaskCompleted;
import dev.pce.engine.event.TaskFailed;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A hand-made event log for tests: payloads at minutes after a fixed start, with ids and sequence numbers. */
final class History {
    static final Instant START = Instant.parse("2026-11-25T09:00:00Z");
    private final List<Event> events = new ArrayList<>();
    private int claims;

    History at(double minute, EventPayload payload) {
        long seq = events.size() + 1;
        events.add(new Event("e" + seq, seq, START.plus(Duration.ofSeconds(Math.round(minute * 60))), "test",
                payload));
        return this;
    }

    /** {@code taskId} claimed in {@code pool} at {@code from} and completed at {@code to}. */
    History ran(String taskId, String pool, double from, double to) {
        String claim = claim(taskId, pool, from);
        return at(to, new TaskCompleted(taskId, claim, "done", List.of(), null, false));
    }

    /** {@code taskId} claimed at {@code from} and failed at {@code to} with {@code reason}, to be retried. */
    History failed(String taskId, String pool, double from, double to, String reason) {
        String claim = claim(taskId, pool, from);
        return at(to, new TaskFailed(taskId, claim, reason, true, true));
    }

    private String claim(String taskId, String pool, double from) {
        String claim = "c" + ++claims;
        at(from, new TaskClaimed(taskId, claim, "agent", pool, START.plus(Duration.ofHours(9))));
        return claim;
    }

    List<Event> events() {
        return List.copyOf(events);
    }
}
