package dev.pce.engine.merge;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.pce.engine.event.Event;
import dev.pce.engine.event.EventCodec;
import dev.pce.engine.event.EventIds;
import dev.pce.engine.event.EventPayload;
import dev.pce.engine.event.TaskClaimed;
import dev.pce.engine.event.TaskCompleted;
import dev.pce.engine.event.WorkflowPlanned;
import dev.pce.engine.testing.Plans;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.pce.engine.testing.Plans.task;

/** Builds the event log of one CI job for merge tests: a copy of a shared prefix plus the job's own events. */
final class JobLog {
    static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    private final List<Event> events;

    private JobLog(List<Event> events) {
        this.events = new ArrayList<>(events);
    }

    /** A planned workflow of tasks a, b, c. */
    static JobLog planned() {
        WorkflowPlanned plan = new WorkflowPlanned("merge test", Plans.of(task("a"), task("b"), task("c")));
        return new JobLog(List.of(event(1, T0, plan)));
    }

    /** Another job's copy of this log so far. */
    JobLog fork() {
        return new JobLog(events);
    }

    JobLog append(int secondsAfterStart, EventPayload payload) {
        events.add(event(events.size() + 1, T0.plusSeconds(secondsAfterStart), payload));
        return this;
    }

    JobLog appendEvent(Event event) {
        events.add(event);
        return this;
    }

    JobLog claim(int at, String taskId, String claimId) {
        return append(at, new TaskClaimed(taskId, claimId, "agent-" + claimId, "builders",
                T0.plusSeconds(at).plus(Duration.ofMinutes(30))));
    }

    JobLog claimWithLease(int at, String taskId, String claimId, int leaseSeconds) {
        return append(at, new TaskClaimed(taskId, claimId, "agent-" + claimId, "builders",
                T0.plusSeconds(at + leaseSeconds)));
    }

    JobLog complete(int at, String taskId, String claimId) {
        return append(at, new TaskCompleted(taskId, claimId, "done", List.of(), JsonNodeFactory.instance.objectNode(),
                false));
    }

    List<Event> events() {
        return List.copyOf(events);
    }

    byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        events.forEach(event -> out.writeBytes(EventCodec.encode(event)));
        return out.toByteArray();
    }

    Path writeTo(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.write(file, bytes());
    }

    static Event event(long seq, Instant time, EventPayload payload) {
        return new Event(EventIds.next(time.toEpochMilli()), seq, time, "test", payload);
    }
}
