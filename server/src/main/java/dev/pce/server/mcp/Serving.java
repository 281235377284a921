package dev.pce.server.mcp;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;

/** How a server is reached: over its own stdin/stdout (Claude Code starts it), or over HTTP (shared by a team). */
public sealed interface Serving {

    /** JSON-RPC lines on the given streams until the client closes its end. */
    record Stdio(InputStream in, OutputStream out) implements Serving {
    }

    /**
     * Streamable HTTP on {@code address} at {@code /mcp} until the process is stopped.
     *
     * @param token        the bearer token every request must carry; required beyond the loopback interface
     * @param allowedHosts names clients may use besides the loopback ones and the bound host ({@link AllowedHosts})
     * @param limits       what keeps slow or many clients from holding the server
     */
    record Http(InetSocketAddress address, Optional<String> token, List<String> allowedHosts, HttpLimits limits)
            implements Serving {
        public Http {
            allowedHosts = List.copyOf(allowedHosts);
        }
    }
}
