package dev.pce.engine.log;

import dev.pce.engine.CeException;
import dev.pce.engine.IoFailures;
import dev.pce.engine.event.Event;
import dev.pce.engine.event.EventCodec;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every line of a log file read on its own, without a lock and without changing anything, for {@code ce doctor}:
 * unlike {@link EventLog}, which stops at the first line it cannot read, a scan goes on, so each damaged line can be
 * reported. Also what lies after the last newline, and how far the log had been acknowledged.
 *
 * @param size         the file's size when scanned
 * @param lines        the complete lines, in order
 * @param tail         the bytes after the last newline, if any
 * @param acknowledged the log's {@link AckMark}, if it has one that belongs to this file
 */
public record LogFileScan(Path file, long size, List<Line> lines, Optional<Tail> tail,
                          Optional<Acknowledged> acknowledged) {

    public LogFileScan {
        lines = List.copyOf(lines);
    }

    /**
     * One complete line: the event on it, or why it does not read.
     *
     * @param number 1-based; line N should hold event N
     * @param start  the byte offset where it starts
     * @param end    the byte offset just past its newline
     */
    public record Line(long number, long start, long end, Optional<Event> event, Optional<CeException> error) {
    }

    /** Bytes after the last newline: the start of a line nobody finished. */
    public record Tail(long line, long start, long bytes) {
    }

    /** The end of the last append that was acknowledged: everything before it was complete lines. */
    public record Acknowledged(long seq, long offset, String eventId) {
    }

    public static LogFileScan of(Path file) {
        Optional<Acknowledged> acknowledged;
        try {
            OpenLogFiles.Key key = OpenLogFiles.Key.of(file);
            acknowledged = AckMark.readBeside(file).filter(mark -> mark.belongsTo(key))
                    .map(mark -> new Acknowledged(mark.seq(), mark.offset(), mark.eventId()));
        } catch (IOException e) {
            throw IoFailures.failed("read event log " + file, file.getParent(), e, "");
        }
        List<Line> lines = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        long offset = 0;
        long lineStart = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            int next;
            while ((next = in.read()) >= 0) {
                offset++;
                if (next != '\n') {
                    line.write(next);
                    continue;
                }
                lines.add(decode(file, lines.size() + 1, lineStart, offset, line.toByteArray()));
                line.reset();
                lineStart = offset;
            }
        } catch (IOException e) {
            throw IoFailures.failed("read event log " + file, file.getParent(), e, "");
        }
        Optional<Tail> tail = line.size() > 0
                ? Optional.of(new Tail(lines.size() + 1, lineStart, line.size()))
                : Optional.empty();
        return new LogFileScan(file, offset, lines, tail, acknowledged);
    }

    private static Line decode(Path file, long number, long start, long end, byte[] bytes) {
        try {
            Event event = EventCodec.decode(bytes, 0, bytes.length, file + " line " + number);
            return new Line(number, start, end, Optional.of(event), Optional.empty());
        } catch (CeException e) {
            return new Line(number, start, end, Optional.empty(), Optional.of(e));
        }
    }
}
