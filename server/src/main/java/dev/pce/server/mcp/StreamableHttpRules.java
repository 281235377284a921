package dev.pce.server.mcp;

import io.modelcontextprotocol.spec.HttpHeaders;
import io.modelcontextprotocol.spec.ProtocolVersions;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The rules of the MCP Streamable HTTP transport (specification 2025-06-18) for a request's method and headers,
 * checked before the SDK's servlet sees the request: each refusal names the header and how to fix it. The SDK
 * checks some of them too, but answers with less to act on; it does not check {@code MCP-Protocol-Version}.
 *
 * <p>One rule is PCE's own: a GET that asks to resume a stream after an answer is refused ({@link #resumesAnAnswer}).
 *
 * @param supportedVersions the protocol versions the server supports
 */
record StreamableHttpRules(List<String> supportedVersions) implements Filter {
    /** What a request after initialization without {@code MCP-Protocol-Version} speaks, as the specification says. */
    static final String ASSUMED_VERSION = ProtocolVersions.MCP_2025_03_26;
    private static final String JSON = "application/json";
    private static final String EVENT_STREAM = "text/event-stream";

    StreamableHttpRules {
        supportedVersions = List.copyOf(supportedVersions);
    }

    /** The headers the rules read. */
    record Headers(String contentType, String accept, String sessionId, String protocolVersion, String lastEventId) {
        Headers(String contentType, String accept, String sessionId, String protocolVersion) {
            this(contentType, accept, sessionId, protocolVersion, null);
        }

        static Headers of(HttpServletRequest request) {
            // the header as sent: the servlet API fails on a character set it does not know
            return new Headers(request.getHeader("Content-Type"), request.getHeader(HttpHeaders.ACCEPT),
                    request.getHeader(HttpHeaders.MCP_SESSION_ID), request.getHeader(HttpHeaders.PROTOCOL_VERSION),
                    request.getHeader(HttpHeaders.LAST_EVENT_ID));
        }
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        // other addresses are not the endpoint: the servlets answer them with 404
        Optional<HttpRefusal> refusal = HttpEndpoint.PATH.equals(http.getRequestURI())
                ? refusal(http.getMethod(), Headers.of(http)) : Optional.empty();
        if (refusal.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        refusal.get().send(http, (HttpServletResponse) response);
    }

    /** Why a request of this method with these headers is refused; empty when it is not. */
    Optional<HttpRefusal> refusal(String method, Headers headers) {
        switch (method) {
            case "POST" -> {
                if (!isJson(headers.contentType())) {
                    return Optional.of(HttpRefusal.unsupportedMediaType(headers.contentType()));
                }
                if (!accepts(headers.accept(), JSON) || !accepts(headers.accept(), EVENT_STREAM)) {
                    return Optional.of(HttpRefusal.notAcceptable(method, headers.accept(), JSON + ", " + EVENT_STREAM));
                }
                // without a session id it can only be initialize, which comes before a version is agreed on
                if (isBlank(headers.sessionId())) {
                    return Optional.empty();
                }
            }
            case "GET" -> {
                if (!accepts(headers.accept(), EVENT_STREAM)) {
                    return Optional.of(HttpRefusal.notAcceptable(method, headers.accept(), EVENT_STREAM));
                }
                if (isBlank(headers.sessionId())) {
                    return Optional.of(HttpRefusal.missingSession(method));
                }
                if (resumesAnAnswer(headers)) {
                    return Optional.of(HttpRefusal.nothingToResume(headers.lastEventId()));
                }
            }
            case "DELETE" -> {
                if (isBlank(headers.sessionId())) {
                    return Optional.of(HttpRefusal.missingSession(method));
                }
            }
            default -> {
                return Optional.of(HttpRefusal.methodNotAllowed(method));
            }
        }
        String version = headers.protocolVersion() == null ? ASSUMED_VERSION : headers.protocolVersion().strip();
        return supportedVersions.contains(version) ? Optional.empty()
                : Optional.of(HttpRefusal.unsupportedVersion(version, supportedVersions));
    }

    /**
     * Whether a GET asks to resume a stream after the answer to a request. The SDK's servlet gives every answer the
     * session's id as its event id (and every other message an id of its own), and keeps no events to replay. The
     * TypeScript SDK's client (1.x) takes an error answer on a request's stream for no answer and asks to resume
     * that stream so; served, the GET would replace the session's GET stream, whose client then resumes that one in
     * turn: a new GET stream every second, for ever. Refused with 405, the client leaves it at that.
     */
    static boolean resumesAnAnswer(Headers headers) {
        return headers.lastEventId() != null && headers.lastEventId().strip().equals(headers.sessionId().strip());
    }

    /**
     * {@code application/json}, in any case, with parameters or not, but in UTF-8 (RFC 8259 section 8.1): the
     * servlet could not read another character set, or would read it wrong.
     */
    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String[] parts = contentType.split(";");
        if (!parts[0].strip().toLowerCase(Locale.ROOT).equals(JSON)) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].split("=", 2);
            if (parameter[0].strip().equalsIgnoreCase("charset") && (parameter.length < 2
                    || !parameter[1].strip().replace("\"", "").equalsIgnoreCase("utf-8"))) {
                return false;
            }
        }
        return true;
    }

    /** As the SDK's servlet decides it, so a request passed here is not refused there for the same reason. */
    private static boolean accepts(String accept, String type) {
        return accept != null && accept.contains(type);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
