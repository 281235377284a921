package dev.pce.server.mcp;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads newline-delimited messages as bytes, never holding more than a limit: a longer line is consumed and
 * reported as oversize instead of filling the heap. Trailing {@code \r}, blanks and tabs are dropped.
 */
final class BoundedLineReader {
    /** What {@link #next} returns for a line longer than the limit (compared by identity). */
    static final byte[] OVERSIZE = new byte[0];

    private final InputStream in;
    private final int maxLineBytes;
    private byte[] buffer = new byte[8 * 1024];

    BoundedLineReader(InputStream in, int maxLineBytes) {
        this.in = new BufferedInputStream(in, 64 * 1024);
        this.maxLineBytes = maxLineBytes;
    }

    /** The next line without its terminator, {@link #OVERSIZE}, or null at the end of input. */
    byte[] next() throws IOException {
        int length = 0;
        boolean oversize = false;
        int next;
        while ((next = in.read()) != -1 && next != '\n') {
            if (length >= maxLineBytes) {
                oversize = true;
                continue;
            }
            if (length == buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.min(maxLineBytes, buffer.length * 2));
            }
            buffer[length++] = (byte) next;
        }
        if (next == -1 && length == 0 && !oversize) {
            return null;
        }
        if (oversize) {
            return OVERSIZE;
        }
        while (length > 0 && (buffer[length - 1] == '\r' || buffer[length - 1] == ' ' || buffer[length - 1] == '\t')) {
            length--;
        }
        return Arrays.copyOf(buffer, length);
    }
}
