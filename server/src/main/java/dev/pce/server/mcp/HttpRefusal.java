package dev.pce.server.mcp;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.modelcontextprotocol.spec.HttpHeaders;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * A request the HTTP endpoint refuses: the status, and a JSON-RPC error body that says what was wrong, where, and
 * how to fix it. Every error answer of the endpoint is one of these (the filters', the SDK servlet's, Jetty's), so
 * a client always reads {@code {"jsonrpc":"2.0","id":null,"error":{"code":...,"message":...}}}.
 *
 * @param code    the JSON-RPC error code: {@link #PARSE_ERROR} for a body that is not JSON, {@link #INVALID_REQUEST}
 *                for JSON that is no JSON-RPC message, {@link #INTERNAL_ERROR} when the server failed, and
 *                {@link #REFUSED} for every other refusal (the HTTP status tells which)
 * @param headers response headers the status calls for ({@code WWW-Authenticate} with 401, {@code Allow} with 405)
 */
record HttpRefusal(int status, int code, String message, Map<String, String> headers) {
    static final int PARSE_ERROR = McpSchema.ErrorCodes.PARSE_ERROR;
    static final int INVALID_REQUEST = McpSchema.ErrorCodes.INVALID_REQUEST;
    static final int INTERNAL_ERROR = McpSchema.ErrorCodes.INTERNAL_ERROR;
    /** JSON-RPC leaves -32000 to -32099 to the server; this one means "refused at the HTTP level". */
    static final int REFUSED = -32000;

    /** The methods of the endpoint, as a 405 answer's {@code Allow} header lists them. */
    static final String METHODS = "GET, POST, DELETE";
    /** The largest request body a refusal reads before answering, to keep the connection. */
    static final int READ_BEFORE_REFUSING = 1 << 20;
    private static final JsonFactory JSON = new JsonFactory();
    private static final String NEW_SESSION = "start a new session by sending initialize without an "
            + HttpHeaders.MCP_SESSION_ID + " header";

    HttpRefusal {
        headers = Map.copyOf(headers);
    }

    HttpRefusal(int status, int code, String message) {
        this(status, code, message, Map.of());
    }

    /**
     * Writes the refusal as the whole answer, once the request's body is read: a kept-alive connection then serves
     * the client's next request. Jetty ends a connection whose request body was not read when the answer was
     * complete, without telling the client, whose next request on it then fails; a body too large to read first
     * (over {@link #READ_BEFORE_REFUSING} bytes) gets {@code Connection: close} instead.
     */
    void send(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!readBody(request)) {
            response.setHeader("Connection", "close");
        }
        byte[] body = body();
        response.setStatus(status);
        headers.forEach(response::setHeader);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** Reads and drops the request's body; false when it is larger than the bound, or cannot be read. */
    private static boolean readBody(HttpServletRequest request) {
        if (request.getContentLengthLong() > READ_BEFORE_REFUSING) {
            return false;
        }
        byte[] buffer = new byte[8192];
        long read = 0;
        try {
            InputStream in = request.getInputStream();
            int n;
            while (read <= READ_BEFORE_REFUSING && (n = in.read(buffer)) >= 0) {
                read += n;
            }
        } catch (IOException e) {
            return false; // the client went away; the connection ends with it
        }
        return read <= READ_BEFORE_REFUSING;
    }

    /** The JSON-RPC error message, as bytes. */
    byte[] body() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + message.length());
        try (JsonGenerator json = JSON.createGenerator(bytes)) {
            writeBody(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to memory
        }
        return bytes.toByteArray();
    }

    /** The JSON-RPC error message: no request id is known at this level, so {@code id} is null. */
    void writeBody(JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeStringField("jsonrpc", McpSchema.JSONRPC_VERSION);
        json.writeNullField("id");
        json.writeObjectFieldStart("error");
        json.writeNumberField("code", code);
        json.writeStringField("message", message);
        json.writeEndObject();
        json.writeEndObject();
    }

    static HttpRefusal missingToken() {
        return unauthorized("This server requires a bearer token and the request has no Authorization header: "
                + "send 'Authorization: Bearer <token>' with the token the server was started with (its --token, or "
                + "CE_HTTP_TOKEN).", "Bearer");
    }

    static HttpRefusal otherScheme(String scheme) {
        return unauthorized("The Authorization header uses the " + quoted(scheme) + " scheme; this server takes "
                + "only 'Authorization: Bearer <token>' with the token it was started with (its --token, or "
                + "CE_HTTP_TOKEN).", "Bearer");
    }

    static HttpRefusal noScheme() {
        return unauthorized("The Authorization header has a value but no scheme; this server takes only "
                + "'Authorization: Bearer <token>' with the token it was started with (its --token, or "
                + "CE_HTTP_TOKEN).", "Bearer");
    }

    static HttpRefusal wrongToken() {
        // RFC 6750 section 3.1: a token was presented and is not valid
        return unauthorized("The bearer token in the Authorization header is not this server's: send the token the "
                + "server was started with (its --token, or CE_HTTP_TOKEN); tokens are case-sensitive.",
                "Bearer error=\"invalid_token\"");
    }

    private static HttpRefusal unauthorized(String message, String challenge) {
        return new HttpRefusal(HttpServletResponse.SC_UNAUTHORIZED, REFUSED, message,
                Map.of("WWW-Authenticate", challenge));
    }

    static HttpRefusal forbidden(String reason) {
        return new HttpRefusal(HttpServletResponse.SC_FORBIDDEN, REFUSED, reason);
    }

    static HttpRefusal methodNotAllowed(String method) {
        return new HttpRefusal(HttpServletResponse.SC_METHOD_NOT_ALLOWED, REFUSED, quoted(method) + " is not a "
                + "method of the MCP endpoint " + HttpEndpoint.PATH + ": use POST to send a message, GET to open the "
                + "server's event stream, DELETE to end a session.", Map.of("Allow", METHODS));
    }

    static HttpRefusal unsupportedMediaType(String contentType) {
        return new HttpRefusal(HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, REFUSED, "A POST to "
                + HttpEndpoint.PATH + " must carry a JSON-RPC message as 'Content-Type: application/json' in UTF-8, "
                + "not " + (contentType == null ? "without a Content-Type" : quoted(contentType)) + ".");
    }

    static HttpRefusal notAcceptable(String method, String accept, String needed) {
        return new HttpRefusal(HttpServletResponse.SC_NOT_ACCEPTABLE, REFUSED, "A " + method + " to "
                + HttpEndpoint.PATH + " must accept " + needed + " (the server answers with either), but its Accept "
                + "header is " + (accept == null ? "missing" : quoted(accept)) + ": send 'Accept: " + needed + "'.");
    }

    static HttpRefusal missingSession(String method) {
        return new HttpRefusal(HttpServletResponse.SC_BAD_REQUEST, REFUSED, "This " + method + " to "
                + HttpEndpoint.PATH + " has no " + HttpHeaders.MCP_SESSION_ID + " header, and only initialize may "
                + "come without one: send the session id the initialize answer gave in its "
                + HttpHeaders.MCP_SESSION_ID + " header, or " + NEW_SESSION + ".");
    }

    static HttpRefusal unknownSession(String sessionId) {
        return new HttpRefusal(HttpServletResponse.SC_NOT_FOUND, REFUSED, "The session " + quoted(sessionId)
                + " of the " + HttpHeaders.MCP_SESSION_ID + " header is not open on this server (it was ended, "
                + "closed after being idle, or the server restarted): " + NEW_SESSION + ".");
    }

    static HttpRefusal nothingToResume(String lastEventId) {
        return new HttpRefusal(HttpServletResponse.SC_METHOD_NOT_ALLOWED, REFUSED, "This GET asks to resume a stream "
                + "after the event " + quoted(lastEventId) + ", which is the answer to a request: that request was "
                + "answered, and this server keeps no events to replay. Open the session's stream with a GET "
                + "without a Last-Event-ID header.", Map.of("Allow", METHODS));
    }

    static HttpRefusal unsupportedVersion(String version, List<String> supported) {
        return new HttpRefusal(HttpServletResponse.SC_BAD_REQUEST, REFUSED, "The " + HttpHeaders.PROTOCOL_VERSION
                + " header names " + quoted(version) + ", a protocol version this server does not support; it "
                + "supports " + String.join(", ", supported) + ": send the version initialize agreed on.");
    }

    static HttpRefusal notJson(String position) {
        return new HttpRefusal(HttpServletResponse.SC_BAD_REQUEST, PARSE_ERROR, "The body of this POST is not "
                + "valid JSON" + position + ": send one JSON-RPC message, e.g. "
                + "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}.");
    }

    static HttpRefusal notJsonRpc() {
        return new HttpRefusal(HttpServletResponse.SC_BAD_REQUEST, INVALID_REQUEST, "The body of this POST is JSON "
                + "but not a JSON-RPC 2.0 message: send a request {\"jsonrpc\":\"2.0\",\"id\":...,\"method\":...}, "
                + "a notification (no id), or a response to a request of the server.");
    }

    static HttpRefusal batch() {
        return new HttpRefusal(HttpServletResponse.SC_BAD_REQUEST, INVALID_REQUEST, "The body of this POST is a JSON "
                + "array, a batch of messages, which the MCP Streamable HTTP transport (2025-06-18) does not take: "
                + "send one JSON-RPC message per POST.");
    }

    static HttpRefusal idOfWrongKind(String kind) {
        return new HttpRefusal(HttpServletResponse.SC_BAD_REQUEST, INVALID_REQUEST, "The id of this message is "
                + kind + "; MCP takes a string or a whole number: send e.g. \"id\":1.");
    }

    static HttpRefusal unreadableBody() {
        return new HttpRefusal(HttpServletResponse.SC_BAD_REQUEST, REFUSED, "The body of this POST could not be read "
                + "whole: send it at once, as its Content-Length says.");
    }

    static HttpRefusal serverFailed() {
        return new HttpRefusal(HttpServletResponse.SC_INTERNAL_SERVER_ERROR, INTERNAL_ERROR, "The server failed "
                + "while handling this request; this is a PCE bug, not your input. Details are in the server's log "
                + "(pce-*.log under logs/ in its workspace); try again.");
    }

    /**
     * Any other error status Jetty or the SDK's servlet answers with: for an address that is not the endpoint, an
     * HTTP message Jetty cannot read, a body over the size limit, a server shutting down or failing.
     */
    static HttpRefusal status(int status, String path, String reason) {
        String message = switch (status) {
            case 404 -> "There is nothing at " + quoted(path) + ": the MCP endpoint is " + HttpEndpoint.PATH + ".";
            case 413 -> "The request body is larger than the " + (PceMcpServer.MAX_MESSAGE_BYTES >> 20) + " MiB "
                    + "this server accepts for one message: send a smaller message.";
            case 414 -> "The request's address is too long for this server: send a shorter one.";
            case 431 -> "The request's headers are too large for this server: send smaller ones.";
            case 500 -> serverFailed().message();
            case 503 -> "The server is shutting down: connect again once it is back.";
            default -> "This request was refused with HTTP " + status + " (" + quoted(reason) + "): send a "
                    + "well-formed HTTP/1.1 request to " + HttpEndpoint.PATH + ".";
        };
        return new HttpRefusal(status, status == 500 ? INTERNAL_ERROR : REFUSED, message);
    }

    /**
     * A value from the request quoted in a message: no quote, backslash or control character, and short, so it
     * cannot pass for part of the message.
     */
    static String quoted(String value) {
        String safe = value.replaceAll("[\"\\\\\\p{Cntrl}]", "?");
        return "'" + (safe.length() <= 80 ? safe : safe.substring(0, 80) + "...") + "'";
    }
}
