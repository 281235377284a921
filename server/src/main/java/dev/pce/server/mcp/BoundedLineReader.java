package dev.pce.server.mcp;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads newline-delimited messages as bytes, never holding more than a limit: a longer line is consumed and
 * reported as oversize instead of filling the heap. Trailing {@code \r}, blanks and tabs are dropped. The input is
 * read a chunk at a time and searched for the newline there: byte by byte through a stream's {@code read()}, a
 * 14 MB request (a 100,000-task plan) cost a tenth of a second.
 */
final class BoundedLineReader {
    /** What {@link #next} returns for a line longer than the limit (compared by identity). */
    static final byte[] OVERSIZE = new byte[0];
    private static final int CHUNK_BYTES = 64 * 1024;

    private final InputStream in;
    private final int maxLineBytes;
    private final Runnable lineStarted;
    private final byte[] chunk = new byte[CHUNK_BYTES];
    /** The chunk's bytes not yet returned: from {@code position} to {@code limit}. */
    private int position;
    private int limit;
    private byte[] line = new byte[8 * 1024];

    BoundedLineReader(InputStream in, int maxLineBytes) {
        this(in, maxLineBytes, () -> {
        });
    }

    /** @param lineStarted told once per line that {@link #next} returns, when its first bytes have come */
    BoundedLineReader(InputStream in, int maxLineBytes, Runnable lineStarted) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
        this.lineStarted = lineStarted;
    }

    /** The next line without its terminator, {@link #OVERSIZE}, or null at the end of input. */
    byte[] next() throws IOException {
        int length = 0;
        boolean oversize = false;
        boolean ended = false;
        boolean started = false;
        while (!ended) {
            if (position == limit) {
                int read = in.read(chunk, 0, chunk.length);
                if (read < 0) {
                    if (!started) {
                        return null;
                    }
                    break; // the last line has no newline
                }
                position = 0;
                limit = read;
            }
            if (!started) {
                started = true;
                lineStarted.run();
            }
            int end = position;
            while (end < limit && chunk[end] != '\n') {
                end++;
            }
            int span = end - position;
            if (!oversize && length + span > maxLineBytes) {
                oversize = true; // the rest of the line is read and dropped
            } else if (!oversize) {
                append(length, span);
                length += span;
            }
            ended = end < limit;
            position = ended ? end + 1 : end;
        }
        if (oversize) {
            return OVERSIZE;
        }
        while (length > 0 && (line[length - 1] == '\r' || line[length - 1] == ' ' || line[length - 1] == '\t')) {
            length--;
        }
        return Arrays.copyOf(line, length);
    }

    private void append(int length, int span) {
        if (length + span > line.length) {
            line = Arrays.copyOf(line, Math.min(maxLineBytes, Math.max(length + span, line.length * 2)));
        }
        System.arraycopy(chunk, position, line, length, span);
    }
}
