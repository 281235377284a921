package dev.pce.server.mcp;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.EnumSet;
import java.util.Optional;

/**
 * The MCP endpoint {@code /mcp} on an embedded Jetty, behind an origin check ({@link LocalOriginFilter}), a
 * bearer-token check when a token is set ({@link BearerTokenFilter}), the transport's rules for headers
 * ({@link StreamableHttpRules}) and PCE's part of each session's messages ({@link HttpSessionFilter}). Every error it
 * answers is a JSON-RPC error body ({@link HttpRefusal}).
 */
public final class HttpEndpoint implements AutoCloseable {
    public static final String PATH = "/mcp";

    private final Server jetty;
    private final URI uri;

    private HttpEndpoint(Server jetty, URI uri) {
        this.jetty = jetty;
        this.uri = uri;
    }

    /**
     * Serves {@code mcp}, the SDK's servlet, whose sessions are {@code sessions}; {@code mapper} reads and writes
     * the messages PCE handles itself.
     */
    public static HttpEndpoint start(InetSocketAddress address, Optional<String> token,
                                     HttpServletStreamableServerTransportProvider mcp, HttpSessions sessions,
                                     McpJsonMapper mapper) throws Exception {
        Server jetty = new Server();
        jetty.addConnector(connector(jetty, address));
        jetty.setErrorHandler(new JsonRpcErrorHandler());
        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(new ServletHolder(mcp), PATH + "/*");
        filter(context, new LocalOriginFilter(address.getHostString(), address.getAddress().isLoopbackAddress()));
        token.ifPresent(secret -> filter(context, new BearerTokenFilter(secret)));
        filter(context, new StreamableHttpRules(mcp.protocolVersions()));
        filter(context, new HttpSessionFilter(sessions, mapper, PceMcpServer.MAX_MESSAGE_BYTES));
        jetty.setHandler(context);
        jetty.start();
        int port = ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
        String host = address.getAddress().isAnyLocalAddress() ? "localhost" : address.getHostString();
        return new HttpEndpoint(jetty, URI.create("http://" + host + ":" + port + PATH));
    }

    private static ServerConnector connector(Server jetty, InetSocketAddress address) {
        HttpConfiguration http = new HttpConfiguration();
        // Jetty keeps the header lines of a connection to reuse the parsed field when one comes again, and by
        // default looks them up without regard to case, values included: after "Authorization: bearer T", a later
        // "Authorization: Bearer T" on the same kept-alive connection was read as "bearer T", and after the right
        // token a token differing only in case was read as the right one. Lines must match exactly.
        http.setHeaderCacheCaseSensitive(true);
        ServerConnector connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
        connector.setHost(address.getHostString());
        connector.setPort(address.getPort());
        return connector;
    }

    /**
     * The transport context of a request, for the SDK's servlet to hand the tool that answers it: what PCE's
     * filter learned of the request (its cancellation signal, its session's log).
     */
    public static McpTransportContext transportContext(HttpServletRequest request) {
        return HttpSessionFilter.transportContext(request);
    }

    /** Filters run in the order they are added, before the servlet. */
    private static void filter(ServletContextHandler context, Filter filter) {
        context.addFilter(new FilterHolder(filter), "/*", EnumSet.of(DispatcherType.REQUEST));
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
}
