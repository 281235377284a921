package dev.pce.server.mcp;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Tells when the client closed our stdin: that is how an MCP stdio client ends a session. */
public final class EofSignallingInputStream extends FilterInputStream {
    private final Runnable onEof;

    public EofSignallingInputStream(InputStream in, Runnable onEof) {
        super(in);
        this.onEof = onEof;
    }

    @Override
    public int read() throws IOException {
        return signal(super.read());
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        return signal(super.read(buffer, offset, length));
    }

    private int signal(int result) {
        if (result < 0) {
            onEof.run();
        }
        return result;
    }
}
