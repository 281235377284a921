package dev.pce.engine.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pce.engine.Json;
import dev.pce.engine.event.Event;
import dev.pce.engine.event.EventCodec;
import dev.pce.engine.event.NewEvent;
import dev.pce.engine.event.UnrecognizedPayload;
import dev.pce.engine.log.EventLog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Filler events for log tests ({@code test.tick}, a type the state fold ignores), and an independent reader of a
 * log file that decodes it line by line without {@link EventLog}.
 */
public final class Ticks {
    public static final String TYPE = "test.tick";

    private Ticks() {
    }

    /** The payload holds {@code i} as an int, the type it decodes to, so recorded and read-back events are equal. */
    public static NewEvent tick(String source, int i) {
        ObjectNode payload = Json.mapper().createObjectNode();
        payload.put("source", source);
        payload.put("i", i);
        return new NewEvent(source, new UnrecognizedPayload(TYPE, payload));
    }

    public static List<NewEvent> ticks(String source, int count) {
        List<NewEvent> events = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            events.add(tick(source, i));
        }
        return events;
    }

    /** Appends {@code count} ticks in one locked section (one fsync) and returns them as recorded. */
    public static List<Event> append(EventLog log, int count) {
        return log.locked((caughtUp, appender) -> appender.append(ticks("tester", count)));
    }

    /** The {@code i} of a tick or of an {@link dev.pce.engine.log.AppendWorker} event. */
    public static long indexOf(Event event) {
        return ((UnrecognizedPayload) event.payload()).raw().get("i").asLong();
    }

    /** The {@code source} field inside a tick's payload. */
    public static String sourceOf(Event event) {
        return ((UnrecognizedPayload) event.payload()).raw().get("source").asText();
    }

    /** Every line of the file decoded on its own; fails on a line without newline or that does not decode. */
    public static List<Event> decodeFile(Path file) {
        byte[] bytes = readAll(file);
        List<Event> events = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                events.add(EventCodec.decode(bytes, start, i - start, file + " line " + (events.size() + 1)));
                start = i + 1;
            }
        }
        if (start != bytes.length) {
            throw new AssertionError(file + " ends with " + (bytes.length - start) + " bytes without a newline");
        }
        return events;
    }

    /** Appends raw bytes to a file, as a crashed or foreign writer would have. */
    public static void appendRaw(Path file, byte[] bytes) {
        try {
            Files.write(file, bytes, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void appendRaw(Path file, String text) {
        appendRaw(file, text.getBytes(StandardCharsets.UTF_8));
    }

    public static byte[] readAll(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
