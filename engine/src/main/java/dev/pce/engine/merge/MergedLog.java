package dev.pce.engine.merge;

import dev.pce.engine.AtomicFile;
import dev.pce.engine.event.Event;
import dev.pce.engine.event.EventCodec;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * The result of a merge: the merged events (seq 1..n, the plan first) and what the merge saw on the way.
 *
 * @param inputs             each input, in the order given
 * @param duplicatesDropped  events present in more than one input (or twice in one), counted once per extra copy
 * @param ignored            the conflicts: events kept in the log that the claim rules ignore in the merged state
 */
public record MergedLog(List<Event> events, List<InputSummary> inputs, int duplicatesDropped,
                        List<IgnoredEvent> ignored) {

    public MergedLog {
        events = List.copyOf(events);
        inputs = List.copyOf(inputs);
        ignored = List.copyOf(ignored);
    }

    /** The log file's content: one JSON line per event. The same inputs give the same bytes. */
    public byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        events.forEach(event -> out.writeBytes(EventCodec.encode(event)));
        return out.toByteArray();
    }

    /** Writes the log to {@code file} atomically: readers see the old file or the whole new one. */
    public void writeTo(Path file) {
        AtomicFile.write(file, bytes());
    }
}
