package dev.pce.engine.log;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The event-log files this process has open: at most one channel per file, shared by every {@link EventLog} of the
 * process, and at most {@link #CAP} files open at once. The least recently used idle file is closed when another
 * is needed, and opened again on its next use, so a long-lived server that has touched thousands of workflows still
 * holds a bounded number of descriptors.
 *
 * <p>One channel per file matters for locking too: POSIX drops all of a process's locks on a file when any
 * descriptor of that file is closed, so a second channel, once closed, would silently release the first one's lock.
 * A file is only closed while no operation uses it, hence never while its lock is held.
 */
final class OpenLogFiles {
    /** Files open at once in a process; each may also hold its {@link AckMark} file open. */
    static final int CAP = 64;

    static final OpenLogFiles PROCESS = new OpenLogFiles(CAP);

    private final int cap;
    /** In access order: the first entry is the least recently used. */
    private final Map<Key, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);

    OpenLogFiles(int cap) {
        this.cap = cap;
    }

    /**
     * A log file as one {@link EventLog} knows it: its path and the identity the file had when it was opened
     * (device and inode where the platform tells them), so a file replaced under the same name is a different one.
     */
    record Key(Path file, Object identity) {
        Key {
            Objects.requireNonNull(file, "file");
        }

        /** The file now at {@code file}. */
        static Key of(Path file) throws IOException {
            Path absolute = file.toAbsolutePath().normalize();
            return new Key(absolute, identityOf(absolute));
        }

        /** Whether {@code file} still names this file (the same inode), or was removed or replaced. */
        EventLog.FileStatus status() throws IOException {
            try {
                return Objects.equals(identityOf(file), identity)
                        ? EventLog.FileStatus.SAME : EventLog.FileStatus.REPLACED;
            } catch (NoSuchFileException e) {
                return EventLog.FileStatus.REMOVED;
            }
        }

        private static Object identityOf(Path file) throws IOException {
            return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
        }
    }

    /** An open file, in use until closed; its channels stay open at least that long. */
    final class Use implements AutoCloseable {
        private final Entry entry;
        private boolean closed;

        private Use(Entry entry) {
            this.entry = entry;
        }

        FileChannel log() {
            return entry.log;
        }

        /** The log's {@link AckMark} file, open as long as the log is. */
        AckMarkFile mark() {
            return entry.mark;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                release(entry);
            }
        }
    }

    private static final class Entry {
        final Key key;
        final FileChannel log;
        final AckMarkFile mark;
        int users;

        Entry(Key key, FileChannel log) {
            this.key = key;
            this.log = log;
            this.mark = new AckMarkFile(key.file());
        }
    }

    /**
     * The file of {@code key}, opened if it is not open yet; it stays open until the returned use is closed.
     *
     * @throws NoSuchFileException when the file is gone
     * @throws ReplacedException   when another file now has its name
     */
    synchronized Use open(Key key) throws IOException {
        Entry entry = entries.get(key);
        if (entry == null) {
            FileChannel channel = FileChannel.open(key.file(), StandardOpenOption.READ, StandardOpenOption.WRITE);
            EventLog.FileStatus status;
            try {
                status = key.status();
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
            if (status != EventLog.FileStatus.SAME) {
                channel.close(); // nothing else of this process has this file open: no lock is dropped
                throw new ReplacedException(key.file());
            }
            entry = new Entry(key, channel);
            entries.put(key, entry);
        }
        entry.users++;
        Use use = new Use(entry);
        trim();
        return use;
    }

    /** Closes the file of {@code key} now if nothing uses it: an {@link EventLog} was closed. */
    synchronized void closeIfIdle(Key key) {
        Entry entry = entries.get(key);
        if (entry != null && entry.users == 0) {
            entries.remove(key);
            closeQuietly(entry);
        }
    }

    /** How many log files this registry holds open now. */
    synchronized int openFiles() {
        return entries.size();
    }

    private synchronized void release(Entry entry) {
        entry.users--;
        trim();
    }

    /** Closes the least recently used idle files beyond the cap; files in use stay open until released. */
    private void trim() {
        if (entries.size() <= cap) {
            return;
        }
        List<Entry> closing = new ArrayList<>();
        Iterator<Entry> oldestFirst = entries.values().iterator();
        while (entries.size() - closing.size() > cap && oldestFirst.hasNext()) {
            Entry entry = oldestFirst.next();
            if (entry.users == 0) {
                oldestFirst.remove();
                closing.add(entry);
            }
        }
        closing.forEach(OpenLogFiles::closeQuietly);
    }

    private static void closeQuietly(Entry entry) {
        try {
            entry.log.close();
        } catch (IOException e) {
            // nothing was written through the channel since its last force; closing cannot lose data
        }
        entry.mark.close();
    }

    /** The name of an open log now refers to another file (or none). */
    static final class ReplacedException extends IOException {
        ReplacedException(Path file) {
            super(file + " is not the file that was opened under this name any more");
        }
    }
}
