package dev.pce.server.mcp;

import dev.pce.engine.Cancellation;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.HttpHeaders;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * PCE's part of each session's messages over HTTP, between the transport's header rules and the SDK's servlet: what
 * {@link StdioTransport} does for a line, for the body of a POST. It reads the body whole ({@link PostBody}: a body
 * that is no JSON-RPC message is refused here, saying why) and then, for a session of {@link HttpSessions}:
 * <ul>
 *   <li>answers the requests {@link RequestGate} answers itself, as the JSON body of the POST;</li>
 *   <li>gives each {@code tools/call} its {@link Cancellation} and the session's log ({@link RequestContext}, which
 *       the servlet hands the tool as the transport context, {@link #transportContext});</li>
 *   <li>makes {@code notifications/cancelled} stop the call it names, in that session only, and accepts it (202);</li>
 *   <li>refuses a request to a session that is not open with 404, as the SDK would.</li>
 * </ul>
 * An {@code initialize} whose params are no object is answered with invalid params (the SDK's servlet fails on it,
 * and answers that the server failed). Everything else reaches the servlet as it came: {@code initialize}, other
 * requests, messages without a session, which the servlet refuses.
 *
 * @param maxBodyBytes the largest body taken; a larger one is refused with 413
 */
record HttpSessionFilter(HttpSessions sessions, McpJsonMapper mapper, int maxBodyBytes) implements Filter {
    private static final Logger LOG = LoggerFactory.getLogger(HttpSessionFilter.class);
    private static final String CONTEXT = "pce.transport-context";

    /** What this filter learned of {@code request} for the tool that answers it; empty for other requests. */
    static McpTransportContext transportContext(HttpServletRequest request) {
        return request.getAttribute(CONTEXT) instanceof McpTransportContext context ? context
                : McpTransportContext.EMPTY;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        HttpServletResponse answer = (HttpServletResponse) response;
        String sessionId = http.getHeader(HttpHeaders.MCP_SESSION_ID);
        if (!HttpEndpoint.PATH.equals(http.getRequestURI())) {
            chain.doFilter(request, response);
            return;
        }
        if ("POST".equals(http.getMethod())) {
            switch (PostBody.read(http, maxBodyBytes, mapper)) {
                case PostBody.Message message -> post(message, new ReadAgain(http, message.bytes()), answer, chain,
                        sessionId);
                case PostBody.Refused refused -> refused.refusal().send(http, answer);
                case PostBody.Unread unread -> {
                    // the connection failed or was closed for being too slow: most likely no one reads an answer
                    LOG.debug("The body of a POST could not be read: {}", unread.cause().toString());
                    sendQuietly(HttpRefusal.unreadableBody(), http, answer);
                }
            }
            return;
        }
        // without a session id: refused by the transport's rules before
        if (sessionId == null || sessionId.isBlank()) {
            chain.doFilter(request, response);
            return;
        }
        Optional<HttpSessions.Session> session = sessions.find(sessionId);
        if (session.isEmpty()) {
            HttpRefusal.unknownSession(sessionId).send(http, answer);
            return;
        }
        sessions.requestStarted(session.get());
        try {
            chain.doFilter(request, response);
        } finally {
            sessions.requestEnded(session.get());
        }
        if ("DELETE".equals(http.getMethod()) && answer.getStatus() < HttpServletResponse.SC_MULTIPLE_CHOICES) {
            sessions.deleted(session.get());
        }
    }

    private void post(PostBody.Message body, HttpServletRequest http, HttpServletResponse answer, FilterChain chain,
                      String sessionId) throws IOException, ServletException {
        McpSchema.JSONRPCMessage message = body.message();
        if (message instanceof McpSchema.JSONRPCRequest request && McpSchema.METHOD_INITIALIZE.equals(request.method())) {
            if (request.params() instanceof Map) {
                chain.doFilter(http, answer);
            } else {
                write(answer, invalidInitialize(request));
            }
            return;
        }
        // without a session id: a message the servlet refuses
        if (sessionId == null || sessionId.isBlank()) {
            chain.doFilter(http, answer);
            return;
        }
        Optional<HttpSessions.Session> found = sessions.find(sessionId);
        if (found.isEmpty()) {
            HttpRefusal.unknownSession(sessionId).send(http, answer);
            return;
        }
        HttpSessions.Session session = found.get();
        sessions.requestStarted(session);
        try {
            switch (message) {
                case McpSchema.JSONRPCRequest request -> request(session, request, http, answer, chain);
                case McpSchema.JSONRPCNotification cancel when InFlightRequests.isCancel(cancel) -> {
                    session.log().working(() -> {
                        session.inFlight().cancel(InFlightRequests.cancelledId(cancel));
                        return null;
                    });
                    answer.setStatus(HttpServletResponse.SC_ACCEPTED);
                }
                default -> chain.doFilter(http, answer);
            }
        } finally {
            sessions.requestEnded(session);
        }
    }

    /** The SDK's servlet fails on an initialize without params, and answers that the server failed. */
    private static McpSchema.JSONRPCResponse invalidInitialize(McpSchema.JSONRPCRequest request) {
        return McpSchema.JSONRPCResponse.error(request.id(), new McpSchema.JSONRPCResponse.JSONRPCError(
                McpSchema.ErrorCodes.INVALID_PARAMS, "initialize needs params: an object with the protocolVersion, "
                + "capabilities and clientInfo of the client, got " + (request.params() == null ? "nothing"
                : request.params() instanceof List ? "an array" : "a " + kind(request.params())) + ". Send e.g. "
                + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"my-client\","
                + "\"version\":\"1.0\"}}."));
    }

    private static String kind(Object value) {
        return value instanceof String ? "string" : value instanceof Boolean ? "boolean" : "number";
    }

    private void write(HttpServletResponse answer, McpSchema.JSONRPCResponse response) throws IOException {
        byte[] json = mapper.writeValueAsBytes(response);
        answer.setStatus(HttpServletResponse.SC_OK);
        answer.setContentType("application/json");
        answer.setCharacterEncoding("UTF-8");
        answer.setContentLength(json.length);
        answer.getOutputStream().write(json);
    }

    private static void sendQuietly(HttpRefusal refusal, HttpServletRequest http, HttpServletResponse answer) {
        try {
            refusal.send(http, answer);
        } catch (IOException | IllegalStateException e) {
            LOG.debug("No answer to a POST whose body could not be read: {}", e.toString());
        }
    }

    private void request(HttpSessions.Session session, McpSchema.JSONRPCRequest request, HttpServletRequest http,
                         HttpServletResponse answer, FilterChain chain) throws IOException, ServletException {
        Optional<McpSchema.JSONRPCResponse> own = session.gate().answer(request).map(reply -> reply.block());
        if (own.isPresent()) {
            write(answer, own.get());
            return;
        }
        if (!McpSchema.METHOD_TOOLS_CALL.equals(request.method())) {
            chain.doFilter(http, answer);
            return;
        }
        // the servlet answers the call before it returns: the call is in flight until then
        Cancellation cancellation = session.inFlight().started(request);
        http.setAttribute(CONTEXT, RequestContext.of(cancellation, Optional.of(session.log())));
        try {
            chain.doFilter(http, answer);
        } finally {
            session.inFlight().finished(request.id());
        }
    }

    /** The request with its body to read again: the bytes this filter read. */
    private static final class ReadAgain extends HttpServletRequestWrapper {
        private final InputStream body;

        ReadAgain(HttpServletRequest request, byte[] read) {
            super(request);
            this.body = new ByteArrayInputStream(read);
        }

        @Override
        public ServletInputStream getInputStream() {
            return new ServletInputStream() {
                private boolean finished;

                @Override
                public int read() throws IOException {
                    int b = body.read();
                    finished = b < 0;
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = body.read(buffer, offset, length);
                    finished = n < 0;
                    return n;
                }

                @Override
                public boolean isFinished() {
                    return finished;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("the body is read blocking");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
