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

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.SequenceInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * PCE's part of each session's messages over HTTP, between the transport's header rules and the SDK's servlet: what
 * {@link StdioTransport} does for a line, for the body of a POST to a session. It reads the body's JSON-RPC message
 * (the servlet then reads the same bytes) and, for a session of {@link HttpSessions}:
 * <ul>
 *   <li>answers the requests {@link RequestGate} answers itself, as the JSON body of the POST;</li>
 *   <li>gives each {@code tools/call} its {@link Cancellation} and the session's log ({@link RequestContext}, which
 *       the servlet hands the tool as the transport context, {@link #transportContext});</li>
 *   <li>makes {@code notifications/cancelled} stop the call it names, in that session only, and accepts it (202);</li>
 *   <li>refuses a request to a session that is not open with 404, as the SDK would.</li>
 * </ul>
 * Everything else reaches the servlet as it came: {@code initialize}, messages the SDK refuses, other requests.
 *
 * @param maxBodyBytes the largest body read; a larger one goes to the servlet, which refuses it
 */
record HttpSessionFilter(HttpSessions sessions, McpJsonMapper mapper, int maxBodyBytes) implements Filter {
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
        // without a session id: initialize, or a request the servlet refuses
        if (!HttpEndpoint.PATH.equals(http.getRequestURI()) || sessionId == null || sessionId.isBlank()) {
            chain.doFilter(request, response);
            return;
        }
        if ("POST".equals(http.getMethod())) {
            post(http, answer, chain, sessionId);
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

    private void post(HttpServletRequest http, HttpServletResponse answer, FilterChain chain, String sessionId)
            throws IOException, ServletException {
        if (http.getContentLengthLong() > maxBodyBytes) {
            chain.doFilter(http, answer);
            return;
        }
        InputStream in = http.getInputStream();
        byte[] body = in.readNBytes(maxBodyBytes + 1);
        HttpServletRequest again = new ReadAgain(http, body, in);
        Optional<McpSchema.JSONRPCMessage> message = body.length > maxBodyBytes ? Optional.empty()
                : read(new String(body, charset(http)));
        if (message.isEmpty() || message.get() instanceof McpSchema.JSONRPCRequest request
                && McpSchema.METHOD_INITIALIZE.equals(request.method())) {
            chain.doFilter(again, answer);
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
            switch (message.get()) {
                case McpSchema.JSONRPCRequest request -> request(session, request, again, answer, chain);
                case McpSchema.JSONRPCNotification cancel when InFlightRequests.isCancel(cancel) -> {
                    session.log().working(() -> {
                        session.inFlight().cancel(InFlightRequests.cancelledId(cancel));
                        return null;
                    });
                    answer.setStatus(HttpServletResponse.SC_ACCEPTED);
                }
                default -> chain.doFilter(again, answer);
            }
        } finally {
            sessions.requestEnded(session);
        }
    }

    private void request(HttpSessions.Session session, McpSchema.JSONRPCRequest request, HttpServletRequest http,
                         HttpServletResponse answer, FilterChain chain) throws IOException, ServletException {
        Optional<McpSchema.JSONRPCResponse> own = session.gate().answer(request).map(reply -> reply.block());
        if (own.isPresent()) {
            byte[] json = mapper.writeValueAsBytes(own.get());
            answer.setStatus(HttpServletResponse.SC_OK);
            answer.setContentType("application/json");
            answer.setCharacterEncoding("UTF-8");
            answer.setContentLength(json.length);
            answer.getOutputStream().write(json);
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

    /** The body's message; empty when it is none, which the servlet then refuses in its words. */
    private Optional<McpSchema.JSONRPCMessage> read(String body) {
        try {
            return Optional.of(McpSchema.deserializeJsonRpcMessage(mapper, body));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The body's character set, as the servlet decides it. */
    private static Charset charset(HttpServletRequest http) {
        try {
            return http.getCharacterEncoding() == null ? StandardCharsets.UTF_8
                    : Charset.forName(http.getCharacterEncoding());
        } catch (IllegalArgumentException e) {
            return StandardCharsets.UTF_8;
        }
    }

    /** The request with its body to read again: the bytes this filter read, then whatever it left unread. */
    private static final class ReadAgain extends HttpServletRequestWrapper {
        private final InputStream body;

        ReadAgain(HttpServletRequest request, byte[] read, InputStream rest) {
            super(request);
            this.body = new SequenceInputStream(new ByteArrayInputStream(read), rest);
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
            return new BufferedReader(new InputStreamReader(getInputStream(), charset(this)));
        }
    }
}
