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
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Refuses requests a web page made the browser send (DNS rebinding, as the MCP transport specification warns): an
 * {@code Origin} whose host is not one of the {@link AllowedHosts} is refused always, {@code Origin: null} (a
 * sandboxed frame, a file, a redirect) too; when {@code checkHost}, so is a {@code Host} that is not one of them. A
 * rebound name reaches this machine with the page's own name in {@code Host}; MCP clients send no {@code Origin},
 * or a local one. Ports are not compared: a page cannot reach this port under a loopback name but through a
 * forwarder the user set up (ssh, a container's published port), and a local web client runs on a port of its own.
 *
 * @param checkHost whether {@code Host} is checked: on a loopback server, or once names are configured; a server
 *                  beyond loopback without them is reached under names it cannot know, and its token guards it (a
 *                  page cannot make the browser add a bearer token)
 */
record LocalOriginFilter(AllowedHosts hosts, boolean checkHost) implements Filter {

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
        if (origin != null && !origin.isBlank()) {
            if (origin.strip().equals("null")) {
                return Optional.of("Requests from a page without an origin of its own (Origin 'null': a sandboxed "
                        + "frame, a local file, a redirect) are refused: connect with an MCP client.");
            }
            if (hostOfOrigin(origin).filter(hosts::allows).isEmpty()) {
                return Optional.of("Requests from web pages of other hosts are refused (Origin "
                        + HttpRefusal.quoted(origin) + "): connect with an MCP client, or allow the page's host "
                        + "with --allowed-host NAME.");
            }
        }
        if (checkHost && host != null && AllowedHosts.hostOfHostHeader(host).filter(hosts::allows).isEmpty()) {
            return Optional.of("This server answers only to " + names() + " (Host " + HttpRefusal.quoted(host)
                    + "): connect to one of them, or start the server with --allowed-host NAME for another name.");
        }
        return Optional.empty();
    }

    private String names() {
        TreeSet<String> names = new TreeSet<>(hosts.names());
        names.removeIf(AllowedHosts::isLoopback);
        return "localhost, 127.0.0.1, [::1]" + (names.isEmpty() ? "" : ", " + String.join(", ", names));
    }

    /** The host of an origin, {@code scheme://host[:port]} with the scheme http or https; empty for anything else. */
    private static Optional<String> hostOfOrigin(String origin) {
        try {
            URI uri = new URI(origin.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean bare = uri.getRawUserInfo() == null && uri.getRawQuery() == null && uri.getRawFragment() == null
                    && (uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/"));
            return (scheme.equals("http") || scheme.equals("https")) && bare ? Optional.ofNullable(uri.getHost())
                    : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
