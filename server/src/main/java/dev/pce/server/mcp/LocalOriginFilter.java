package dev.pce.server.mcp;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Refuses requests a web page made the browser send (DNS rebinding, as the MCP transport specification warns):
 * an {@code Origin} from another host is refused always, and on a loopback-bound server so is a {@code Host} that
 * does not name this machine. MCP clients send no {@code Origin}, or a local one.
 *
 * @param boundHost the host the server listens on, also an allowed name
 * @param loopback  whether it listens on the loopback interface only
 */
record LocalOriginFilter(String boundHost, boolean loopback) implements Filter {
    private static final Set<String> LOCAL_NAMES = Set.of("localhost", "127.0.0.1", "::1", "[::1]");

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        Optional<String> refusal = refusal(http.getHeader("Origin"), http.getHeader("Host"));
        if (refusal.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        HttpRefusal.forbidden(refusal.get()).send(http, (HttpServletResponse) response);
    }

    /** Why a request with these headers is refused; empty when it is not. */
    Optional<String> refusal(String origin, String host) {
        if (origin != null && !origin.isBlank() && !origin.equals("null")) {
            String originHost = hostOfOrigin(origin);
            if (!allowed(originHost)) {
                return Optional.of("Requests from web pages of other hosts are refused (Origin "
                        + HttpRefusal.quoted(origin) + "): connect with an MCP client.");
            }
        }
        if (loopback && host != null && !allowed(hostOfHostHeader(host))) {
            return Optional.of("This server answers only to localhost (Host " + HttpRefusal.quoted(host)
                    + "): connect to localhost or 127.0.0.1.");
        }
        return Optional.empty();
    }

    private boolean allowed(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        return LOCAL_NAMES.contains(lower) || lower.startsWith("127.") || lower.equalsIgnoreCase(boundHost);
    }

    private static String hostOfOrigin(String origin) {
        try {
            String host = URI.create(origin.strip()).getHost();
            return host == null ? "" : host;
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    /** {@code name}, {@code name:port}, {@code [v6]} or {@code [v6]:port}. */
    private static String hostOfHostHeader(String host) {
        String value = host.strip();
        if (value.startsWith("[")) {
            int end = value.indexOf(']');
            return end < 0 ? value : value.substring(0, end + 1);
        }
        int colon = value.indexOf(':');
        return colon < 0 ? value : value.substring(0, colon);
    }
}
