package dev.pce.server.mcp;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.EnumSet;
import java.util.Optional;

/**
 * The MCP endpoint {@code /mcp} on an embedded Jetty, behind an origin check ({@link LocalOriginFilter}) and a
 * bearer-token check when a token is set.
 */
public final class HttpEndpoint implements AutoCloseable {
    public static final String PATH = "/mcp";

    private final Server jetty;
    private final URI uri;

    private HttpEndpoint(Server jetty, URI uri) {
        this.jetty = jetty;
        this.uri = uri;
    }

    public static HttpEndpoint start(InetSocketAddress address, Optional<String> token, HttpServlet mcp)
            throws Exception {
        Server jetty = new Server(address);
        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(new ServletHolder(mcp), PATH + "/*");
        context.addFilter(new FilterHolder(new LocalOriginFilter(address.getHostString(),
                address.getAddress().isLoopbackAddress())), "/*", EnumSet.of(jakarta.servlet.DispatcherType.REQUEST));
        token.ifPresent(secret -> context.addFilter(new FilterHolder(new BearerToken(secret)), "/*",
                EnumSet.of(jakarta.servlet.DispatcherType.REQUEST)));
        jetty.setHandler(context);
        jetty.start();
        int port = ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
        String host = address.getAddress().isAnyLocalAddress() ? "localhost" : address.getHostString();
        return new HttpEndpoint(jetty, URI.create("http://" + host + ":" + port + PATH));
    }

    /** Where clients connect. */
    public URI uri() {
        return uri;
    }

    /** Waits until the endpoint stops (the process is told to). */
    public void join() throws InterruptedException {
        jetty.join();
    }

    @Override
    public void close() throws Exception {
        jetty.stop();
    }

    /** Refuses, with 401, every request without {@code Authorization: Bearer <token>}. */
    private record BearerToken(String token) implements Filter {
        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            String header = ((HttpServletRequest) request).getHeader("Authorization");
            String expected = "Bearer " + token;
            // constant time: the comparison must not tell how much of a guess was right
            if (header != null && MessageDigest.isEqual(header.getBytes(StandardCharsets.UTF_8),
                    expected.getBytes(StandardCharsets.UTF_8))) {
                chain.doFilter(request, response);
                return;
            }
            HttpServletResponse http = (HttpServletResponse) response;
            http.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            http.setHeader("WWW-Authenticate", "Bearer");
            http.setContentType("application/json");
            http.getWriter().write("{\"error\":\"missing or wrong bearer token\"}");
        }
    }
}
