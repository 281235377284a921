package dev.pce.engine.log;

import dev.pce.engine.event.Event;

import java.util.List;

/**
 * Work done while holding a log's lock across processes: look at the events others appended since this process
 * last read, decide, then append. Nothing else can append in between, which makes decide-then-append atomic.
 */
@FunctionalInterface
public interface LockedSection<T> {

    T run(List<Event> caughtUp, Appender appender);

    /** Appends inside a {@link LockedSection}; returns once the events are on disk (fsync). */
    interface Appender {
        List<Event> append(List<dev.pce.engine.event.NewEvent> events);
    }
}
