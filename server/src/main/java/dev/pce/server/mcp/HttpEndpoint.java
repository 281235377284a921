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
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.EnumSet;

/**
 * The MCP endpoint {@code /mcp} on an embedded Jetty, behind an origin check ({@link LocalOriginFilter}), a
 * bearer-token check when a token is set ({@link BearerTokenFilter}), the transport's rules for headers
 * ({@link StreamableHttpRules}) and PCE's part of each session's messages ({@link HttpSessionFilter}). Every error it
 * answers is a JSON-RPC error body ({@link HttpRefusal}). Slow or many clients cannot hold it for the others
 * ({@link HttpLimits}): the connections are capped below the threads, and a connection whose request comes too
 * slowly is closed ({@link SlowRequestGuard}).
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
    public static HttpEndpoint start(Serving.Http http, HttpServletStreamableServerTransportProvider mcp,
                                     HttpSessions sessions, McpJsonMapper mapper) throws Exception {
        InetSocketAddress address = http.address();
        HttpLimits limits = http.limits();
        QueuedThreadPool threads = new QueuedThreadPool(limits.threads());
        threads.setName("pce-http");
        Server jetty = new Server(threads);
        ServerConnector connector = connector(jetty, address, limits);
        jetty.addConnector(connector);
        NetworkConnectionLimit connectionLimit = new NetworkConnectionLimit(limits.connections(), connector);
        // at the cap, connections that sit idle make room sooner
        connectionLimit.setEndPointIdleTimeout(Math.min(limits.idle().toMillis(), limits.request().toMillis()));
        jetty.addBean(connectionLimit);
        jetty.setErrorHandler(new JsonRpcErrorHandler());
        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(new ServletHolder(mcp), PATH + "/*");
        boolean loopback = address.getAddress().isLoopbackAddress();
        filter(context, new LocalOriginFilter(AllowedHosts.of(address, http.allowedHosts()),
                loopback || !http.allowedHosts().isEmpty()));
        http.token().ifPresent(secret -> filter(context, new BearerTokenFilter(secret)));
        filter(context, new StreamableHttpRules(mcp.protocolVersions()));
        filter(context, new HttpSessionFilter(sessions, mapper, PceMcpServer.MAX_MESSAGE_BYTES));
        SlowRequestGuard guard = new SlowRequestGuard(limits, context);
        connector.addEventListener(guard.connections());
        jetty.setHandler(guard);
        jetty.start();
        int port = ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
        String host = address.getAddress().isAnyLocalAddress() ? "localhost" : address.getHostString();
        return new HttpEndpoint(jetty, URI.create("http://" + host + ":" + port + PATH));
    }

    private static ServerConnector connector(Server jetty, InetSocketAddress address, HttpLimits limits) {
        HttpConfiguration http = new HttpConfiguration();
        // Jetty keeps the header lines of a connection to reuse the parsed field when one comes again, and by
        // default looks them up without regard to case, values included: after "Authorization: bearer T", a later
        // "Authorization: Bearer T" on the same kept-alive connection was read as "bearer T", and after the right
        // token a token differing only in case was read as the right one. Lines must match exactly.
        http.setHeaderCacheCaseSensitive(true);
        ServerConnector connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
        connector.setHost(address.getHostString());
        connector.setPort(address.getPort());
        connector.setIdleTimeout(limits.idle().toMillis());
        // past the cap, connections wait in the system's queue to be accepted, as many as the cap
        connector.setAcceptQueueSize(limits.connections());
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
