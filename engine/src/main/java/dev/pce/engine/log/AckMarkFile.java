package dev.pce.engine.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Optional;

/**
 * The {@link AckMark} file of one open log, as this process uses it: opened once and kept open with the log, read
 * on every locked section and written after every append. What was last read or written is remembered, so a mark
 * that did not change is compared, not parsed again. Thread-safe.
 */
final class AckMarkFile {
    private final Path file;
    private FileChannel channel;
    private byte[] known = new byte[0];
    private Optional<AckMark> knownMark = Optional.empty();

    AckMarkFile(Path log) {
        this.file = AckMark.fileOf(log);
    }

    /** The mark now in the file; empty when there is none or it cannot be read. */
    synchronized Optional<AckMark> read() {
        try {
            if (channel == null) {
                channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
            }
            byte[] bytes = readAll();
            if (!Arrays.equals(bytes, known)) {
                known = bytes;
                knownMark = AckMark.parse(bytes);
            }
            return knownMark;
        } catch (IOException e) {
            return Optional.empty(); // none yet, or unreadable: nothing known, which is never wrong
        }
    }

    /** Writes {@code mark} over the last one, in place; not forced (see {@link AckMark}). */
    synchronized void write(AckMark mark) throws IOException {
        if (channel == null) {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
        }
        byte[] bytes = mark.encode();
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        long position = 0;
        while (buffer.hasRemaining()) {
            position += channel.write(buffer, position);
        }
        known = bytes;
        knownMark = Optional.of(mark);
    }

    synchronized void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing to lose: the mark is never forced, and the log holds the truth
            }
            channel = null;
        }
    }

    /** The whole mark in one read: a regular file reads short only at its end, and a mark is far smaller. */
    private byte[] readAll() throws IOException {
        byte[] bytes = new byte[4 * AckMark.LENGTH];
        int read = channel.read(ByteBuffer.wrap(bytes), 0);
        return Arrays.copyOf(bytes, Math.max(read, 0));
    }
}
