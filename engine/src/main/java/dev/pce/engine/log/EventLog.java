package dev.pce.engine.log;

import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.engine.IoFailures;
import dev.pce.engine.ProcessLocks;
import dev.pce.engine.Limits;
import dev.pce.engine.event.Event;
import dev.pce.engine.event.EventCodec;
import dev.pce.engine.event.EventIds;
import dev.pce.engine.event.NewEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Locale;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * An append-only file of events, one JSON line each, shared by every server process of a workspace.
 *
 * <p>Appends happen only inside {@link #locked}: an OS file lock (plus a JVM lock, because the OS lock is per
 * process) makes decide-and-append atomic across processes, and the data is forced to disk before the append
 * returns, so an acknowledged event survives a crash. After each append the log's {@link AckMark} records how far
 * it was acknowledged.
 *
 * <p>Only an append that never finished can leave bytes without a newline at the end, and those bytes lie after
 * the acknowledged end. The next locked section saves them beside the log and cuts them: a torn tail. Anything
 * else is damage from outside PCE and an error naming the file and line, never cut: a complete line that does not
 * read, or a log that ends (mid-line or not) before its acknowledged end. A failed append (a full disk) removes
 * its own partial bytes again. Readers outside the lock stop at the last complete line.
 *
 * <p>The file is opened through {@link OpenLogFiles}: idle logs are closed and opened again on demand, so an
 * instance holds no descriptor between calls. Instances are not shared between threads without outside
 * synchronisation; methods are synchronized so that misuse stays safe.
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

    /** What the name of an open log refers to now. */
    public enum FileStatus {
        /** The file this instance opened. */
        SAME,
        /** Another file: the log was replaced (copied over, renamed onto) since this instance opened it. */
        REPLACED,
        /** No file: the workflow was removed. */
        REMOVED,
        /** The file, but shorter than what this instance has read: cut outside PCE, or repaired. */
        SHRUNK
    }

    private final Path file;
    private final OpenLogFiles.Key key;
    private final OpenLogFiles files;
    private final ReentrantLock jvmLock;
    private final Clock clock;
    /** The open file while an operation runs; none between operations. */
    private OpenLogFiles.Use use;
    private FileChannel channel;
    private final LongList lineStarts = new LongList();
    /** Offset just past the last complete line this instance has consumed (volatile for {@link #fileStatus}). */
    private volatile long consumed;
    private long lastSeq;
    /** {@link #lineStarts} holds the lines from this offset on; earlier ones are indexed on demand. */
    private long indexedFrom;
    /** Whether the first read compared the file with its acknowledged end. */
    private boolean markChecked;
    /**
     * Events consumed from the file but not yet handed out by {@link #readNew} or {@link #locked}: {@link #read}
     * consumes too, and what it consumed must still reach the caller's state fold.
     */
    private final List<Event> unreturned = new ArrayList<>();

    private EventLog(Path file, OpenLogFiles.Key key, OpenLogFiles files, Clock clock) {
        this.file = file;
        this.key = key;
        this.files = files;
        this.clock = clock;
        this.jvmLock = JVM_LOCKS[Math.floorMod(key.file().hashCode(), JVM_LOCKS.length)];
    }

    /** Creates an empty log file; fails if one exists. The caller makes the directory entry durable. */
    public static void create(Path file) {
        try {
            Files.createFile(file);
        } catch (IOException e) {
            throw IoFailures.failed("create event log " + file, file.getParent(), e, "");
        }
    }

    /**
     * Forgets how far the log at {@code file} had been acknowledged, for a command that puts another log in its
     * place on purpose ({@code ce state restore}): the new file is the truth, and a copy may even get the old
     * file's inode, so the old mark must not judge it.
     */
    public static void forgetAcknowledgedEnd(Path file) {
        try {
            Files.deleteIfExists(AckMark.fileOf(file));
        } catch (IOException e) {
            throw IoFailures.failed("remove " + AckMark.fileOf(file), file.getParent(), e, "");
        }
    }

    /**
     * Whether the log at {@code file} holds its first event and nothing after it, as its acknowledgement mark tells
     * without reading the log: the mark of this very file (the same inode) names event 1 as the last, its line
     * ending where the file ends. False when the mark says otherwise, is missing or cannot tell whose it is: then
     * only reading the log tells. A workflow's first event is its plan, tens of megabytes for a large one.
     */
    public static boolean holdsOnlyTheFirstEvent(Path file) throws IOException {
        OpenLogFiles.Key key = OpenLogFiles.Key.of(file);
        long size = Files.size(file);
        return key.identity() != null && AckMark.readBeside(file)
                .filter(mark -> !mark.file().isEmpty() && mark.belongsTo(key))
                .map(mark -> mark.seq() == 1 && mark.offset() == size).orElse(false);
    }

    /** Opens an existing log positioned at its start; nothing is read yet (see {@link #readNew}). */
    public static EventLog open(Path file, Clock clock) {
        try {
            EventLog log = new EventLog(file, OpenLogFiles.Key.of(file), OpenLogFiles.PROCESS, clock);
            log.withFile(() -> null); // fails now, not at the first read, when the file cannot be opened
            return log;
        } catch (NoSuchFileException e) {
            throw new CeException(ErrorCode.IO, "Event log " + file + " does not exist.",
                    "Check the workflow id and the workspace (CE_WORKSPACE); the workflow may have been removed.", e);
        } catch (IOException e) {
            throw IoFailures.failed("open event log " + file, file.getParent(), e, "");
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
            return withFile(() -> lineEndingAt(offset).map(event -> event.seq() == seq
                    && event.id().equals(eventId)).orElse(false));
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

    /** What the log's name refers to now: this file, shorter than read, another one, or none. One stat. */
    public FileStatus fileStatus() {
        BasicFileAttributes now;
        try {
            now = Files.readAttributes(key.file(), BasicFileAttributes.class);
        } catch (IOException e) {
            return FileStatus.REMOVED;
        }
        if (!Objects.equals(now.fileKey(), key.identity())) {
            return FileStatus.REPLACED;
        }
        return now.size() < consumed ? FileStatus.SHRUNK : FileStatus.SAME;
    }

    /**
     * The events this instance has not handed out yet: the complete lines appended by any process since its last
     * {@code readNew} or {@link #locked} (including lines {@link #read} already went over). Takes no lock.
     */
    public synchronized List<Event> readNew() {
        return withFileOrFail("read event log " + file, () -> {
            consume(false);
            return takeUnreturned();
        });
    }

    /**
     * Runs {@code section} holding the log's lock across threads and processes. The section first sees the events
     * appended since this instance last read; whatever it appends is on disk when its append call returns.
     */
    public synchronized <T> T locked(LockedSection<T> section) {
        jvmLock.lock();
        try {
            return withFileOrFail("read event log " + file, () -> {
                try (FileLock ignored = lock()) {
                    ensureStillLinked();
                    consume(true);
                    List<Event> caughtUp = takeUnreturned();
                    return section.run(caughtUp, this::appendHoldingLock);
                }
            });
        } finally {
            jvmLock.unlock();
        }
    }

    /** Reads at most {@code limit} events with seq greater than {@code afterSeq} that match {@code filter}. */
    public synchronized Page read(long afterSeq, int limit, Predicate<Event> filter) {
        if (afterSeq < 0) {
            throw new IllegalArgumentException("afterSeq must be >= 0, got " + afterSeq);
        }
        return withFileOrFail("read event log " + file, () -> {
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
        });
    }

    /** A page of events; pass {@code nextAfter} as the next cursor. */
    public record Page(List<Event> events, long nextAfter, boolean hasMore) {
    }

    /**
     * A person's repair of a damaged log ({@code ce doctor --repair-log}): under the log's lock, copies the whole
     * file to {@code copy} (forced to disk), then cuts the log after byte {@code end}, the end of event
     * {@code seq} with id {@code eventId}, and records that end as acknowledged. With {@code end} at the file's
     * size nothing is cut or copied: the log as it is becomes the acknowledged one.
     *
     * @param expectedSize the size the caller examined; a log that changed since is left alone
     */
    public synchronized void cutAfter(long end, long seq, String eventId, long expectedSize, Path copy) {
        jvmLock.lock();
        try {
            withFileOrFail("repair event log " + file, () -> {
                try (FileLock ignored = lock()) {
                    long size = channel.size();
                    if (size != expectedSize) {
                        throw new CeException(ErrorCode.CONFLICT, "Event log " + file + " changed while it was "
                                + "being examined (" + expectedSize + " bytes, now " + size + ").",
                                "Run the repair again.");
                    }
                    if (end < size) {
                        copyTo(copy, size);
                    }
                    // the mark first: a reader in between sees the longer file under the shorter mark, which
                    // reads; and should this process die before the cut, the rest is past the mark as intended
                    writeMark(new AckMark(seq, end, eventId, AckMark.identity(key)));
                    if (end < size) {
                        channel.truncate(end);
                        channel.force(false);
                    }
                    return null;
                }
            });
        } finally {
            jvmLock.unlock();
        }
    }

    /**
     * Copies the log through its own channel: opening the file a second time and closing it would drop this
     * process's lock on it (POSIX).
     */
    private void copyTo(Path copy, long size) throws IOException {
        try (FileChannel out = FileChannel.open(copy, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            long position = 0;
            while (position < size) {
                long copied = channel.transferTo(position, size - position, out);
                if (copied <= 0) {
                    throw new IOException("the copy stopped at byte " + position + " of " + size);
                }
                position += copied;
            }
            out.force(true);
        }
    }

    /** Closes the file unless another instance of this process is using it right now. */
    @Override
    public synchronized void close() {
        files.closeIfIdle(key);
    }

    @FunctionalInterface
    private interface FileWork<T> {
        T run() throws IOException;
    }

    /** Runs {@code work} with the file open; nested calls share the open file. */
    private <T> T withFile(FileWork<T> work) throws IOException {
        if (use != null) {
            return work.run();
        }
        try (OpenLogFiles.Use opened = files.open(key)) {
            use = opened;
            channel = opened.log();
            return work.run();
        } finally {
            use = null;
            channel = null;
        }
    }

    /** As {@link #withFile}, turning a failure to open or use the file into an error that says what to do. */
    private <T> T withFileOrFail(String action, FileWork<T> work) {
        try {
            return withFile(work);
        } catch (NoSuchFileException e) {
            throw removed(file);
        } catch (OpenLogFiles.ReplacedException e) {
            throw replaced(file, e);
        } catch (IOException e) {
            throw IoFailures.failed(action, file.getParent(), e, "");
        }
    }

    private FileLock lock() {
        try {
            return ProcessLocks.lock(channel);
        } catch (IOException e) {
            throw IoFailures.failed("lock event log " + file, file.getParent(), e, "");
        }
    }

    private List<Event> appendHoldingLock(List<NewEvent> newEvents) {
        if (!jvmLock.isHeldByCurrentThread() || use == null) {
            throw new IllegalStateException("append outside locked()");
        }
        if (newEvents.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        List<Event> events = new ArrayList<>(newEvents.size());
        List<EventCodec.Line> lines = new ArrayList<>(newEvents.size());
        long[] starts = new long[newEvents.size()];
        long seq = lastSeq;
        long length = 0;
        for (int i = 0; i < newEvents.size(); i++) {
            NewEvent draft = newEvents.get(i);
            Event event = new Event(EventIds.next(now.toEpochMilli()), ++seq, now, draft.source(), draft.payload());
            EventCodec.Line line = EventCodec.encodeLine(event);
            draft.bound().require(line.payloadBytes());
            starts[i] = consumed + length;
            lines.add(requireLineFits(line, event));
            length += line.length();
            events.add(event);
        }
        // written from the blocks they were encoded into: a plan's event can be 50 MB, never copied
        long position = consumed;
        try {
            for (EventCodec.Line line : lines) {
                for (ByteBuffer buffer : line.buffers()) {
                    while (buffer.hasRemaining()) {
                        position += channel.write(buffer, position);
                    }
                }
            }
            // The acknowledgement promise: nothing returns before the bytes are durable.
            channel.force(false);
        } catch (IOException e) {
            throw IoFailures.failed("append to event log " + file, file.getParent(), e, rollBack(e));
        }
        consumed = position;
        for (long start : starts) {
            lineStarts.add(start);
        }
        lastSeq = seq;
        writeMark(new AckMark(seq, consumed, events.getLast().id(), AckMark.identity(key)));
        return events;
    }

    /**
     * Removes what a failed append wrote: the caller is told it failed, so the log must not hold it, and the next
     * writer must not mistake it for the remains of a dead one. Returns what happened, for the caller's error.
     */
    private String rollBack(IOException cause) {
        try {
            channel.truncate(consumed);
            channel.force(false);
            return "Nothing was recorded; the workflow is as it was before this call.";
        } catch (IOException e) {
            LOG.warn("Event log {}: an append failed ({}) and its partial bytes after offset {} could not be "
                    + "removed ({}); the next locked section cuts them.", file, cause.getMessage(), consumed,
                    e.toString());
            return "Nothing was acknowledged; the partly written bytes are cut by the next change to the workflow.";
        }
    }

    /** The mark lags when it cannot be written, which only weakens the check for a cut log: no reason to fail. */
    private void writeMark(AckMark mark) {
        try {
            use.mark().write(mark);
        } catch (IOException e) {
            LOG.warn("Event log {}: could not record the acknowledged end in {} ({}); the log itself is intact.",
                    file, AckMark.fileOf(file), e.toString());
        }
    }

    /** The safety net under every input bound: no reader of the log meets a line larger than the largest plan's. */
    private static EventCodec.Line requireLineFits(EventCodec.Line line, Event event) {
        if (line.length() <= Limits.MAX_EVENT_LINE_BYTES) {
            return line;
        }
        throw new CeException(ErrorCode.INVALID_ARGUMENT, String.format(Locale.ROOT, "The '%s' event would take %,d"
                        + " bytes in the event log, more than the %,d one event may take; nothing was written.",
                event.type(), line.length(), Limits.MAX_EVENT_LINE_BYTES),
                "Send less in one call: fewer or shorter findings, texts or tasks.");
    }

    /** gc may have removed the workflow; appending to an unlinked or replaced file would lose events silently. */
    private void ensureStillLinked() throws IOException {
        switch (key.status()) {
            case REMOVED -> throw removed(file);
            case REPLACED -> throw replaced(file, null);
            case SAME, SHRUNK -> {
                // still the file this instance reads; a shrink is reported by the read that follows
            }
        }
    }

    private List<Event> takeUnreturned() {
        List<Event> events = List.copyOf(unreturned);
        unreturned.clear();
        return events;
    }

    /**
     * Reads the complete lines after {@link #consumed} into {@link #unreturned}. Progress is kept line by line, so
     * a corrupt line fails the same way on every call and the good lines before it are not lost. Holding the lock,
     * the bytes after the last newline are a torn tail to cut, or, if they lie inside the acknowledged part, damage.
     */
    private void consume(boolean holdingLock) throws IOException {
        // the mark before the size: the log only grows past a mark already written
        Optional<AckMark> mark = holdingLock || !markChecked
                ? use.mark().read().filter(found -> found.belongsTo(key))
                : Optional.empty();
        long size = channel.size();
        if (size < consumed) {
            throw new CeException(ErrorCode.LOG_CORRUPT,
                    "Event log " + file + " shrank from " + consumed + " to " + size + " bytes while in use.",
                    "If an append just failed (a full disk) this resolves itself: retry. Otherwise something "
                            + "outside PCE cut the log: run ce doctor, which says what is missing.");
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
        if (mark.isPresent()) {
            requireAcknowledgedEnd(mark.get(), filled);
        }
        markChecked = true;
        if (filled > 0 && holdingLock) {
            cutTornTail(Arrays.copyOf(buffer, filled));
        }
    }

    /**
     * Every acknowledged event must be there as a complete line; a log with fewer lines, whether it ends inside a
     * line or after one, was cut outside PCE. Counted in lines, not bytes, so a line edited by hand to a different
     * length is judged by what it holds, not taken for a cut.
     */
    private void requireAcknowledgedEnd(AckMark mark, int tailBytes) {
        if (lastSeq >= mark.seq()) {
            return;
        }
        String where = tailBytes > 0
                ? "ends inside line " + (lastSeq + 1) + " (" + tailBytes + " bytes without a newline at byte "
                        + consumed + ")"
                : consumed == 0 ? "is empty" : "ends after line " + lastSeq + " (byte " + consumed + ")";
        throw new CeException(ErrorCode.LOG_CORRUPT, "Event log " + file + " " + where + ", but it held "
                + mark.seq() + " acknowledged events (the last one " + mark.eventId() + "): it was cut outside PCE and events " + (lastSeq + 1) + " to " + mark.seq() + " are missing.",
                "Restore " + file.getFileName() + " from a backup; to go on with the events it still holds, run "
                        + "ce doctor --repair-log " + workflowIdOf(file) + " (PCE keeps a copy of the file).");
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

    /**
     * Holding the lock and past the acknowledged end, a line without newline can only be what an append that
     * never finished left: its writer died, or its write failed and it could not remove the bytes.
     */
    private void cutTornTail(byte[] torn) {
        Path keep = file.resolveSibling(file.getFileName() + ".torn");
        String header = "# " + clock.instant() + " cut " + torn.length + " bytes at offset " + consumed + "\n";
        try (FileChannel out = FileChannel.open(keep, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            out.write(ByteBuffer.wrap(header.getBytes(StandardCharsets.UTF_8)));
            out.write(ByteBuffer.wrap(torn));
            out.write(ByteBuffer.wrap(new byte[] {'\n'}));
            out.force(false);
        } catch (IOException e) {
            throw IoFailures.failed("save the " + torn.length + " bytes of an unfinished append at the end of event "
                    + "log " + file + " to " + keep + " before cutting them", file.getParent(), e,
                    "The log was left as it is; nothing acknowledged is affected.");
        }
        try {
            channel.truncate(consumed);
            channel.force(false);
        } catch (IOException e) {
            throw IoFailures.failed("cut the unfinished last line of event log " + file, file.getParent(), e,
                    "Its bytes are saved in " + keep + "; nothing acknowledged is affected.");
        }
        LOG.warn("Event log {}: cut an unfinished last line of {} bytes at offset {}, left by an append that never "
                + "completed (its writer died or its write failed); it was never acknowledged and is kept in {}.",
                file, torn.length, consumed, keep);
    }

    /** The event whose line ends at byte {@code offset}, if a whole line ends there. */
    private Optional<Event> lineEndingAt(long offset) throws IOException {
        if (offset <= 0 || offset > channel.size()) {
            return Optional.empty();
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
                return Optional.empty();
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
            return Optional.of(EventCodec.decode(bytes, from, bytes.length - 1 - from, file + " (snapshot check)"));
        }
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
                        "Something outside PCE cut the log: run ce doctor, which says what is missing.");
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

    /** A workflow's log is {@code workflows/<id>/events.jsonl}: the folder names the workflow. */
    private static String workflowIdOf(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        return dir == null || dir.getFileName() == null ? "<workflow id>" : dir.getFileName().toString();
    }

    private static CeException removed(Path file) {
        return new CeException(ErrorCode.UNKNOWN_WORKFLOW, "Event log " + file + " was removed while open.",
                "The workflow was garbage-collected; plan it again with ce_plan.");
    }

    private static CeException replaced(Path file, IOException e) {
        CeException error = new CeException(ErrorCode.CONFLICT, "Event log " + file + " was replaced by another file "
                + "while this process had it open (by ce state restore, ce events merge --out or a copy).",
                "Retry: the next call reads the new file. Replace a workflow's log only while no server works on it.");
        if (e != null) {
            error.initCause(e);
        }
        return error;
    }
}
