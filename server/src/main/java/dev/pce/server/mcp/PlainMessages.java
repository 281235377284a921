package dev.pce.server.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.pce.engine.Json;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads messages as the MCP SDK does, without its copies of a plain request's params. The SDK reads a line into a
 * map, then converts that map into a {@link McpSchema.JSONRPCRequest} (a deep copy of the params, written out and
 * read back), and a {@code tools/call}'s params once more into a {@link McpSchema.CallToolRequest} (a deep copy of
 * the arguments): three copies of a 100,000-task plan alive at once, and about 4% of its {@code ce_plan} call.
 * Where the map holds exactly what those records take, with the types they take, the record is made from the map's
 * own values, which the conversion would only have copied; anything else goes through the SDK's conversion.
 */
final class PlainMessages {
    private static final TypeRef<HashMap<String, Object>> MAP = new TypeRef<>() {
    };
    private static final Set<String> REQUEST_FIELDS = Set.of("jsonrpc", "method", "id", "params");
    private static final Set<String> CALL_FIELDS = Set.of("name", "arguments", "_meta");

    private PlainMessages() {
    }

    /**
     * As {@link McpSchema#deserializeJsonRpcMessage}, the params of a plain request not copied, and a plain
     * {@code tools/call}'s arguments read once, as the tree the tools read ({@link TreeArguments}).
     */
    static McpSchema.JSONRPCMessage read(McpJsonMapper mapper, String line) throws IOException {
        // in every line that can be a plain tools/call (its method written without escapes): a cheap test first
        if (line.contains(McpSchema.METHOD_TOOLS_CALL)) {
            JsonNode message = Json.plain().readTree(line);
            Optional<McpSchema.JSONRPCRequest> call = plainToolCall(message);
            if (call.isPresent()) {
                return call.get();
            }
        }
        HashMap<String, Object> map = mapper.readValue(line, MAP);
        boolean request = map.containsKey("method") && map.containsKey("id");
        if (request && isPlainRequest(map)) {
            return new McpSchema.JSONRPCRequest((String) map.get("jsonrpc"), (String) map.get("method"),
                    map.get("id"), map.get("params"));
        }
        // the SDK's own branches, in its order
        if (request) {
            return mapper.convertValue(map, McpSchema.JSONRPCRequest.class);
        }
        if (map.containsKey("method")) {
            return mapper.convertValue(map, McpSchema.JSONRPCNotification.class);
        }
        if (map.containsKey("result") || map.containsKey("error")) {
            return mapper.convertValue(map, McpSchema.JSONRPCResponse.class);
        }
        throw new IllegalArgumentException("Cannot deserialize JSONRPCMessage: " + line);
    }

    /**
     * The request the SDK's reading makes of {@code message}, when it is a plain {@code tools/call}: the fields a
     * request has and nothing else, of the types the SDK keeps (an id a string or a whole number of at most 64 bits),
     * params of a string name, an object of arguments or none, an object of metadata or none. The arguments are
     * {@link TreeArguments}; the metadata, small, is read as the SDK reads it.
     */
    private static Optional<McpSchema.JSONRPCRequest> plainToolCall(JsonNode message) {
        if (!(message instanceof ObjectNode request) || !hasOnly(request, REQUEST_FIELDS)
                || !(request.get("jsonrpc") instanceof TextNode jsonrpc) || jsonrpc.textValue().isBlank()
                || !(request.get("method") instanceof TextNode method)
                || !McpSchema.METHOD_TOOLS_CALL.equals(method.textValue())
                || !(request.get("params") instanceof ObjectNode params) || !hasOnly(params, CALL_FIELDS)
                || !(params.get("name") instanceof TextNode name)
                || !(isAbsent(params.get("arguments")) || params.get("arguments") instanceof ObjectNode)
                || !(isAbsent(params.get("_meta")) || params.get("_meta") instanceof ObjectNode)) {
            return Optional.empty();
        }
        Object id = switch (request.get("id")) {
            case TextNode text -> text.textValue();
            case IntNode number -> number.intValue();
            case LongNode number -> number.longValue();
            case null, default -> null;
        };
        if (id == null) {
            return Optional.empty();
        }
        Map<String, Object> callParams = new LinkedHashMap<>();
        params.properties().forEach(field -> callParams.put(field.getKey(), switch (field.getKey()) {
            case "name" -> name.textValue();
            case "arguments" -> field.getValue() instanceof ObjectNode arguments ? new TreeArguments(arguments) : null;
            default -> Json.plain().convertValue(field.getValue(), Object.class);
        }));
        return Optional.of(new McpSchema.JSONRPCRequest(jsonrpc.textValue(), method.textValue(), id, callParams));
    }

    private static boolean hasOnly(ObjectNode object, Set<String> fields) {
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            if (!fields.contains(field.getKey())) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAbsent(JsonNode node) {
        return node == null || node.isNull();
    }

    /**
     * The {@code tools/call} params as the SDK's conversion makes them, when they are plain: a string name, an
     * object of arguments or none, an object of metadata or none, and nothing else.
     */
    @SuppressWarnings("unchecked")
    static Optional<McpSchema.CallToolRequest> callToolRequest(Object params) {
        if (!(params instanceof Map<?, ?> map) || !CALL_FIELDS.containsAll(map.keySet())
                || !(map.get("name") instanceof String name)
                || !(map.get("arguments") == null || map.get("arguments") instanceof Map)
                || !(map.get("_meta") == null || map.get("_meta") instanceof Map)) {
            return Optional.empty();
        }
        return Optional.of(new McpSchema.CallToolRequest(name, (Map<String, Object>) map.get("arguments"),
                (Map<String, Object>) map.get("_meta")));
    }

    /**
     * The SDK server's mapper: {@code mapper}, except that a {@code tools/call}'s plain params become its
     * {@link McpSchema.CallToolRequest} without a copy (the SDK converts them with its server's mapper, not the
     * transport's).
     */
    static McpJsonMapper forTheServer(McpJsonMapper mapper) {
        return new CallsUncopied(mapper);
    }

    /**
     * The fields the record takes, with the types it keeps (a converted string is a string, an id a string or a
     * whole number of at most 64 bits read as the conversion reads it), and params an object: its conversion to
     * {@code Object} would rebuild the same map.
     */
    private static boolean isPlainRequest(Map<String, Object> map) {
        Object id = map.get("id");
        return REQUEST_FIELDS.containsAll(map.keySet()) && map.get("jsonrpc") instanceof String jsonrpc
                && !jsonrpc.isBlank() && map.get("method") instanceof String
                && (id instanceof String || id instanceof Integer || id instanceof Long)
                && map.get("params") instanceof Map;
    }

    /** Delegates everything to the mapper but the conversion of plain tools/call params. */
    private record CallsUncopied(McpJsonMapper mapper) implements McpJsonMapper {
        @Override
        public <T> T readValue(String content, Class<T> type) throws IOException {
            return mapper.readValue(content, type);
        }

        @Override
        public <T> T readValue(byte[] content, Class<T> type) throws IOException {
            return mapper.readValue(content, type);
        }

        @Override
        public <T> T readValue(String content, TypeRef<T> type) throws IOException {
            return mapper.readValue(content, type);
        }

        @Override
        public <T> T readValue(byte[] content, TypeRef<T> type) throws IOException {
            return mapper.readValue(content, type);
        }

        @Override
        public <T> T convertValue(Object value, Class<T> type) {
            return mapper.convertValue(value, type);
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T convertValue(Object value, TypeRef<T> type) {
            if (type.getType() == McpSchema.CallToolRequest.class) {
                Optional<McpSchema.CallToolRequest> plain = callToolRequest(value);
                if (plain.isPresent()) {
                    return (T) plain.get();
                }
            }
            return mapper.convertValue(value, type);
        }

        @Override
        public String writeValueAsString(Object value) throws IOException {
            return mapper.writeValueAsString(value);
        }

        @Override
        public byte[] writeValueAsBytes(Object value) throws IOException {
            return mapper.writeValueAsBytes(value);
        }
    }
}
