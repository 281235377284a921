package dev.pce.engine.log;

import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.engine.Limits;
import dev.pce.engine.event.Event;
import dev.pce.engine.event.EventCodec;
import dev.pce.engine.event.EventIds;
import dev.pce.engine.event.NewEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * An append-only file of events, one JSON line each, shared by every server process of a workspace.
 *
 * <p>Appends happen only inside {@link #locked}: an OS file lock (plus a JVM lock, because the OS lock is per
 * process) makes decide-and-append atomic across processes, and the data is forced to disk before the append
 * returns, so an acknowledged event survives a crash. A writer that dies mid-line leaves a torn tail without a
 * newline; the next locked section saves those bytes beside the log and cuts them. Readers outside the lock simply
 * stop at the last complete line.
 *
 * <p>Instances are not shared between threads without outside synchronisation; methods are synchronized so that
 * misuse stays safe.
 */
public final class EventLog implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(EventLog.class);
    /**
     * The OS lock is per process, so threads of one process also need a JVM lock per file. Striped by path: a
     * fixed set that never grows, at the cost of two logs occasionally sharing a stripe.
     */
    private static final ReentrantLock[] JVM_LOCKS = new ReentrantLock[64];

    static {
        for (int i = 0; i < JVM_LOCKS.length; i++) {
            JVM_LOCKS[i] = new ReentrantLock();
        }
    }
    private static final int CHUNK = 1 << 20;

    private final Path file;
    private final FileChannel channel;
    private final ReentrantLock jvmLock;
    private final Clock clock;
    private final LongList lineStarts = new LongList();
    /** Offset just past the last complete line this instance has consumed. */
    private long consumed;
    private long lastSeq;
    /** {@link #lineStarts} holds the lines from this offset on; earlier ones are indexed on demand. */
    private long indexedFrom;
    /**
     * Events consumed from the file but not yet handed out by {@link #readNew} or {@link #locked}: {@link #read}
     * consumes too, and what it consumed must still reach the caller's state fold.
     */
    private final List<Event> unreturned = new ArrayList<>();

    private EventLog(Path file, FileChannel channel, Clock clock) {
        this.file = file;
        this.channel = channel;
        this.clock = clock;
        this.jvmLock = JVM_LOCKS[Math.floorMod(file.toAbsolutePath().normalize().hashCode(), JVM_LOCKS.length)];
    }

    /** Creates an empty log file; fails if one exists. The caller makes the directory entry durable. */
    public static void create(Path file) {
        try {
            Files.createFile(file);
        } catch (IOException e) {
            throw io("create event log " + file, e);
        }
    }

    /** Opens an existing log positioned at its start; nothing is read yet (see {@link #readNew}). */
    public static EventLog open(Path file, Clock clock) {
        try {
            return new EventLog(file, FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE),
                    clock);
        } catch (NoSuchFileException e) {
            throw new CeException(ErrorCode.IO, "Event log " + file + " does not exist.",
                    "Check the workflow id and the workspace (CE_WORKSPACE); the workflow may have been removed.", e);
        } catch (IOException e) {
            throw io("open event log " + file, e);
        }
    }

    /**
     * Resumes after a known prefix (from a snapshot): the caller vouches that {@code offset} ends the line of
     * event {@code seq}. Earlier line offsets are indexed lazily if a reader asks for old events.
     */
    public synchronized void resumeAt(long offset, long seq) {
        if (consumed != 0 || lastSeq != 0) {
            throw new IllegalStateException("resumeAt must be called before the first read");
        }
        consumed = offset;
        lastSeq = seq;
        indexedFrom = offset;
    }

    /**
     * Whether the line that ends at byte {@code offset} is event {@code seq} with id {@code eventId}: the check
     * that a snapshot still describes this log.
     */
    public synchronized boolean endsWith(long offset, long seq, String eventId) {
        try {
            if (offset <= 0 || offset > channel.size()) {
                return false;
            }
            int window = 4096;
            while (true) {
                long start = Math.max(0, offset - window);
                byte[] bytes = new byte[(int) (offset - start)];
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining() && channel.read(buffer, start + buffer.position()) >= 0) {
                    // keep reading
                }
                if (bytes[bytes.length - 1] != '\n') {
                    return false;
                }
                int lineStart = -1;
                for (int i = bytes.length - 2; i >= 0; i--) {
                    if (bytes[i] == '\n') {
                        lineStart = i + 1;
                        break;
                    }
                }
                if (lineStart < 0 && start > 0) {
                    window *= 4;
                    continue;
                }
                int from = Math.max(lineStart, 0);
                Event event = EventCodec.decode(bytes, from, bytes.length - 1 - from, file + " (snapshot check)");
                return event.seq() == seq && event.id().equals(eventId);
            }
        } catch (IOException | CeException e) {
            return false;
        }
    }

    public Path file() {
        return file;
    }

    public synchronized long lastSeq() {
        return lastSeq;
    }

    /** Offset just past the last consumed line: a snapshot taken now is valid up to here. */
    public synchronized long consumedOffset() {
        return consumed;
    }

    /**
     * The events this instance has not handed out yet: the complete lines appended by any process since its last
     * {@code readNew} or {@link #locked} (including lines {@link #read} already went over). Takes no lock.
     */
    public synchronized List<Event> readNew() {
        try {
            consume(false);
            return takeUnreturned();
        } catch (IOException e) {
            throw io("read event log " + file, e);
        }
    }

    /**
     * Runs {@code section} holding the log's lock across threads and processes. The section first sees the events
     * appended since this instance last read; whatever it appends is on disk when its append call returns.
     */
    public synchronized <T> T locked(LockedSection<T> section) {
        jvmLock.lock();
        try (FileLock ignored = channel.lock()) {
            ensureStillLinked();
            consume(true);
            List<Event> caughtUp = takeUnreturned();
            return section.run(caughtUp, this::appendHoldingLock);
        } catch (IOException e) {
            throw io("lock event log " + file, e);
        } finally {
            jvmLock.unlock();
        }
    }

    /** Reads at most {@code limit} events with seq greater than {@code afterSeq} that match {@code filter}. */
    public synchronized Page read(long afterSeq, int limit, Predicate<Event> filter) {
        if (afterSeq < 0) {
            throw new IllegalArgumentException("afterSeq must be >= 0, got " + afterSeq);
        }
        try {
            consume(false);
            ensureIndexed();
            List<Event> events = new ArrayList<>();
            long scannedTo = afterSeq;
            for (long seq = afterSeq + 1; seq <= lastSeq && events.size() < limit; seq++) {
                Event event = readLine(seq);
                scannedTo = seq;
                if (filter.test(event)) {
                    events.add(event);
                }
            }
            return new Page(events, scannedTo, scannedTo < lastSeq);
        } catch (IOException e) {
            throw io("read event log " + file, e);
        }
    }

    /** A page of events; pass {@code nextAfter} as the next cursor. */
    public record Page(List<Event> events, long nextAfter, boolean hasMore) {
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.warn("closing {} failed: {}", file, e.toString());
        }
    }

    private List<Event> appendHoldingLock(List<NewEvent> newEvents) {
        if (!jvmLock.isHeldByCurrentThread()) {
            throw new IllegalStateException("append outside locked()");
        }
        if (newEvents.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        List<Event> events = new ArrayList<>(newEvents.size());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        long[] starts = new long[newEvents.size()];
        long seq = lastSeq;
        for (int i = 0; i < newEvents.size(); i++) {
            NewEvent draft = newEvents.get(i);
            Event event = new Event(EventIds.next(now.toEpochMilli()), ++seq, now, draft.source(), draft.payload());
            starts[i] = consumed + bytes.size();
            bytes.writeBytes(requireLineFits(EventCodec.encode(event), event));
            events.add(event);
        }
        try {
            ByteBuffer buffer = ByteBuffer.wrap(bytes.toByteArray());
            long position = consumed;
            while (buffer.hasRemaining()) {
                position += channel.write(buffer, position);
            }
            // The acknowledgement promise: nothing returns before the bytes are durable.
            channel.force(false);
            consumed = position;
        } catch (IOException e) {
            throw io("append to event log " + file, e);
        }
        for (long start : starts) {
            lineStarts.add(start);
        }
        lastSeq = seq;
        return events;
    }

    /** The safety net under every input bound: no reader of the log meets a line larger than one message. */
    private static byte[] requireLineFits(byte[] line, Event event) {
        if (line.length <= Limits.MAX_EVENT_LINE_BYTES) {
            return line;
        }
        throw new CeException(ErrorCode.INVALID_ARGUMENT, String.format(Locale.ROOT, "The '%s' event would take %,d"
                        + " bytes in the event log, more than the %,d one event may take; nothing was written.",
                event.type(), line.length, Limits.MAX_EVENT_LINE_BYTES),
                "Send less in one call: fewer or shorter findings, texts or tasks.");
    }

    /** gc may have removed the workflow; appending to an unlinked file would lose events silently. */
    private void ensureStillLinked() throws IOException {
        if (!Files.exists(file)) {
            throw new CeException(ErrorCode.UNKNOWN_WORKFLOW, "Event log " + file + " was removed while open.",
                    "The workflow was garbage-collected; plan it again with ce_plan.");
        }
    }

    private List<Event> takeUnreturned() {
        List<Event> events = List.copyOf(unreturned);
        unreturned.clear();
        return events;
    }

    /**
     * Reads the complete lines after {@link #consumed} into {@link #unreturned}. Progress is kept line by line, so
     * a corrupt line fails the same way on every call and the good lines before it are not lost.
     */
    private void consume(boolean holdingLock) throws IOException {
        long size = channel.size();
        if (size < consumed) {
            throw new CeException(ErrorCode.LOG_CORRUPT,
                    "Event log " + file + " shrank from " + consumed + " to " + size + " bytes while in use.",
                    "Something outside PCE truncated the log; restore it from a backup.");
        }
        byte[] buffer = new byte[(int) Math.min(CHUNK, Math.max(size - consumed, 1))];
        int filled = 0;
        long bufferStart = consumed;
        long position = consumed;
        while (position < size) {
            if (filled == buffer.length) {
                buffer = Arrays.copyOf(buffer, buffer.length * 2);
            }
            int read = channel.read(ByteBuffer.wrap(buffer, filled, buffer.length - filled), position);
            if (read < 0) {
                break;
            }
            position += read;
            filled += read;
            int lineStart = 0;
            for (int i = 0; i < filled; i++) {
                if (buffer[i] == '\n') {
                    acceptLine(buffer, lineStart, i - lineStart, bufferStart + lineStart);
                    lineStart = i + 1;
                    consumed = bufferStart + lineStart;
                }
            }
            System.arraycopy(buffer, lineStart, buffer, 0, filled - lineStart);
            filled -= lineStart;
            bufferStart += lineStart;
        }
        if (filled > 0 && holdingLock) {
            cutTornTail(Arrays.copyOf(buffer, filled));
        }
    }

    private void acceptLine(byte[] buffer, int offset, int length, long fileOffset) {
        long expected = lastSeq + 1;
        Event event = EventCodec.decode(buffer, offset, length, file + " line " + expected);
        if (event.seq() != expected) {
            throw new CeException(ErrorCode.LOG_CORRUPT,
                    "Event log " + file + " line " + expected + " has seq " + event.seq() + ", expected " + expected
                            + ".",
                    "Lines were reordered, removed or added outside PCE; restore the log from a backup.");
        }
        lineStarts.add(fileOffset);
        lastSeq = expected;
        unreturned.add(event);
    }

    /** Holding the lock, a line without newline can only be the remains of a writer that died mid-append. */
    private void cutTornTail(byte[] torn) throws IOException {
        Path keep = file.resolveSibling(file.getFileName() + ".torn");
        String header = "# " + clock.instant() + " cut " + torn.length + " bytes at offset " + consumed + "\n";
        try (FileChannel out = FileChannel.open(keep, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            out.write(ByteBuffer.wrap(header.getBytes(StandardCharsets.UTF_8)));
            out.write(ByteBuffer.wrap(torn));
            out.write(ByteBuffer.wrap(new byte[] {'\n'}));
            out.force(false);
        }
        channel.truncate(consumed);
        channel.force(false);
        LOG.warn("Event log {}: cut a torn last line of {} bytes left by a writer that died mid-append "
                + "(never acknowledged; kept in {}).", file, torn.length, keep);
    }

    private Event readLine(long seq) throws IOException {
        long start = lineStarts.get((int) (seq - 1));
        long end = seq < lastSeq ? lineStarts.get((int) seq) : consumed;
        byte[] line = new byte[(int) (end - start)];
        ByteBuffer buffer = ByteBuffer.wrap(line);
        long position = start;
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, position);
            if (read < 0) {
                throw new CeException(ErrorCode.LOG_CORRUPT, "Event log " + file + " ended inside line " + seq + ".",
                        "Restore the log from a backup.");
            }
            position += read;
        }
        return EventCodec.decode(line, 0, line.length - 1, file + " line " + seq);
    }

    /** After a snapshot resume, old line offsets are unknown until someone asks for old events. */
    private void ensureIndexed() throws IOException {
        if (indexedFrom == 0) {
            return;
        }
        LongList all = new LongList();
        all.add(0);
        byte[] buffer = new byte[CHUNK];
        long position = 0;
        while (position < indexedFrom) {
            int read = channel.read(ByteBuffer.wrap(buffer, 0, (int) Math.min(buffer.length, indexedFrom - position)),
                    position);
            if (read < 0) {
                break;
            }
            for (int i = 0; i < read; i++) {
                if (buffer[i] == '\n' && position + i + 1 < indexedFrom) {
                    all.add(position + i + 1);
                }
            }
            position += read;
        }
        for (int i = 0; i < lineStarts.size(); i++) {
            all.add(lineStarts.get(i));
        }
        if (all.size() != lastSeq) {
            throw new CeException(ErrorCode.LOG_CORRUPT,
                    "Event log " + file + " has " + all.size() + " lines but its last event is seq " + lastSeq + ".",
                    "Delete the workflow's snapshot.json (it is only a cache) and retry.");
        }
        lineStarts.clear();
        for (int i = 0; i < all.size(); i++) {
            lineStarts.add(all.get(i));
        }
        indexedFrom = 0;
    }

    private static CeException io(String action, IOException e) {
        return new CeException(ErrorCode.IO, "Could not " + action + ": " + e.getMessage() + ".",
                "Check that the workspace directory exists, is writable and the disk is not full.", e);
    }
}
