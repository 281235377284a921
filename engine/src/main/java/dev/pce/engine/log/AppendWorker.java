package dev.pce.engine.log;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pce.engine.CeException;
import dev.pce.engine.Json;
import dev.pce.engine.event.Event;
import dev.pce.engine.event.NewEvent;
import dev.pce.engine.event.UnrecognizedPayload;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * A separate process that appends to an existing event log, for load tests, crash tests and benchmarks of the
 * log's cross-process locking and its acknowledgement promise.
 *
 * <pre>
 * java -cp &lt;classpath&gt; dev.pce.engine.log.AppendWorker &lt;events.jsonl&gt; &lt;count&gt; &lt;source&gt;
 * </pre>
 *
 * <p>Appends {@code count} events of type {@code load.tick} (payload {@code {"source":source,"i":i}} for
 * {@code i} = 1..count), one event per locked section. After each append has returned, that is after the event
 * was forced to disk, it prints {@code ack <seq> <eventId>} on standard output and flushes, so a line on stdout is
 * a promise that the event survives a crash of this process. Prints {@code done} and exits with 0 at the end; on
 * any error it prints the reason on standard error and exits with 1.
 */
public final class AppendWorker {
    /** The event type the worker appends; unknown to the state fold, so it round-trips unchanged. */
    public static final String EVENT_TYPE = "load.tick";

    private AppendWorker() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        try {
            if (args.length != 3) {
                throw new IllegalArgumentException("usage: AppendWorker <events.jsonl> <count> <source>");
            }
            Path file = Path.of(args[0]);
            int count = parseCount(args[1]);
            String source = args[2];
            run(file, count, source, out);
            out.println("done");
            out.flush();
        } catch (IllegalArgumentException e) {
            exitWithError(out, e.getMessage(), null);
        } catch (CeException e) {
            exitWithError(out, e.describe(), e);
        } catch (RuntimeException | Error e) {
            exitWithError(out, e.toString(), e);
        }
        System.exit(0);
    }

    private static int parseCount(String value) {
        try {
            int count = Integer.parseInt(value);
            if (count >= 0) {
                return count;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("count must be a whole number of 0 or more, got '" + value + "'");
    }

    private static void exitWithError(PrintStream out, String message, Throwable cause) {
        out.flush();
        System.err.println("AppendWorker failed: " + message);
        if (cause != null) {
            cause.printStackTrace(System.err);
        }
        System.err.flush();
        System.exit(1);
    }

    private static void run(Path file, int count, String source, PrintStream out) {
        try (EventLog log = EventLog.open(file, Clock.systemUTC())) {
            for (int i = 1; i <= count; i++) {
                ObjectNode payload = Json.mapper().createObjectNode();
                payload.put("source", source);
                payload.put("i", i);
                NewEvent tick = new NewEvent(source, new UnrecognizedPayload(EVENT_TYPE, payload));
                List<Event> appended = log.locked((caughtUp, appender) -> appender.append(List.of(tick)));
                Event event = appended.get(0);
                out.println("ack " + event.seq() + " " + event.id());
                out.flush();
            }
        }
    }
}
