package dev.pce.server.mcp;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpError;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SDK's Streamable HTTP servlet answers its own refusals (an unknown session, a body that is no JSON-RPC
 * message, ...) by serializing an {@link McpError}, an exception, with the transport's JSON mapper: by default
 * that writes the exception's fields, some 8 KB of stack trace. The transport's mapper writes an McpError as the
 * JSON-RPC error body of the matching {@link HttpRefusal} instead.
 */
public final class SdkErrorBodies {
    // the messages of the SDK's servlet (MCP Java SDK 2.1), each the start of one refusal
    private static final String SESSION_NOT_FOUND = "Session not found: ";
    private static final String SESSION_REQUIRED = "Session ID required";
    private static final String INVALID_FORMAT = "Invalid message format: ";
    /** Where a JSON parser stopped, as Jackson's messages say it. */
    private static final Pattern POSITION = Pattern.compile("line: (\\d+), column: (\\d+)");

    private SdkErrorBodies() {
    }

    /** A mapper for the SDK's HTTP transport: the protocol's, plus the McpError bodies. */
    public static JacksonMcpJsonMapper transportMapper(ObjectMapper protocolMapper) {
        ObjectMapper mapper = protocolMapper.copy()
                .registerModule(new SimpleModule("pce-http-errors").addSerializer(McpError.class, new Body()));
        return new JacksonMcpJsonMapper(mapper);
    }

    /** The refusal an McpError of the SDK's servlet stands for. */
    static HttpRefusal refusal(McpError error) {
        String message = error.getMessage() == null ? "" : error.getMessage();
        if (message.startsWith(SESSION_NOT_FOUND)) {
            return HttpRefusal.unknownSession(message.substring(SESSION_NOT_FOUND.length()));
        }
        if (message.startsWith(SESSION_REQUIRED)) {
            return HttpRefusal.missingSession("POST");
        }
        if (message.startsWith(INVALID_FORMAT)) {
            return invalidMessage(message.substring(INVALID_FORMAT.length()));
        }
        int code = error.getJsonRpcError() == null ? HttpRefusal.INTERNAL_ERROR : error.getJsonRpcError().code();
        if (code == HttpRefusal.INTERNAL_ERROR) {
            // its message may quote an exception of the server's: that goes to the log, which the SDK wrote to
            return HttpRefusal.serverFailed();
        }
        return new HttpRefusal(400, HttpRefusal.REFUSED, message + ": change the request as the MCP Streamable "
                + "HTTP transport (2025-06-18) describes.");
    }

    /**
     * The SDK reads the body in two steps: JSON into a map (a syntax error, or JSON that is no object, fails
     * here), then the map into a message (fails with "Cannot deserialize ...").
     */
    private static HttpRefusal invalidMessage(String detail) {
        if (detail.startsWith("Cannot deserialize")) {
            return HttpRefusal.notJsonRpc();
        }
        Matcher position = POSITION.matcher(detail);
        return HttpRefusal.notJson(position.find()
                ? " (line " + position.group(1) + ", column " + position.group(2) + ")" : "");
    }

    private static final class Body extends StdSerializer<McpError> {
        Body() {
            super(McpError.class);
        }

        @Override
        public void serialize(McpError error, JsonGenerator json, SerializerProvider provider) throws IOException {
            refusal(error).writeBody(json);
        }
    }
}
