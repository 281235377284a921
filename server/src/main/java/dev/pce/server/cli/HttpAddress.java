package dev.pce.server.cli;

import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.server.mcp.Serving;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/** Reads {@code --http [HOST:]PORT} and refuses to serve beyond the loopback interface without a token. */
final class HttpAddress {

    private HttpAddress() {
    }

    static Serving.Http serving(String text, Optional<String> token) {
        int colon = text.lastIndexOf(':');
        String host = colon < 0 ? "127.0.0.1" : text.substring(0, colon);
        String portText = colon < 0 ? text : text.substring(colon + 1);
        int port;
        try {
            port = Integer.parseInt(portText);
        } catch (NumberFormatException e) {
            throw invalid(text, "the port '" + portText + "' is not a number");
        }
        if (port < 0 || port > 65_535) {
            throw invalid(text, "the port " + port + " is outside 0..65535");
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(host.isEmpty() ? "0.0.0.0" : host);
        } catch (UnknownHostException e) {
            throw invalid(text, "the host '" + host + "' is unknown");
        }
        if (!address.isLoopbackAddress() && token.isEmpty()) {
            throw new CeException(ErrorCode.INVALID_ARGUMENT, "--http " + text + " is reachable beyond this machine, "
                    + "and no bearer token is set.", "Give --token (or set " + ServeCommand.TOKEN_VARIABLE
                    + "), or bind to 127.0.0.1.");
        }
        return new Serving.Http(new InetSocketAddress(address, port), token);
    }

    private static CeException invalid(String text, String problem) {
        return new CeException(ErrorCode.INVALID_ARGUMENT, "--http " + text + ": " + problem + ".",
                "Give [HOST:]PORT, for example 127.0.0.1:8765 or 8765.");
    }
}
