package dev.pce.engine.pools;

import dev.pce.engine.CeException;
import dev.pce.engine.event.Event;
import dev.pce.engine.event.EventCodec;
import dev.pce.engine.event.TaskClaimed;
import dev.pce.engine.event.TaskProgressed;
import dev.pce.engine.log.EventLog;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;

/**
 * Tells, without decoding a workflow's plan, that it cannot have finished: a workflow finishes only once some task
 * is done or failed for good, and a log that holds nothing after its plan but claims and progress records none.
 * Pool history needs only finished workflows; decoding a just-planned 100,000-task workflow's plan event (50 MB of
 * JSON) to learn that it is running cost the next {@code ce_plan} a second and more heap than the plan itself.
 */
final class UnfinishedLogs {
    /** The events that cannot end a task; any other one (or a line that does not read) may have ended the last. */
    private static final Set<String> CANNOT_FINISH = Set.of(TaskClaimed.TYPE, TaskProgressed.TYPE);
    private static final int CHUNK = 1 << 20;

    private UnfinishedLogs() {
    }

    /**
     * True when the log at {@code file} certainly belongs to a workflow that has not finished: after its first line
     * (the plan, skipped unread) only claims and progress. False when it may have finished, or cannot be told.
     */
    static boolean certainlyUnfinished(Path file) throws IOException {
        if (EventLog.holdsOnlyTheFirstEvent(file)) {
            return true; // a plan nobody claimed from yet: told by the log's mark, without reading the plan's line
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
            boolean inPlan = true;
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            long lineNumber = 1;
            while (channel.read(buffer.clear()) > 0) {
                buffer.flip();
                byte[] bytes = buffer.array();
                int start = 0;
                for (int i = 0; i < buffer.limit(); i++) {
                    if (bytes[i] != '\n') {
                        continue;
                    }
                    if (inPlan) {
                        inPlan = false;
                    } else {
                        line.write(bytes, start, i - start);
                        if (!cannotFinish(line.toByteArray(), file, lineNumber)) {
                            return false;
                        }
                        line.reset();
                    }
                    lineNumber++;
                    start = i + 1;
                }
                if (!inPlan) {
                    line.write(bytes, start, buffer.limit() - start);
                }
            }
            // what follows the last newline is a line nobody finished: readers leave it out too
            return !inPlan;
        }
    }

    private static boolean cannotFinish(byte[] line, Path file, long lineNumber) {
        try {
            Event event = EventCodec.decode(line, 0, line.length, file + " line " + lineNumber);
            return CANNOT_FINISH.contains(event.type());
        } catch (CeException e) {
            return false; // the whole read names the damage, as before
        }
    }
}
