package dev.pce.server.mcp;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The body of a POST to the endpoint, read whole before anything acts on it: one JSON-RPC message, or why it is
 * none. The SDK's servlet answers a body it cannot read as "not valid JSON" or as a failure of the server,
 * whatever the fault; read here, each body that is no message gets the refusal that names its fault: not JSON
 * (and where), a batch, no JSON-RPC 2.0 message, an id of the wrong kind, too large.
 */
final class PostBody {
    /** Reads precisely: numbers of any size, nothing after the message. */
    private static final ObjectMapper STRICT = new ObjectMapper().enable(
            DeserializationFeature.FAIL_ON_TRAILING_TOKENS, DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS,
            DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);

    private PostBody() {
    }

    /** What a body held. */
    sealed interface Read {
    }

    /** A JSON-RPC message, and the body's bytes for whoever reads it next. */
    record Message(McpSchema.JSONRPCMessage message, byte[] bytes) implements Read {
    }

    /** A body that is no message the server can take. */
    record Refused(HttpRefusal refusal) implements Read {
    }

    /** The body could not be read whole: the client went away, or sent it too slowly and was cut off. */
    record Unread(IOException cause) implements Read {
    }

    /** The body of {@code request}, of at most {@code maxBytes}: JSON in UTF-8 ({@link StreamableHttpRules}). */
    static Read read(HttpServletRequest request, int maxBytes, McpJsonMapper mapper) {
        if (request.getContentLengthLong() > maxBytes) {
            return tooLarge();
        }
        byte[] bytes;
        try {
            bytes = request.getInputStream().readNBytes(maxBytes + 1);
        } catch (IOException e) {
            return new Unread(e);
        }
        return bytes.length > maxBytes ? tooLarge() : of(bytes, mapper);
    }

    /** What {@code bytes} hold. */
    static Read of(byte[] bytes, McpJsonMapper mapper) {
        JsonNode tree;
        try {
            tree = STRICT.readTree(bytes);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            return new Refused(HttpRefusal.notJson(at == null || at.getLineNr() < 1 ? ""
                    : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        } catch (IOException | RuntimeException e) {
            return new Refused(HttpRefusal.notJson(""));
        }
        if (tree == null || tree.isMissingNode()) {
            return new Refused(HttpRefusal.notJson(""));
        }
        if (tree.isArray()) {
            return new Refused(HttpRefusal.batch());
        }
        if (!tree.isObject() || !"2.0".equals(tree.path("jsonrpc").textValue())) {
            return new Refused(HttpRefusal.notJsonRpc());
        }
        JsonNode id = tree.get("id");
        if (id != null && !id.isTextual() && !id.isIntegralNumber()) {
            return new Refused(HttpRefusal.idOfWrongKind(kind(id)));
        }
        try {
            return new Message(McpSchema.deserializeJsonRpcMessage(mapper,
                    new String(bytes, StandardCharsets.UTF_8)), bytes);
        } catch (IOException | RuntimeException e) {
            return new Refused(HttpRefusal.notJsonRpc());
        }
    }

    private static Refused tooLarge() {
        return new Refused(HttpRefusal.status(413, HttpEndpoint.PATH, "Payload Too Large"));
    }

    private static String kind(JsonNode value) {
        return switch (value.getNodeType()) {
            case NULL -> "null";
            case NUMBER -> "a number written with a fraction or an exponent";
            case BOOLEAN -> "a boolean";
            case ARRAY -> "an array";
            default -> "an object";
        };
    }
}
