package dev.pce.server.mcp;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.Optional;

/** How a server is reached: over its own stdin/stdout (Claude Code starts it), or over HTTP (shared by a team). */
public sealed interface Serving {

    /** JSON-RPC lines on the given streams until the client closes its end. */
    record Stdio(InputStream in, OutputStream out) implements Serving {
    }

    /**
     * Streamable HTTP on {@code address} at {@code /mcp} until the process is stopped.
     *
     * @param token the bearer token every request must carry; required beyond the loopback interface
     */
    record Http(InetSocketAddress address, Optional<String> token) implements Serving {
    }
}
