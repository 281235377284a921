package dev.pce.server.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Stands between the client and the SDK's stdio transport. The transport stops reading for good at the first line
 * it cannot parse, which would leave a server that no longer answers; so every line is first checked with the
 * SDK's own message parser, and a bad or oversize line is answered here with a JSON-RPC error and dropped.
 * Also reports the end of input, which is how an MCP client ends a stdio session.
 */
public final class JsonRpcInputGuard extends InputStream {
    private static final Logger LOG = LoggerFactory.getLogger(JsonRpcInputGuard.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PARSE_ERROR = -32700;
    private static final int INVALID_REQUEST = -32600;

    private final InputStream in;
    private final OutputStream protocolOut;
    private final McpJsonMapper mapper;
    private final int maxLineBytes;
    private final Runnable onEndOfInput;
    private byte[] current = new byte[0];
    private int position;
    private boolean ended;

    /**
     * @param protocolOut the very stream the transport writes to: it synchronizes on it per message, so do we
     */
    public JsonRpcInputGuard(InputStream in, OutputStream protocolOut, McpJsonMapper mapper, int maxLineBytes,
                             Runnable onEndOfInput) {
        this.in = new BufferedInputStream(in, 64 * 1024);
        this.protocolOut = protocolOut;
        this.mapper = mapper;
        this.maxLineBytes = maxLineBytes;
        this.onEndOfInput = onEndOfInput;
    }

    @Override
    public int read() throws IOException {
        if (!fill()) {
            return -1;
        }
        return current[position++] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int count = Math.min(length, current.length - position);
        System.arraycopy(current, position, buffer, offset, count);
        position += count;
        return count;
    }

    /** Makes the next valid message line available; false at the end of input. */
    private boolean fill() throws IOException {
        while (position == current.length) {
            if (ended) {
                return false;
            }
            byte[] line = nextLine();
            if (line == null) {
                ended = true;
                onEndOfInput.run();
                return false;
            }
            if (line.length > 0 && accepted(line)) {
                current = new byte[line.length + 1];
                System.arraycopy(line, 0, current, 0, line.length);
                current[line.length] = '\n';
                position = 0;
            }
        }
        return true;
    }

    /** The next line without its terminator; null at the end of input. Oversize lines are answered and skipped. */
    private byte[] nextLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        boolean oversize = false;
        int next;
        while ((next = in.read()) != -1 && next != '\n') {
            if (line.size() >= maxLineBytes) {
                oversize = true;
            } else {
                line.write(next);
            }
        }
        if (next == -1 && line.size() == 0) {
            return null;
        }
        if (oversize) {
            reject(null, INVALID_REQUEST, "Message longer than " + maxLineBytes + " bytes; it was dropped. "
                    + "Send smaller requests (large outputs belong in files).");
            return new byte[0];
        }
        byte[] bytes = line.toByteArray();
        int end = bytes.length;
        while (end > 0 && (bytes[end - 1] == '\r' || bytes[end - 1] == ' ' || bytes[end - 1] == '\t')) {
            end--;
        }
        return end == bytes.length ? bytes : Arrays.copyOf(bytes, end);
    }

    private boolean accepted(byte[] line) {
        String text = new String(line, StandardCharsets.UTF_8);
        if (text.isBlank()) {
            return false;
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(text);
        } catch (IOException e) {
            reject(null, PARSE_ERROR, "Parse error: the line is not JSON. Send one JSON-RPC 2.0 message per line.");
            return false;
        }
        JsonNode id = tree != null && tree.isObject() ? tree.get("id") : null;
        try {
            McpSchema.deserializeJsonRpcMessage(mapper, text);
            return true;
        } catch (IOException | RuntimeException e) {
            reject(id, INVALID_REQUEST, "Invalid request: not a JSON-RPC 2.0 message (" + e.getClass().getSimpleName()
                    + "). Send an object with \"jsonrpc\":\"2.0\" and a method; batches are not supported.");
            return false;
        }
    }

    private void reject(JsonNode id, int code, String message) {
        LOG.warn("Dropped an input line: {}", message);
        ObjectNode response = JSON.createObjectNode();
        response.put("jsonrpc", "2.0");
        response.set("id", id == null ? JSON.nullNode() : id);
        response.putObject("error").put("code", code).put("message", message);
        try {
            byte[] bytes = (JSON.writeValueAsString(response) + "\n").getBytes(StandardCharsets.UTF_8);
            synchronized (protocolOut) {
                protocolOut.write(bytes);
                protocolOut.flush();
            }
        } catch (IOException e) {
            LOG.warn("Could not answer a bad input line: {}", e.toString());
        }
    }
}
